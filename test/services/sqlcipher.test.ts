import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../electron/main/services/db/connection';
import { openFile } from '../../electron/main/services/db/driver';
import { loadMigrations } from '../../electron/main/services/db/migrate';
import { logicalDump } from '../../electron/main/services/storage/dump';
import { MIGRATIONS_DIR, makeTempDir, removeTempDirs, testKeyFor } from './helpers';
import {
  DRIVER_CIPHER_SETTINGS,
  PageAuthError,
  PageCipher,
  SQLCIPHER_4,
  committedFrames,
  decryptDatabase,
  decryptDatabasePages,
  decryptWal,
  isEncryptedDatabase,
  replayWal,
  saltOf,
} from './sqlcipher';

/**
 * The forensic tests read the encrypted store through this reader; if it misread the format they
 * would find nothing and pass. So every fact it relies on is checked here against the driver, and
 * its output is checked against what SQLite itself reads with the key.
 */
const opened: Database[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) if (db.open) db.close();
  removeTempDirs();
});

/** An encrypted database (WAL mode) with a table `t(x)`; the driver's own connection, not the app's. */
function store(autocheckpoint = true) {
  const dir = makeTempDir();
  const path = join(dir, 'store.sqlite');
  const key = testKeyFor(dir);
  const db = openFile(path, key);
  opened.push(db);
  db.pragma('journal_mode = WAL');
  if (!autocheckpoint) db.pragma('wal_autocheckpoint = 0');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, x TEXT)');
  return { dir, path, key, db };
}

const insertWords = (db: Database, words: string[]) => {
  const insert = db.prepare('INSERT INTO t (x) VALUES (?)');
  db.transaction(() => words.forEach((word) => insert.run(word)))();
};

/** Opens a decrypted image with plain SQLite (the driver without a key) and dumps it. */
function dumpPlainImage(dir: string, image: Buffer, name = 'plain.sqlite') {
  const path = join(dir, name);
  writeFileSync(path, image);
  const db = openFile(path, null, { readonly: true, fileMustExist: true });
  try {
    return { integrity: db.pragma('integrity_check', { simple: true }), dump: logicalDump(db) };
  } finally {
    db.close();
  }
}

/** Fills pages: 40 rows of ~1 KB, each with a distinctive word. */
const manyWords = (prefix: string) => Array.from({ length: 40 }, (_, i) => `${prefix}${String(i).padStart(3, '0')} ${'x'.repeat(1000)}`);

