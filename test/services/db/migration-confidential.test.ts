import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../electron/main/services/backend';
import { listAgreementGoals } from '../../../electron/main/services/agreement/goals';
import { isPlainHeader, openFile } from '../../../electron/main/services/db/driver';
import { loadMigrations, migrate } from '../../../electron/main/services/db/migrate';
import { shareableDb } from '../../../electron/main/services/db/shareable';
import { BACKUPS_DIR } from '../../../electron/main/services/storage/backups';
import { logicalDump } from '../../../electron/main/services/storage/dump';
import { agreedGoals } from '../../../electron/main/services/summary/sources';
import { call, createTestBackend, MIGRATIONS_DIR, makeTempDir, openStoreFile, removeTempDirs, sqliteErrorCode, testKeyFor } from '../helpers';
import { filesUnder } from '../storage/storage-helpers';
import { fillVersion5 } from './v5-fixture';

/**
 * Moving a realistic version-5 database forward keeps every row: notes and reasons for absence
 * move into their own tables, everything else stays exactly as it was, and the full-text index
 * finds the same things. (The version numbers are not hard-coded: the migration is found by name.)
 *
 * A version-5 store is a plain SQLite file (0.1 did not encrypt). The migration itself is checked
 * with the runner on a plain connection; the app's real start-up path encrypts the file in place
 * first and then migrates it, and must end with exactly the same rows.
 */
const migrations = loadMigrations(MIGRATIONS_DIR);
const index = migrations.findIndex((m) => m.name === 'confidential');
const before = migrations.slice(0, index);

const opened: Database[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) if (db.open) db.close();
  removeTempDirs();
});

/** A plain connection (no key), with the settings openDatabase gives every connection. */
function plainConnection(path: string): Database {
  const db = openFile(path, null);
  opened.push(db);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('secure_delete = ON');
  return db;
}

/** A plain version-5 store as 0.1 left it (WAL, closed cleanly), and every row of it. */
function version5(dir: string, fill: (db: Database) => void = fillVersion5) {
  const path = join(dir, DATABASE_FILE);
  const db = plainConnection(path);
  migrate(db, before, path);
  fill(db);
  const rows = allRows(db);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { path, rows };
}

/** The migration runner on a plain connection: the migration alone, without encryption. */
function migratePlain(path: string): Database {
  const db = plainConnection(path);
  migrate(db, migrations, path);
  return db;
}

/** The app's start-up on the data folder (encrypts a plain store, backs up, migrates); then a second connection. */
function startUp(dir: string): Database {
  const backend = createTestBackend(dir);
  expect(backend.info().storeProblem).toBeNull();
  backend.close();
  const db = openStoreFile(join(dir, DATABASE_FILE));
  opened.push(db);
  return db;
}

