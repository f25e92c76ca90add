import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, openSync, readFileSync, statSync, closeSync, writeSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../electron/main/services/db/connection';
import { StoreOpenError } from '../../../electron/main/services/db/errors';
import { loadMigrations, schemaVersion } from '../../../electron/main/services/db/migrate';
import type { StoreProblem } from '@shared/domain';
import { MIGRATIONS_DIR, fileSnapshot, makeTempDir, removeTempDirs, testKeyFor } from '../helpers';
import { openFile } from '../../../electron/main/services/db/driver';

const openDbs: Database[] = [];
const open = (path: string): Database => {
  const db = openDatabase({ path, key: testKeyFor(dirname(path)), migrations: loadMigrations(MIGRATIONS_DIR) });
  openDbs.push(db);
  return db;
};

afterEach(() => {
  for (const db of openDbs.splice(0)) if (db.open) db.close();
  removeTempDirs();
});

/** The problem openDatabase reports for this file; fails if it opens. */
function problemOpening(path: string): StoreProblem {
  try {
    open(path);
  } catch (error) {
    if (error instanceof StoreOpenError) return error.problem;
    throw error;
  }
  throw new Error(`Expected openDatabase to refuse ${path}`);
}

/** A real store with enough rows to span many pages, closed cleanly. */
function storeWithData(path: string): void {
  const db = openDatabase({ path, key: testKeyFor(dirname(path)), migrations: loadMigrations(MIGRATIONS_DIR) });
  const insert = db.prepare('INSERT INTO member (name, role, email) VALUES (?, ?, ?)');
  db.transaction(() => {
    for (let i = 0; i < 400; i += 1) insert.run(`Jäsen ${i} ${'ö'.repeat(60)}`, 'Vertainen', `j${i}@example.fi`);
  })();
  closeDatabase(db);
}

describe('openDatabase', () => {
  it('creates the file and its missing folders', () => {
    const dir = makeTempDir();
    const path = join(dir, 'a', 'b', 'c', 'store.sqlite');
    expect(existsSync(join(dir, 'a'))).toBe(false);

    const db = open(path);

    expect(existsSync(path)).toBe(true);
    expect(schemaVersion(db)).toBe(loadMigrations(MIGRATIONS_DIR).length);
  });

  it('sets WAL, foreign keys and synchronous FULL', () => {
    const db = open(join(makeTempDir(), 'store.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
  });

  it('keeps up to 64 MiB of decrypted pages (SQLCipher decrypts every page read past the cache; issue 13)', () => {
    const db = open(join(makeTempDir(), 'store.sqlite'));
    expect(db.pragma('cache_size', { simple: true })).toBe(-65536); // negative: KiB, not pages
  });

  it('keeps the PRAGMAs when an existing store is reopened', () => {
    const path = join(makeTempDir(), 'store.sqlite');
    closeDatabase(open(path));
    const db = open(path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
  });

  it('refuses a file of random bytes as notADatabase and leaves it untouched', () => {
    const path = join(makeTempDir(), 'store.sqlite');
    writeFileSync(path, randomBytes(16 * 1024));
    const before = fileSnapshot(path);

    const problem = problemOpening(path);

    expect(problem.kind).toBe('notADatabase');
    expect(problem.path).toBe(path);
    const after = fileSnapshot(path);
    expect(after.bytes.equals(before.bytes)).toBe(true);
    expect(after).toMatchObject({ wal: false, shm: false, journal: false });
  });

  it('refuses a text file that happens to be small', () => {
    const path = join(makeTempDir(), 'store.sqlite');
    writeFileSync(path, 'Tämä ei ole tietokanta, vaan muistiinpano.\n'.repeat(200));
    const before = readFileSync(path);

    expect(problemOpening(path).kind).toBe('notADatabase');
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses a real store whose pages were overwritten, without modifying it', () => {
    const path = join(makeTempDir(), 'store.sqlite');
    storeWithData(path);
    const size = statSync(path).size;
    const pageSize = 4096;
    expect(size).toBeGreaterThan(pageSize * 4);
    // Keep page 1 (the header and schema) and smash everything from the middle of page 2 on.
    const garbage = Buffer.alloc(size - pageSize - 100, 0xab);
    const fd = openSync(path, 'r+');
    writeSync(fd, garbage, 0, garbage.length, pageSize + 100);
    closeSync(fd);
    const before = fileSnapshot(path);

    const problem = problemOpening(path);

    expect(['corrupt', 'notADatabase']).toContain(problem.kind);
    expect(problem.path).toBe(path);
    const after = fileSnapshot(path);
    expect(after.bytes.equals(before.bytes)).toBe(true);
    expect(after).toMatchObject({ wal: false, shm: false, journal: false });
  });

  it('refuses a truncated store, without modifying it', () => {
    const path = join(makeTempDir(), 'store.sqlite');
    storeWithData(path);
    const whole = readFileSync(path);
    writeFileSync(path, whole.subarray(0, 4096 * 2 + 17));
    const before = fileSnapshot(path);

    const problem = problemOpening(path);

    expect(['corrupt', 'notADatabase']).toContain(problem.kind);
    const after = fileSnapshot(path);
    expect(after.bytes.equals(before.bytes)).toBe(true);
    expect(after).toMatchObject({ wal: false, shm: false, journal: false });
  });

  it('reports a path that is a folder as unavailable', () => {
    const path = join(makeTempDir(), 'store.sqlite');
    mkdirSync(path);
    expect(problemOpening(path)).toMatchObject({ kind: 'unavailable', path });
  });
});

describe('closeDatabase', () => {
  it('folds the WAL into the main file so the file alone holds the data', () => {
    const dir = makeTempDir();
    const path = join(dir, 'store.sqlite');
    const db = open(path);
    db.prepare('INSERT INTO member (name, email) VALUES (?, ?)').run('Äimä Kääpä 🌲', 'aima@example.fi');
    db.prepare(`INSERT INTO setting (key, value) VALUES ('language', 'fi')`).run();
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(0);

    closeDatabase(db);

    expect(db.open).toBe(false);
    expect(!existsSync(`${path}-wal`) || statSync(`${path}-wal`).size === 0).toBe(true);
    // Copy only the main file elsewhere: without the WAL it must still have everything.
    const copyDir = makeTempDir();
    const copy = join(copyDir, 'copy.sqlite');
    copyFileSync(path, copy);
    const check = openFile(copy, testKeyFor(dir), { readonly: true, fileMustExist: true });
    try {
      expect(check.prepare('SELECT name, email FROM member').all()).toEqual([
        { name: 'Äimä Kääpä 🌲', email: 'aima@example.fi' },
      ]);
      expect(check.prepare('SELECT value FROM setting').get()).toEqual({ value: 'fi' });
    } finally {
      check.close();
    }
  });

  it('leaves data readable after reopening with openDatabase', () => {
    const path = join(makeTempDir(), 'store.sqlite');
    const db = open(path);
    db.prepare('INSERT INTO member (name) VALUES (?)').run('Öystilä');
    closeDatabase(db);

    const again = open(path);
    expect(again.prepare('SELECT name FROM member').all()).toEqual([{ name: 'Öystilä' }]);
  });

  it('does nothing for a database that is already closed', () => {
    const db = open(join(makeTempDir(), 'store.sqlite'));
    db.close();
    expect(() => closeDatabase(db)).not.toThrow();
  });
});
