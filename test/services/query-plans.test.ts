import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../electron/main/services/db/connection';
import { loadMigrations } from '../../electron/main/services/db/migrate';
import { meetingHandlers } from '../../electron/main/services/meetings/handlers';
import { planHandlers } from '../../electron/main/services/meetings/plan';
import { programmeHandlers } from '../../electron/main/services/programme/service';
import { MIGRATIONS_DIR, makeTempDir, removeTempDirs, testKeyFor, validSetup } from './helpers';

/**
 * Autosave must not grow with the programme: every statement a save runs — the service's own and
 * every trigger it sets off — finds its rows through an index or a rowid, never by scanning the
 * full-text index or a table that grows with the meetings.
 */
const GROWING = [
  'search_index',
  'meeting',
  'meeting_note',
  'attendance',
  'absence_reason',
  'action',
  'task',
  'idea_to_forward',
  'meeting_theme',
  'theme',
  'meeting_plan_change',
  'feedback_survey',
  'feedback_response',
  'feedback_answer',
];

const dbs: Database[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) closeDatabase(db);
  removeTempDirs();
});

/** A store with a few meetings of everything, and a record of every SQL text prepared on it. */
function recordedStore() {
  const dir = makeTempDir();
  const db = openDatabase({ path: join(dir, 'plans.sqlite'), key: testKeyFor(dir), migrations: loadMigrations(MIGRATIONS_DIR) });
  dbs.push(db);
  const seen = new Set<string>();
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    seen.add(sql);
    return prepare(sql);
  }) as typeof db.prepare;
  const meetings = meetingHandlers(db);
  programmeHandlers(db)['programme.setup'](validSetup());
  const plan = planHandlers(db);
  const ids: number[] = [];
  for (let i = 0; i < 12; i += 1) {
    const { id } = plan['plan.add']({ plannedTheme: `Teema ${i}`, plannedDate: null, plannedMonth: null, place: '', format: null });
    ids.push(id);
    meetings['meetings.saveNotes']({ id, notes: `Muistiinpanot ${i} `.repeat(20) });
    meetings['actions.add']({ meetingId: id, text: `Toimi ${i}`, ownerMemberId: null, dueDate: null });
    meetings['tasks.add']({ meetingId: id, text: `Tehtävä ${i}` });
    meetings['ideas.add']({ meetingId: id, text: `Idea ${i}` });
    meetings['themes.addToMeeting']({ meetingId: id, name: `Aihe ${i % 4}` });
  }
  return { db, seen, meetings, plan, ids };
}

/** The plan of one statement; parameters are bound as NULL (named ones by name). */
function planOf(db: Database, sql: string): string[] {
  const names = [...new Set([...sql.matchAll(/[:@$]([A-Za-z_]\w*)/g)].map((m) => m[1]!))];
  const statement = db.prepare(`EXPLAIN QUERY PLAN ${sql}`);
  if (names.length > 0) return (statement.all(Object.fromEntries(names.map((n) => [n, null]))) as { detail: string }[]).map((r) => r.detail);
  for (let count = 0; count <= 20; count += 1) {
    try {
      return (statement.all(...Array.from({ length: count }, () => null)) as { detail: string }[]).map((r) => r.detail);
    } catch (error) {
      if (!/Too few parameter/.test((error as Error).message)) throw error;
    }
  }
  throw new Error(`Could not bind the parameters of: ${sql}`);
}

/** The statements of every trigger, with NEW.x and OLD.x as parameters. */
function triggerStatements(db: Database): { trigger: string; sql: string }[] {
  const triggers = db.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'`).all() as { name: string; sql: string }[];
  return triggers.flatMap(({ name, sql }) => {
    const body = /\bBEGIN\b([\s\S]*)\bEND\s*$/i.exec(sql)?.[1] ?? '';
    return body
      .split(';')
      .map((statement) => statement.trim())
      .filter((statement) => statement.length > 0)
      .map((statement) => ({
        trigger: name,
        // RAISE() is only valid inside a trigger; its plan is the plan of the WHERE around it.
        sql: statement.replace(/\b(?:NEW|OLD)\.(\w+)/gi, '?').replace(/RAISE\s*\([^)]*\)/gi, 'NULL'),
      }));
  });
}

/**
 * A full scan of a growing table. For the full-text index every plan says SCAN (it is a virtual
 * table); the text after "INDEX n:" lists the constraints FTS5 was given: empty means it reads
 * every row, "=" a rowid lookup, "M" a MATCH.
 */
const scans = (plan: string[]) =>
  plan.filter((line) => {
    const virtual = /^SCAN search_index VIRTUAL TABLE INDEX \d+:(.*)$/.exec(line);
    if (virtual) return virtual[1] === '';
    return GROWING.some((table) => new RegExp(`^SCAN ${table}\\b`).test(line));
  });

describe('per-save statements', () => {
  it('the check sees a scan: the old way of addressing full-text rows is caught', () => {
    const { db } = recordedStore();
    expect(scans(planOf(db, "UPDATE search_index SET body = ? WHERE kind = 'notes' AND ref_id = ?"))).toEqual([
      expect.stringMatching(/^SCAN search_index/),
    ]);
    expect(scans(planOf(db, 'UPDATE action SET text = ? WHERE text = ?'))).toEqual([expect.stringMatching(/^SCAN action/)]);
  });

  it('no autosave statement scans the full-text index or a growing table', () => {
    const { db, seen, meetings, plan, ids } = recordedStore();
    seen.clear();
    const [id] = ids;
    const detail = meetings['meetings.get']({ id: id! });
    seen.clear();
    meetings['meetings.saveNotes']({ id: id!, notes: 'Uudet muistiinpanot' });
    meetings['meetings.saveNotes']({ id: id!, notes: '' });
    meetings['meetings.saveNotes']({ id: id!, notes: 'Taas' });
    meetings['meetings.setAttendance']({ meetingId: id!, memberId: 1, present: false, absenceReason: 'Sairas' });
    meetings['meetings.setAttendance']({ meetingId: id!, memberId: 1, present: true, absenceReason: '' });
    meetings['meetings.setTiming']({ id: id!, startTime: '12:00', plannedMinutes: 90 });
    meetings['actions.update']({ id: detail.actions[0]!.id, text: 'Muutettu toimi', ownerMemberId: null, dueDate: null });
    meetings['actions.setStatus']({ id: detail.actions[0]!.id, status: 'done', reviewedInId: id! });
    meetings['tasks.update']({ id: detail.tasks[0]!.id, text: 'Muutettu tehtävä' });
    meetings['ideas.update']({ id: detail.ideas[0]!.id, text: 'Muutettu idea' });
    meetings['themes.addToMeeting']({ meetingId: id!, name: 'Uusi aihe' });
    meetings['themes.removeFromMeeting']({ meetingId: id!, themeId: detail.themes[0]!.id });
    meetings['meetings.setNext']({ meetingId: id!, plannedDate: null, plannedTheme: 'Seuraava teema' });
    plan['plan.update']({ id: ids[1]!, number: 2, plannedTheme: 'Muutettu', plannedDate: '2025-05-05', plannedMonth: null, place: 'Kirjasto', format: 'office' });
    expect(seen.size).toBeGreaterThan(8);

    const statements = [...[...seen].map((sql) => ({ trigger: '', sql })), ...triggerStatements(db)];
    const found = statements
      .map(({ trigger, sql }) => ({ trigger, sql: sql.replace(/\s+/g, ' '), scans: scans(planOf(db, sql)) }))
      .filter((s) => s.scans.length > 0);
    expect(found).toEqual([]);
  });
});
