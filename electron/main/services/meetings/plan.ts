import type { Database, Statement } from 'better-sqlite3';
import type { MeetingRef, PlanAdd, PlanCancel, PlanChange, PlannedMeeting, PlanUpdate } from '@shared/domain';
import { sqliteCode } from '../db/errors';
import { AppError, fieldError } from '../errors';
import type { HandlersOf } from '../handlers';
import { requireProgramme } from '../programme/service';
import { meetingFacts, requireMoveKeepsRecords, requireNothingHappened } from './rules';

/**
 * The meeting plan. The agreement's plan rows and the meetings are the same records: adding a
 * row schedules a meeting, and moving a meeting moves it in the plan. Changes keep a history.
 */
const PLAN_COLUMNS = `id, number, planned_theme AS plannedTheme, planned_date AS plannedDate,
  planned_month AS plannedMonth, place, format, status`;

type PlanRow = Omit<PlannedMeeting, 'hasContent' | 'history'>;

/**
 * "Has anything been recorded for this meeting?": notes that are more than blank space, or a row
 * in any other table with a foreign key to `meeting` (except the plan's own history), found from
 * the schema itself so that a table a later feature adds counts too. The schema cannot change
 * while the store is open, so the query is built once per connection.
 */
const contentQueries = new WeakMap<Database, { one: Statement<[{ id: number }], { has: number }>; all: Statement<[], { id: number }> }>();

/**
 * Tables that point at a meeting without recording anything that happened in it: the plan's own
 * history, notes (counted below, blank space aside), prompts chosen for it, its calendar event,
 * and the choice of it for the mid-point check. They go with a removed meeting (or let it go).
 */
const NOT_CONTENT = ['meeting_plan_change', 'meeting_note', 'meeting_prompt', 'calendar_event', 'midpoint_check'];

/** Notes are kept as typed, blank space too (meeting_note); only other characters make them content. */
const NOTES_WRITTEN = `trim(text, char(32, 9, 10, 13)) <> ''`;

function contentQuery(db: Database) {
  const cached = contentQueries.get(db);
  if (cached) return cached;
  const references = db
    .prepare(
      `SELECT DISTINCT m.name AS tableName, f."from" AS columnName FROM sqlite_schema m, pragma_foreign_key_list(m.name) f
       WHERE m.type = 'table' AND f."table" = 'meeting' AND m.name NOT IN (${NOT_CONTENT.map((t) => `'${t}'`).join(', ')})`,
    )
    .all() as { tableName: string; columnName: string }[];
  const checks = references.map(({ tableName, columnName }) => `EXISTS (SELECT 1 FROM "${tableName}" WHERE "${columnName}" = :id)`);
  const one = db.prepare<[{ id: number }], { has: number }>(
    `SELECT EXISTS (SELECT 1 FROM meeting_note WHERE meeting_id = :id AND ${NOTES_WRITTEN})${checks.map((check) => ` OR ${check}`).join('')} AS has`,
  );
  // Every meeting with content at once: one pass over each referencing table rather than a
  // look-up per meeting (some of those columns, such as action.reviewed_in_id, have no index).
  // Notes are read only for meetings with nothing else recorded: reading every meeting's notes
  // (20 KB each, decrypted page by page) would cost more than all the rest.
  const referenced = references.map(({ tableName, columnName }) => `SELECT "${columnName}" FROM "${tableName}" WHERE "${columnName}" IS NOT NULL`);
  const all = db.prepare<[], { id: number }>(
    `WITH referenced (id) AS (${referenced.join(' UNION ')})
     SELECT id FROM referenced
     UNION ALL SELECT meeting_id AS id FROM meeting_note WHERE meeting_id NOT IN referenced AND ${NOTES_WRITTEN}`,
  );
  const statements = { one, all };
  contentQueries.set(db, statements);
  return statements;
}

export function meetingHasContent(db: Database, id: number): boolean {
  return contentQuery(db).one.get({ id })?.has === 1;
}

