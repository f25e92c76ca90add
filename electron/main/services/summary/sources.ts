import type { Database } from 'better-sqlite3';
import type { SummaryMeeting } from '@shared/domain';

/**
 * The summary's only window onto what happened in the meetings. Every query here names its
 * columns, and none of them is confidential: meeting metadata, theme names, the ideas the group
 * agreed to forward (their own wording), and attendance as counts (names only on request).
 * Notes, absence reasons, agreed actions and between-meeting tasks are not reachable from here,
 * and test/services/summary-structure.test.ts keeps it that way.
 */
export function heldMeetings(db: Database, withNames: boolean): SummaryMeeting[] {
  const meetings = db
    .prepare(
      `SELECT id, number, planned_date AS plannedDate, planned_month AS plannedMonth, place, format
       FROM meeting WHERE status = 'held' ORDER BY number`,
    )
    .all() as (Omit<SummaryMeeting, 'themes' | 'present' | 'marked' | 'presentNames'> & { id: number })[];
  const themes = db.prepare(
    `SELECT t.name FROM meeting_theme mt JOIN theme t ON t.id = mt.theme_id WHERE mt.meeting_id = ? ORDER BY mt.position, t.name`,
  );
  const counts = db.prepare(
    `SELECT coalesce(sum(present), 0) AS present, count(*) AS marked FROM attendance WHERE meeting_id = ?`,
  );
  const names = db.prepare(
    `SELECT m.name FROM attendance a JOIN member m ON m.id = a.member_id WHERE a.meeting_id = ? AND a.present = 1 ORDER BY m.name`,
  );
  return meetings.map(({ id, ...meeting }) => {
    const { present, marked } = counts.get(id) as { present: number; marked: number };
    return {
      ...meeting,
      themes: (themes.all(id) as { name: string }[]).map((row) => row.name),
      present,
      marked,
      presentNames: withNames ? (names.all(id) as { name: string }[]).map((row) => row.name) : null,
    };
  });
}

/** How many held meetings discussed each theme. */
export function themeCounts(db: Database): { name: string; meetings: number }[] {
  return db
    .prepare(
      `SELECT t.name, count(*) AS meetings FROM meeting_theme mt JOIN theme t ON t.id = mt.theme_id
       JOIN meeting m ON m.id = mt.meeting_id WHERE m.status = 'held'
       GROUP BY t.id ORDER BY meetings DESC, t.name`,
    )
    .all() as { name: string; meetings: number }[];
}

/** The ideas the group agreed to forward, exactly as worded in the meeting. */
export function forwardedIdeas(db: Database): { meetingNumber: number; text: string }[] {
  return db
    .prepare(
      `SELECT m.number AS meetingNumber, i.text FROM idea_to_forward i JOIN meeting m ON m.id = i.meeting_id
       ORDER BY m.number, i.position, i.id`,
    )
    .all() as { meetingNumber: number; text: string }[];
}

/** The programme's frame: names, period and how many members took part. */
export function programmeFacts(db: Database) {
  return db
    .prepare(
      `SELECT name, organisation, facilitator_name AS facilitatorName, start_date AS startDate, end_date AS endDate,
         (SELECT count(*) FROM member) AS memberCount
       FROM programme WHERE id = 1`,
    )
    .get() as
    | { name: string; organisation: string; facilitatorName: string; startDate: string; endDate: string; memberCount: number }
    | undefined;
}
