import type { Database } from 'better-sqlite3';
import type { Health } from '@shared/domain';
import { today } from '../clock';
import type { HandlersOf } from '../handlers';
import { FIRST_DAY_SQL } from '../meetings/rules';
import { requireProgramme } from '../programme/service';
import { assess, type ActionFact, type HealthFacts, type MeetingFact, type RoundFact } from './rules';

/**
 * The facts the early warnings judge, read from the store in three statements: meetings with
 * attendance counts and the members in the group on each meeting's day, actions with when they
 * were done, and each ended feedback round's average. Counts and dates only; no text is read.
 */
export function healthFacts(db: Database, day = today()): HealthFacts {
  const { endDate } = requireProgramme(db);
  const meetings = db
    .prepare(
      `SELECT m.id, m.number, m.status, ${FIRST_DAY_SQL('m')} AS day,
         (SELECT count(*) FROM member mb WHERE mb.left_on IS NULL OR mb.left_on >= coalesce(${FIRST_DAY_SQL('m')}, :today)) AS members,
         (SELECT count(*) FROM attendance a WHERE a.meeting_id = m.id AND a.present = 1) AS present,
         (SELECT count(*) FROM attendance a WHERE a.meeting_id = m.id) AS marked
       FROM meeting m ORDER BY m.number`,
    )
    .all({ today: day }) as MeetingFact[];
  const actions = db
    .prepare(
      `SELECT m.number AS meetingNumber, a.status, a.due_date AS dueDate,
         CASE WHEN a.status = 'done' THEN coalesce(${FIRST_DAY_SQL('r')}, substr(a.updated_at, 1, 10)) END AS doneOn
       FROM action a JOIN meeting m ON m.id = a.meeting_id LEFT JOIN meeting r ON r.id = a.reviewed_in_id
       ORDER BY m.number, a.id`,
    )
    .all() as ActionFact[];
  const rounds = db
    .prepare(
      `SELECT m.number, avg(fa.score) AS mean, count(*) AS answers
       FROM feedback_survey s JOIN meeting m ON m.id = s.meeting_id
       JOIN feedback_response r ON r.survey_id = s.id JOIN feedback_answer fa ON fa.response_id = r.id
       JOIN feedback_question q ON q.id = fa.question_id
       WHERE s.instrument = 'round' AND s.status = 'closed' AND q.kind = 'scale' AND q.scale_max = 5
       GROUP BY s.id ORDER BY m.number`,
    )
    .all() as RoundFact[];
  return { today: day, endDate, meetings, actions, rounds: rounds.map((r) => ({ ...r, mean: Math.round(r.mean * 100) / 100 })) };
}

export const healthHandlers = (db: Database): HandlersOf<'health.overview'> => ({
  'health.overview': (): Health => assess(healthFacts(db)),
});