function historyOf(db: Database, id: number): PlanChange[] {
  return db
    .prepare(
      `SELECT kind, old_value AS oldValue, new_value AS newValue, changed_at AS changedAt
       FROM meeting_plan_change WHERE meeting_id = ? ORDER BY id`,
    )
    .all(id) as PlanChange[];
}

export function getPlanned(db: Database, id: number): PlannedMeeting {
  const row = db.prepare(`SELECT ${PLAN_COLUMNS} FROM meeting WHERE id = ?`).get(id) as PlanRow | undefined;
  if (!row) throw new AppError('not_found', `No meeting with id ${id}.`);
  return { ...row, hasContent: meetingHasContent(db, id), history: historyOf(db, id) };
}

/** The whole plan in three statements, however many meetings it has. */
export function listPlan(db: Database): PlannedMeeting[] {
  const rows = db.prepare(`SELECT ${PLAN_COLUMNS} FROM meeting ORDER BY number`).all() as PlanRow[];
  const withContent = new Set(contentQuery(db).all.all().map((row) => row.id));
  const history = new Map<number, PlanChange[]>();
  const changes = db
    .prepare(
      `SELECT meeting_id AS meetingId, kind, old_value AS oldValue, new_value AS newValue, changed_at AS changedAt
       FROM meeting_plan_change ORDER BY meeting_id, id`,
    )
    .all() as (PlanChange & { meetingId: number })[];
  for (const { meetingId, ...change } of changes) {
    const list = history.get(meetingId) ?? [];
    list.push(change);
    history.set(meetingId, list);
  }
  return rows.map((row) => ({ ...row, hasContent: withContent.has(row.id), history: history.get(row.id) ?? [] }));
}

/** Store-level rules: the number is free, and the date or month falls within the programme. */
function checkPlan(db: Database, plan: { number: number; plannedDate: string | null; plannedMonth: string | null }, id?: number) {
  const taken = db.prepare('SELECT id FROM meeting WHERE number = ? AND id IS NOT ?').get(plan.number, id ?? null);
  if (taken) throw fieldError('number', 'duplicateNumber', `Meeting number ${plan.number} is already in the plan.`);
  const { startDate, endDate } = requireProgramme(db);
  if (plan.plannedDate && (plan.plannedDate < startDate || plan.plannedDate > endDate)) {
    throw fieldError('plannedDate', 'outsideProgramme', `The date ${plan.plannedDate} is outside the programme.`);
  }
  if (plan.plannedMonth && (plan.plannedMonth < startDate.slice(0, 7) || plan.plannedMonth > endDate.slice(0, 7))) {
    throw fieldError('plannedMonth', 'outsideProgramme', `The month ${plan.plannedMonth} is outside the programme.`);
  }
}

const whenOf = (plan: { plannedDate: string | null; plannedMonth: string | null }) => plan.plannedDate ?? plan.plannedMonth ?? '';

function recordChange(db: Database, id: number, kind: PlanChange['kind'], oldValue: string, newValue: string) {
  db.prepare('INSERT INTO meeting_plan_change (meeting_id, kind, old_value, new_value) VALUES (?, ?, ?, ?)').run(
    id,
    kind,
    oldValue,
    newValue,
  );
}

