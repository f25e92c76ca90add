import type { SummaryMeeting } from '@shared/domain';
import type { ShareableDb } from '../db/shareable';

/**
 * The summary's only window onto the programme, the meetings and the agreement: every query here
 * reads `shareable_*` views (0006) through the shareable handle, which refuses anything else.
 * Meeting metadata, theme names, the ideas the group agreed to forward (their own wording),
 * attendance as counts (names only on request), the agreed goals and the continuation decision.
 * Notes, absence reasons, agreed actions and between-meeting tasks are not reachable from here,
 * and test/services/summary-structure.test.ts checks every query.
 */
export function heldMeetings(db: ShareableDb, withNames: boolean): SummaryMeeting[] {
  const meetings = db.all<Omit<SummaryMeeting, 'themes' | 'present' | 'marked' | 'presentNames'> & { id: number }>(
    `SELECT id, number, planned_date AS plannedDate, planned_month AS plannedMonth, place, format
     FROM shareable_meeting WHERE status = 'held' ORDER BY number`,
  );
  const themes = groupBy(
    db.all<{ meetingId: number; name: string }>(
      `SELECT t.meeting_id AS meetingId, t.name FROM shareable_meeting_theme t JOIN shareable_meeting m ON m.id = t.meeting_id
       WHERE m.status = 'held' ORDER BY t.meeting_id, t.position, t.name`,
    ),
  );
  const counts = new Map(
    db
      .all<{ meetingId: number; present: number; marked: number }>(
        `SELECT meeting_id AS meetingId, coalesce(sum(present), 0) AS present, count(*) AS marked
         FROM shareable_attendance GROUP BY meeting_id`,
      )
      .map((row) => [row.meetingId, row]),
  );
  const names = withNames
    ? groupBy(
        db.all<{ meetingId: number; name: string }>(
          `SELECT a.meeting_id AS meetingId, m.name FROM shareable_attendance a JOIN shareable_member m ON m.id = a.member_id
           WHERE a.present = 1 ORDER BY a.meeting_id, m.name`,
        ),
      )
    : null;
  return meetings.map(({ id, ...meeting }) => ({
    ...meeting,
    themes: themes.get(id) ?? [],
    present: counts.get(id)?.present ?? 0,
    marked: counts.get(id)?.marked ?? 0,
    presentNames: names ? (names.get(id) ?? []) : null,
  }));
}

function groupBy(rows: { meetingId: number; name: string }[]): Map<number, string[]> {
  const groups = new Map<number, string[]>();
  for (const { meetingId, name } of rows) groups.set(meetingId, [...(groups.get(meetingId) ?? []), name]);
  return groups;
}

/** How many held meetings discussed each theme. */
export function themeCounts(db: ShareableDb): { name: string; meetings: number }[] {
  return db.all(
    `SELECT t.name, count(*) AS meetings FROM shareable_meeting_theme t
     JOIN shareable_meeting m ON m.id = t.meeting_id WHERE m.status = 'held'
     GROUP BY t.theme_id ORDER BY meetings DESC, t.name`,
  );
}

/** The ideas the group agreed to forward, exactly as worded in the meeting. */
export function forwardedIdeas(db: ShareableDb): { meetingNumber: number; text: string }[] {
  return db.all(
    `SELECT m.number AS meetingNumber, i.text FROM shareable_idea i JOIN shareable_meeting m ON m.id = i.meeting_id
     ORDER BY m.number, i.position, i.id`,
  );
}

/** The programme's frame: names, period and how many members took part. */
export function programmeFacts(db: ShareableDb) {
  return db.get<{ name: string; organisation: string; facilitatorName: string; startDate: string; endDate: string; memberCount: number }>(
    `SELECT name, organisation, facilitator_name AS facilitatorName, start_date AS startDate, end_date AS endDate,
       (SELECT count(*) FROM shareable_member) AS memberCount
     FROM shareable_programme`,
  );
}

export type GoalKind = 'organisation' | 'member' | 'group';

/** The goals the group agreed on (latest agreed version, else the draft), in the agreement's order. */
export function agreedGoals(db: ShareableDb): { kind: GoalKind; text: string }[] {
  return db.all(
    `SELECT kind, text FROM shareable_agreement_goal
     ORDER BY CASE kind WHEN 'organisation' THEN 0 WHEN 'member' THEN 1 ELSE 2 END, position, id`,
  );
}

/** The group's decision on how to go on, and the facilitator's rationale written for the report. */
export function continuationDecision(db: ShareableDb): { decision: 'regular' | 'informal' | 'stop' | null; rationale: string } {
  return db.get(`SELECT decision, rationale FROM shareable_decision`) ?? { decision: null, rationale: '' };
}

/** Whether (and when) the programme was closed. */
export function archivedAt(db: ShareableDb): string | null {
  return db.get<{ archivedAt: string | null }>(`SELECT archived_at AS archivedAt FROM shareable_programme`)?.archivedAt ?? null;
}