describe('the SQLCipher 4 page format, as the driver writes it', () => {
  it('uses the cipher settings the reader assumes, on the store the app opens', () => {
    const dir = makeTempDir();
    const db = openDatabase({ path: join(dir, 'vertaistuki.sqlite'), key: testKeyFor(dir), migrations: loadMigrations(MIGRATIONS_DIR) });
    try {
      // The driver answers each setting as text.
      const settings = Object.fromEntries(Object.keys(DRIVER_CIPHER_SETTINGS).map((name) => [name, db.pragma(name, { simple: true })]));
      expect(settings).toEqual(Object.fromEntries(Object.entries(DRIVER_CIPHER_SETTINGS).map(([name, value]) => [name, String(value)])));
      expect(db.pragma('page_size', { simple: true })).toBe(SQLCIPHER_4.pageSize);
    } finally {
      closeDatabase(db);
    }
  });

  it('keeps page 1’s first 16 bytes as a random salt, and decrypts to SQLite’s own header and b-tree pages', () => {
    const a = store();
    const b = store();
    insertWords(a.db, ['alpha']);
    a.db.pragma('wal_checkpoint(TRUNCATE)');
    b.db.pragma('wal_checkpoint(TRUNCATE)');
    const file = readFileSync(a.path);
    expect(file.subarray(0, 16).toString('latin1')).not.toContain('SQLite');
    expect(saltOf(file).equals(saltOf(readFileSync(b.path)))).toBe(false);
    expect(file.length % SQLCIPHER_4.pageSize).toBe(0);

    const [page1, page2] = decryptDatabasePages(file, a.key);
    expect(page1!.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
    expect(page1!.readUInt16BE(16)).toBe(SQLCIPHER_4.pageSize); // the header's page size
    expect(page1![20]).toBe(SQLCIPHER_4.reserve); // reserved bytes per page: 16 IV + 64 HMAC
    expect([...page1!.subarray(21, 24)]).toEqual([64, 32, 32]); // payload fractions, fixed by the format
    expect(page1!.readUInt32BE(28)).toBe(file.length / SQLCIPHER_4.pageSize); // database size in pages
    expect(page1![100]).toBe(0x0d); // sqlite_schema: a table leaf
    expect(page2![0]).toBe(0x0d); // t: a table leaf, holding the row
    expect(page2!.includes('alpha')).toBe(true);
  });

  it('decrypts every page of a file into one that plain SQLite opens, with the same rows', () => {
    const { dir, path, key, db } = store();
    insertWords(db, manyWords('sivu'));
    db.prepare('DELETE FROM t WHERE id % 3 = 0').run();
    db.pragma('wal_checkpoint(TRUNCATE)');
    const expected = logicalDump(db);
    const plain = dumpPlainImage(dir, decryptDatabase(readFileSync(path), key));
    expect(plain.integrity).toBe('ok');
    expect(plain.dump).toEqual(expected);
    expect(plain.dump.rows['t']).toHaveLength(27);
  });

  it('decrypts the write-ahead log frame by frame: replayed onto the file, the frames give what SQLite reads', () => {
    const { dir, path, key, db } = store(false);
    insertWords(db, ['ennen']);
    db.pragma('wal_checkpoint(TRUNCATE)');
    insertWords(db, [...manyWords('loki'), 'vainlokissa']);
    db.prepare("UPDATE t SET x = 'muutettu' WHERE id = 1").run();
    const expected = logicalDump(db);
    const file = readFileSync(path);
    const wal = readFileSync(`${path}-wal`);

    const pages = decryptDatabasePages(file, key);
    const log = decryptWal(wal, key, saltOf(file));
    expect(log.pageSize).toBe(SQLCIPHER_4.pageSize);
    expect(log.frames.length).toBe((wal.length - 32) / (24 + SQLCIPHER_4.pageSize));
    expect(committedFrames(log)).toHaveLength(log.frames.length);
    // The newest text is only in the log, and only readable decrypted.
    expect(Buffer.concat(pages).includes('vainlokissa')).toBe(false);
    expect(log.frames.some((frame) => frame.page.includes('vainlokissa'))).toBe(true);
    expect(wal.includes('vainlokissa')).toBe(false);

    const plain = dumpPlainImage(dir, replayWal(pages, log));
    expect(plain.integrity).toBe('ok');
    expect(plain.dump).toEqual(expected);
  });

  it('decrypts stale frames an earlier generation of the log left behind, and does not replay them', () => {
    const { dir, path, key, db } = store(false);
    insertWords(db, manyWords('vanha'));
    db.prepare('DELETE FROM t').run();
    db.pragma('wal_checkpoint(PASSIVE)'); // folded in, but the log keeps its frames until it restarts
    insertWords(db, ['uusi']); // the log starts over at its beginning, with new salts
    const expected = logicalDump(db);
    const file = readFileSync(path);
    const log = decryptWal(readFileSync(`${path}-wal`), key, saltOf(file));
    const current = committedFrames(log);
    expect(current.length).toBeGreaterThan(0);
    expect(log.frames.length).toBeGreaterThan(current.length);
    const stale = log.frames.slice(current.length);
    expect(stale.some((frame) => frame.page.includes('vanha000'))).toBe(true);
    expect(stale.every((frame) => frame.salts[0] !== log.salts[0] || frame.salts[1] !== log.salts[1])).toBe(true);
    expect(dumpPlainImage(dir, replayWal(decryptDatabasePages(file, key), log)).dump).toEqual(expected);
  });

  it('decrypts backups the app writes (VACUUM INTO under the same key, a salt of their own)', () => {
    const { dir, path, key, db } = store();
    insertWords(db, ['varmuuskopio']);
    const copy = join(dir, 'copy.sqlite');
    const uri = `file:${copy}?cipher=sqlcipher&legacy=4&key=${encodeURIComponent(`x'${key.toString('hex')}'`)}`;
    db.prepare('VACUUM INTO ?').run(uri);
    const bytes = readFileSync(copy);
    expect(isEncryptedDatabase(bytes, key)).toBe(true);
    expect(saltOf(bytes).equals(saltOf(readFileSync(path)))).toBe(false);
    expect(decryptDatabase(bytes, key).includes('varmuuskopio')).toBe(true);
  });
});

describe('the reader refuses what it cannot read, rather than see nothing', () => {
  it('a wrong key, a changed byte, a page under the wrong number, a plain file', () => {
    const { dir, path, key, db } = store();
    insertWords(db, manyWords('sana'));
    db.pragma('wal_checkpoint(TRUNCATE)');
    const file = readFileSync(path);
    expect(() => decryptDatabasePages(file, randomBytes(32))).toThrow(PageAuthError);
    expect(isEncryptedDatabase(file, randomBytes(32))).toBe(false);
    expect(isEncryptedDatabase(file, key)).toBe(true);

    const tampered = Buffer.from(file);
    const at = 2 * SQLCIPHER_4.pageSize + 100;
    tampered.writeUInt8(tampered.readUInt8(at) ^ 1, at);
    expect(() => decryptDatabasePages(tampered, key)).toThrow('page 3 does not authenticate');

    const cipher = new PageCipher(key, saltOf(file));
    const page3 = file.subarray(2 * SQLCIPHER_4.pageSize, 3 * SQLCIPHER_4.pageSize);
    expect(cipher.authenticates(page3, 3)).toBe(true);
    expect(cipher.authenticates(page3, 4)).toBe(false);

    const plainPath = join(dir, 'plain.sqlite');
    const plainDb = openFile(plainPath, null);
    plainDb.exec('CREATE TABLE p (x)');
    plainDb.close();
    const plain = readFileSync(plainPath);
    expect(isEncryptedDatabase(plain, key)).toBe(false);
    expect(() => decryptDatabasePages(plain, key)).toThrow(/plain SQLite/);
  });

  it('a log under another key', () => {
    const { path, db } = store(false);
    insertWords(db, ['loki']);
    const file = readFileSync(path);
    expect(() => decryptWal(readFileSync(`${path}-wal`), randomBytes(32), saltOf(file))).toThrow(PageAuthError);
  });
});