function allRows(db: Database): Record<string, Record<string, unknown>[]> {
  const tables = db
    .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search!_%' ESCAPE '!'`)
    .pluck()
    .all() as string[];
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY 1, 2`).all() as Record<string, unknown>[]]));
}

/** Default rows that later migrations add (0007: the mid-point check's questions); every older row stays as it was. */
const LATER_SEEDS: Record<string, (row: Record<string, unknown>) => boolean> = {
  feedback_question: (row) => row['instrument'] === 'midpoint',
};

const without = (rows: Record<string, unknown>[], column: string) => rows.map(({ [column]: _dropped, ...rest }) => rest);

describe(`migration ${String(index + 1).padStart(4, '0')}_confidential on a realistic version-5 database`, () => {
  it('keeps every row; notes and reasons for absence move into tables of their own', () => {
    expect(index).toBeGreaterThan(0);
    const { path, rows: old } = version5(makeTempDir());
    const db = migratePlain(path);
    const now = allRows(db);

    // Every table that did not change shape holds exactly the same rows.
    for (const table of Object.keys(old).filter((t) => !['meeting', 'attendance', 'feedback_survey', 'summary_archive'].includes(t))) {
      expect(now[table]!.filter((row) => !LATER_SEEDS[table]?.(row)), table).toEqual(old[table]);
    }
    expect(old['meeting']).toHaveLength(6);
    expect(now['meeting']).toEqual(without(old['meeting']!, 'notes'));
    expect(now['meeting_note']).toEqual(
      old['meeting']!.filter((m) => m['notes'] !== '').map((m) => ({ meeting_id: m['id'], text: m['notes'], updated_at: m['updated_at'] })),
    );
    expect(now['meeting_note']).toHaveLength(4);
    expect(now['attendance']).toEqual(without(old['attendance']!, 'absence_reason'));
    expect(now['absence_reason']).toEqual(
      old['attendance']!.filter((a) => a['absence_reason'] !== '').map((a) => ({ meeting_id: a['meeting_id'], member_id: a['member_id'], reason: a['absence_reason'] })),
    );
    expect(now['absence_reason']!.length).toBeGreaterThan(1);
    // New columns only: no PIN, not locked, not yet wiped.
    expect(now['feedback_survey']).toEqual(old['feedback_survey']!.map((s) => ({ ...s, pin_hash: null, pin_failures: 0, pin_retry_at: null, locked_at: null })));
    expect(now['feedback_answer']).toHaveLength(old['feedback_answer']!.length);

    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(() => db.prepare(`INSERT INTO search_index (search_index, rank) VALUES ('integrity-check', 1)`).run()).not.toThrow();
  });

  it('the app’s start-up (encrypt in place, then migrate) ends with exactly the rows the migration alone gives', () => {
    const plainDir = makeTempDir();
    const { path: plainPath } = version5(plainDir);
    const dir = makeTempDir();
    const path = join(dir, DATABASE_FILE);
    copyFileSync(plainPath, path);
    const version5Dump = (() => {
      const db = openFile(path, null, { readonly: true });
      try {
        return logicalDump(db);
      } finally {
        db.close();
      }
    })();
    expect(version5Dump.userVersion).toBe(index);
    const migrated = logicalDump(migratePlain(plainPath));

    const db = startUp(dir);

    // Every row, the schema and the version: the same full logical dump as the migration alone.
    expect(logicalDump(db)).toEqual(migrated);
    expect(migrated.userVersion).toBe(migrations.length);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // Encrypted, with nothing plain left beside it; the version-5 state is kept as encrypted backups.
    for (const file of filesUnder(dir)) expect(isPlainHeader(readFileSync(file)), file).toBe(false);
    const backups = readdirSync(join(dir, BACKUPS_DIR));
    const beforeEncryption = backups.find((name) => name.endsWith('-beforeEncryption.sqlite'));
    expect(beforeEncryption).toBeDefined();
    const backup = openFile(join(dir, BACKUPS_DIR, beforeEncryption!), testKeyFor(dir), { readonly: true });
    try {
      expect(logicalDump(backup)).toEqual(version5Dump);
    } finally {
      backup.close();
    }
  });

  it('finds the same things with full-text search, now by rowid', () => {
    const dir = makeTempDir();
    const { path } = version5(dir);
    const old = openFile(path, null, { readonly: true });
    const indexed = old
      .prepare(`SELECT kind, ref_id AS refId, meeting_id AS meetingId, body FROM search_index WHERE body <> '' AND kind <> 'theme' ORDER BY kind, ref_id`)
      .all();
    const themes = old.prepare(`SELECT DISTINCT ref_id AS refId, body FROM search_index WHERE kind = 'theme' ORDER BY ref_id`).all();
    old.close();

    const db = startUp(dir);
    expect(
      db.prepare(`SELECT kind, ref_id AS refId, meeting_id AS meetingId, body FROM search_index WHERE kind <> 'theme' ORDER BY kind, ref_id`).all(),
    ).toEqual(indexed);
    expect(db.prepare(`SELECT ref_id AS refId, body FROM search_index WHERE kind = 'theme' ORDER BY ref_id`).all()).toEqual(themes);
    expect(db.prepare(`SELECT v FROM search_index_config WHERE k = 'secure-delete'`).pluck().get()).toBe(1);
    db.close();

    // Through the app: a word from the notes, a theme in every meeting it was discussed in.
    const backend = createTestBackend(dir);
    try {
      const found = call(backend, 'search.query', { query: 'öljylamppu' });
      expect(found.groups.map((g) => [g.number, g.hits.map((h) => h.kind)])).toEqual([[5, ['notes']]]);
      const theme = call(backend, 'search.query', { query: 'työhyvinvointi' });
      expect(theme.groups.map((g) => g.number)).toEqual([1, 2, 5]);
      expect(call(backend, 'meetings.get', { id: 1 }).notes).toContain('Sovittiin pelisäännöt.');
      expect(call(backend, 'meetings.get', { id: 3 }).notes).toBe('   ');
      expect(call(backend, 'meetings.get', { id: 1 }).attendance.map((a) => a.absenceReason)).toContain('Poissa: koulutuspäivä Kuopiossa');
    } finally {
      backend.close();
    }
  });

  it('a programme already closed under version 5 is read-only afterwards', () => {
    const { path } = version5(makeTempDir(), (db) => {
      fillVersion5(db);
      db.prepare(`UPDATE meeting SET notes = ''`).run();
      db.prepare(`UPDATE attendance SET absence_reason = ''`).run();
      for (const table of ['action', 'task', 'feedback_answer', 'feedback_response']) db.prepare(`DELETE FROM ${table}`).run();
      db.prepare(`UPDATE programme SET archived_at = '2026-03-01T10:00:00.000Z'`).run();
    });
    const db = startUp(dirname(path));
    expect(db.prepare('SELECT count(*) FROM meeting_note').pluck().get()).toBe(0);
    expect(sqliteErrorCode(() => db.prepare(`INSERT INTO meeting_note (meeting_id, text) VALUES (1, 'uusi')`).run())).toBe('SQLITE_CONSTRAINT_TRIGGER');
  });
});

describe('the shareable goals view', () => {
  it('gives the goals of the latest agreed version, else the draft’s, as the agreement service does', () => {
    const { path } = version5(makeTempDir());
    const db = migratePlain(path);
    const service = () => listAgreementGoals(db).map(({ kind, text }) => ({ kind, text }));
    expect(agreedGoals(shareableDb(db))).toEqual(service());
    expect(service()).toHaveLength(3); // the agreed version has three of the draft's four
    db.prepare(`INSERT INTO agreement_goal (kind, text, position) VALUES ('member', 'Uusi tavoite luonnoksessa', 0)`).run();
    expect(agreedGoals(shareableDb(db))).toEqual(service());
    db.exec('DROP TRIGGER agreement_version_no_delete');
    db.prepare('DELETE FROM agreement_acceptance').run();
    db.prepare('DELETE FROM agreement_version').run();
    expect(agreedGoals(shareableDb(db))).toEqual(service());
    expect(service()).toHaveLength(5);
  });
});
