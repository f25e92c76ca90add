import type { Database } from 'better-sqlite3';
import { openFile } from './driver';

/**
 * A narrow, typed handle for what may leave the facilitator's machine (in the spirit of Signal's
 * typed database handles): it runs only reading statements whose every table or view is one of the
 * `shareable_*` views (0006). Each statement is first prepared against a probe database that has
 * those views as empty tables and nothing else, so SQLite's own parser decides what a statement
 * names, in any quoting style, in subqueries and CTEs alike; anything else is refused before it
 * reaches the data. The management summary's read model gets only this handle.
 */
declare const shareableBrand: unique symbol;
export interface ShareableDb {
  readonly [shareableBrand]: true;
  all<T>(sql: string, ...params: unknown[]): T[];
  get<T>(sql: string, ...params: unknown[]): T | undefined;
}

export class NotShareableError extends Error {
  constructor(sql: string, reason: string) {
    super(`Only shareable_* views may be read here (${reason}): ${sql.replace(/\s+/g, ' ').trim()}`);
    this.name = 'NotShareableError';
  }
}

/**
 * The probe: an in-memory database with one empty table per `shareable_*` view, and nothing else
 * but the `tables` given (copied with their constraints; the structure test adds the summary's
 * own tables for the summary code outside the read model).
 */
export function probeFor(db: Database, tables: readonly string[] = []): Database {
  const views = db
    .prepare(`SELECT name FROM sqlite_schema WHERE type = 'view' AND name LIKE 'shareable\\_%' ESCAPE '\\'`)
    .pluck()
    .all() as string[];
  const probe = openFile(':memory:', null); // the app's one driver (driver.ts), not a second SQLite
  for (const name of views) {
    const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(name) as string[]).map((c) => `"${c}"`);
    probe.exec(`CREATE TABLE "${name}" (${columns.join(', ')})`);
  }
  for (const name of tables) probe.exec(db.prepare(`SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?`).pluck().get(name) as string);
  return probe;
}

/** Why `sql` may not run against what the probe holds, or null if it may; by default reading only. */
export function refusalOf(probe: Database, sql: string, { readOnly = true } = {}): string | null {
  // The probe has SQLite's own schema table and pragma functions too; the handle never needs them.
  if (/\b(?:sqlite_|pragma_)/i.test(sql)) return 'names SQLite internals';
  try {
    const statement = probe.prepare(sql);
    return statement.reader || !readOnly ? null : 'not a reading statement';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

const handles = new WeakMap<Database, ShareableDb>();

export function shareableDb(db: Database): ShareableDb {
  const cached = handles.get(db);
  if (cached) return cached;
  const probe = probeFor(db);
  const checked = new Set<string>();
  const statement = (sql: string) => {
    if (!checked.has(sql)) {
      const refusal = refusalOf(probe, sql);
      if (refusal) throw new NotShareableError(sql, refusal);
      checked.add(sql);
    }
    return db.prepare(sql);
  };
  const handle = {
    all: <T>(sql: string, ...params: unknown[]) => statement(sql).all(...params) as T[],
    get: <T>(sql: string, ...params: unknown[]) => statement(sql).get(...params) as T | undefined,
  } as ShareableDb;
  handles.set(db, handle);
  return handle;
}
