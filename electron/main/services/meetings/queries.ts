import type { Database } from 'better-sqlite3';
import type { Action, Item } from '@shared/domain';
import { AppError } from '../errors';

/** Column lists and small look-ups shared by the meeting services. */
export const MEETING_COLUMNS = `m.id, m.number, m.status, m.planned_theme AS plannedTheme, m.planned_date AS plannedDate,
  m.planned_month AS plannedMonth, m.start_time AS startTime, m.planned_minutes AS plannedMinutes, m.place, m.format`;

export const ACTION_COLUMNS = `a.id, a.meeting_id AS meetingId, m.number AS meetingNumber, a.text,
  a.owner_member_id AS ownerMemberId, a.due_date AS dueDate, a.status, a.reviewed_in_id AS reviewedInId`;

export const now = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;

export function requireMeeting(db: Database, id: number): { id: number; number: number; plannedDate: string | null } {
  const row = db.prepare('SELECT id, number, planned_date AS plannedDate FROM meeting WHERE id = ?').get(id) as
    | { id: number; number: number; plannedDate: string | null }
    | undefined;
  if (!row) throw new AppError('not_found', `No meeting with id ${id}.`);
  return row;
}

export function requireMember(db: Database, id: number): void {
  if (!db.prepare('SELECT 1 FROM member WHERE id = ?').get(id)) throw new AppError('not_found', `No member with id ${id}.`);
}

export function getAction(db: Database, id: number): Action {
  const row = db.prepare(`SELECT ${ACTION_COLUMNS} FROM action a JOIN meeting m ON m.id = a.meeting_id WHERE a.id = ?`).get(id) as
    | Action
    | undefined;
  if (!row) throw new AppError('not_found', `No action with id ${id}.`);
  return row;
}

export type ItemTable = 'task' | 'idea_to_forward';

export function getItem(db: Database, table: ItemTable, id: number): Item {
  const row = db.prepare(`SELECT id, meeting_id AS meetingId, text FROM ${table} WHERE id = ?`).get(id) as Item | undefined;
  if (!row) throw new AppError('not_found', `No ${table === 'task' ? 'task' : 'idea'} with id ${id}.`);
  return row;
}

export function listItems(db: Database, table: ItemTable, meetingId: number): Item[] {
  return db
    .prepare(`SELECT id, meeting_id AS meetingId, text FROM ${table} WHERE meeting_id = ? ORDER BY position, id`)
    .all(meetingId) as Item[];
}