/** Adds a row to the plan, i.e. schedules a meeting; its length defaults to the agreement's meeting length. */
export function addPlanned(db: Database, input: PlanAdd): PlannedMeeting {
  return db.transaction(() => {
    const { next } = db.prepare('SELECT coalesce(max(number), 0) + 1 AS next FROM meeting').get() as { next: number };
    const number = input.number ?? next;
    checkPlan(db, { ...input, number });
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO meeting (number, planned_theme, planned_date, planned_month, place, format, planned_minutes)
         VALUES (?, ?, ?, ?, ?, ?, coalesce((SELECT meeting_minutes FROM agreement WHERE id = 1), 120))`,
      )
      .run(number, input.plannedTheme, input.plannedDate, input.plannedMonth, input.place, input.format);
    return getPlanned(db, Number(lastInsertRowid));
  })();
}

export function updatePlanned(db: Database, input: PlanUpdate): PlannedMeeting {
  return db.transaction(() => {
    const before = getPlanned(db, input.id);
    checkPlan(db, input, input.id);
    if (whenOf(before) !== whenOf(input)) recordChange(db, input.id, 'moved', whenOf(before), whenOf(input));
    if (before.plannedTheme !== input.plannedTheme) recordChange(db, input.id, 'rethemed', before.plannedTheme, input.plannedTheme);
    db.prepare(
      `UPDATE meeting SET number = ?, planned_theme = ?, planned_date = ?, planned_month = ?, place = ?, format = ?,
       updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`,
    ).run(input.number, input.plannedTheme, input.plannedDate, input.plannedMonth, input.place, input.format, input.id);
    requireMoveKeepsRecords(db, meetingFacts(db, input.id), { date: input.plannedMonth ? 'plannedMonth' : 'plannedDate', number: 'number' });
    return getPlanned(db, input.id);
  })();
}

export function cancelPlanned(db: Database, { id, cancelled }: PlanCancel): PlannedMeeting {
  return db.transaction(() => {
    const before = getPlanned(db, id);
    if (before.status === 'held') throw new AppError('conflict', 'A meeting that was held cannot be cancelled.');
    if (cancelled && before.status !== 'cancelled') requireNothingHappened(db, meetingFacts(db, id), 'cancelled');
    const status = cancelled ? 'cancelled' : 'planned';
    if (before.status !== status) {
      db.prepare(`UPDATE meeting SET status = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`).run(status, id);
      recordChange(db, id, cancelled ? 'cancelled' : 'restored', before.status, status);
    }
    return getPlanned(db, id);
  })();
}

/**
 * Closes the gap a removed meeting leaves in the numbering (1, 3, 4 becomes 1, 2, 3): the plan is a
 * numbered list to the facilitator. Only when nothing after the gap was held or has records: a
 * held meeting's number is the one in its notes, the summary and what members remember, so then
 * every number stays as it is.
 */
function closeGap(db: Database, removedNumber: number) {
  const later = db.prepare('SELECT id, status FROM meeting WHERE number > ? ORDER BY number').all(removedNumber) as { id: number; status: string }[];
  if (later.some((m) => m.status === 'held' || meetingHasContent(db, m.id))) return;
  const renumber = db.prepare(`UPDATE meeting SET number = number - 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`);
  for (const { id } of later) renumber.run(id);
}

/** Removes a planned meeting with nothing recorded in it (the later ones move up a number); one with notes or records is refused. */
export function removePlanned(db: Database, { id }: MeetingRef): MeetingRef {
  return db.transaction(() => {
    const { number } = getPlanned(db, id);
    const refuse = () =>
      new AppError('conflict', 'This meeting already has notes or records; cancel it instead of removing it.');
    if (meetingHasContent(db, id)) throw refuse();
    try {
      db.prepare('DELETE FROM meeting_note WHERE meeting_id = ?').run(id); // blank space only (checked above)
      db.prepare('DELETE FROM meeting WHERE id = ?').run(id);
    } catch (error) {
      if (sqliteCode(error) === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw refuse();
      throw error;
    }
    closeGap(db, number);
    return { id };
  })();
}

export const planHandlers = (db: Database): HandlersOf<'plan.list' | 'plan.add' | 'plan.update' | 'plan.cancel' | 'plan.remove'> => ({
  'plan.list': () => listPlan(db),
  'plan.add': (input) => addPlanned(db, input),
  'plan.update': (input) => updatePlanned(db, input),
  'plan.cancel': (input) => cancelPlanned(db, input),
  'plan.remove': (input) => removePlanned(db, input),
});
