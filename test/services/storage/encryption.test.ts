import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../electron/main/services/backend';
import { openDatabase } from '../../../electron/main/services/db/connection';
import { isPlainHeader, openFile } from '../../../electron/main/services/db/driver';
import { StoreOpenError } from '../../../electron/main/services/db/errors';
import { loadMigrations } from '../../../electron/main/services/db/migrate';
import { BACKUPS_DIR } from '../../../electron/main/services/storage/backups';
import { logicalDump } from '../../../electron/main/services/storage/dump';
import { fixedKey } from '../../../electron/main/services/storage/keyring';
import { MIGRATIONS_DIR, createTestBackend, fileSnapshot, makeTempDir, removeTempDirs, testKeyFor, type TestBackend } from '../helpers';
import { backendCaller, buildLeakFixture, mustAsync } from '../summary-fixture';
import { FAST_SCRYPT, filesUnder, modeOf, wordsByTable, wordsInBytes } from './storage-helpers';

const backends: TestBackend[] = [];
const start = (dataDir: string, overrides: Parameters<typeof createTestBackend>[1] = {}) => {
  const backend = createTestBackend(dataDir, { exportScrypt: FAST_SCRYPT, ...overrides });
  backends.push(backend);
  return backend;
};

afterEach(() => {
  for (const backend of backends.splice(0)) backend.close();
  removeTempDirs();
});

/** A store with every feature's data in it, the process still running (WAL not folded in). */
async function filledStore() {
  const dataDir = makeTempDir();
  const backend = start(dataDir);
  await buildLeakFixture(backendCaller(backend), 3);
  return { dataDir, backend };
}

/** The distinctive words of every text-holding table, read through the key: the premise of every scan. */
function storeWords(path: string, key: Buffer) {
  const db = openFile(path, key, { readonly: true, fileMustExist: true });
  try {
    return { byTable: wordsByTable(db), image: db.serialize() };
  } finally {
    db.close();
  }
}

describe('encryption at rest', () => {
  it('keeps no readable word of any table in the database, its -wal, the backups or the export file', async () => {
    const { dataDir, backend } = await filledStore();
    await mustAsync(backend, 'storage.backupNow');
    const file = await mustAsync<{ base64: string }>(backend, 'storage.exportAll', { passphrase: 'vientisalasana 2026' });
    const exported = Buffer.from(file.base64, 'base64');
    const { byTable, image } = storeWords(backend.databasePath, testKeyFor(dataDir));
    const words = [...new Set([...byTable.values()].flat())];

    // The premise: the words are in the store, in the form it keeps them (the FTS index's
    // lower-case tokens included), and a plain image of the same store shows them.
    for (const table of ['meeting', 'attendance', 'action', 'task', 'idea_to_forward', 'feedback_answer', 'programme', 'member', 'agreement_rule', 'continuation_decision', 'search_index_content']) {
      expect(byTable.has(table), `table ${table} holds text`).toBe(true);
    }
    expect(words.length).toBeGreaterThan(30);
    expect(wordsInBytes(image, words)).toEqual(words);
    expect(statSync(`${backend.databasePath}-wal`).size).toBeGreaterThan(0);

    const scanned = [...filesUnder(dataDir), 'export'];
    for (const path of scanned) {
      const bytes = path === 'export' ? exported : readFileSync(path);
      expect(wordsInBytes(bytes, words), path).toEqual([]);
    }
    expect(filesUnder(join(dataDir, BACKUPS_DIR)).length).toBeGreaterThanOrEqual(2);
  });

  it('refuses a wrong key cleanly and never writes to the file', async () => {
    const { dataDir, backend } = await filledStore();
    backend.close();
    const path = join(dataDir, DATABASE_FILE);
    const before = fileSnapshot(path);
    expect(before).toMatchObject({ wal: false, shm: false });

    let thrown: unknown;
    try {
      openDatabase({ path, key: randomBytes(32), migrations: loadMigrations(MIGRATIONS_DIR) });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(StoreOpenError);
    expect((thrown as StoreOpenError).problem).toMatchObject({ kind: 'notADatabase', path });
    expect(fileSnapshot(path)).toEqual(before);

    // The backend reports it the same way and keeps the file.
    const wrong = start(dataDir, { keys: fixedKey(randomBytes(32)) });
    expect(wrong.info().storeProblem).toMatchObject({ kind: 'notADatabase', path });
    expect(fileSnapshot(path)).toEqual(before);
  });
});

describe('a plain version-0.1 store', () => {
  /** A realistic plain store: every feature's data, written the way 0.1 wrote it (plain SQLite, WAL). */
  async function plainStore(withPendingWal: boolean) {
    const { dataDir, backend } = await filledStore();
    const key = testKeyFor(dataDir);
    const encryptedDb = openFile(backend.databasePath, key, { readonly: true, fileMustExist: true });
    const image = encryptedDb.serialize();
    const words = [...new Set([...wordsByTable(encryptedDb).values()].flat())];
    encryptedDb.close();
    backend.close();
    const plainDir = makeTempDir();
    const path = join(plainDir, DATABASE_FILE);
    writeFileSync(path, image);
    copyFileSync(join(dataDir, 'test-data.key'), join(plainDir, 'test-data.key'));
    const plain = openFile(path, null, { fileMustExist: true });
    plain.pragma('journal_mode = WAL');
    if (withPendingWal) {
      // 0.1 killed mid-session: the newest text is only in the -wal. Copy the files as they are.
      plain.pragma('wal_autocheckpoint = 0');
      plain.prepare(`UPDATE meeting SET notes = notes || ' viimeisimmätlisäykset' WHERE id = (SELECT min(id) FROM meeting)`).run();
      const crashed = makeTempDir();
      for (const suffix of ['', '-wal', '-shm']) copyFileSync(path + suffix, join(crashed, DATABASE_FILE) + suffix);
      copyFileSync(join(plainDir, 'test-data.key'), join(crashed, 'test-data.key'));
      plain.close();
      return { dir: crashed, path: join(crashed, DATABASE_FILE), words: [...words, 'viimeisimmätlisäykset'] };
    }
    plain.close();
    return { dir: plainDir, path, words };
  }

  const dumpPlain = (path: string) => {
    const db = openFile(path, null, { fileMustExist: true });
    try {
      return logicalDump(db);
    } finally {
      db.close();
    }
  };

  for (const withPendingWal of [false, true]) {
    it(`is encrypted in place on first start with every row kept${withPendingWal ? ', including what was only in its -wal' : ''}, and no plain copy is left`, async () => {
      const { dir, path, words } = await plainStore(withPendingWal);
      expect(isPlainHeader(readFileSync(path))).toBe(true);
      const allFiles = filesUnder(dir).map((file) => readFileSync(file));
      expect(allFiles.some((bytes) => wordsInBytes(bytes, words).length > 0), 'the premise: the plain store is readable').toBe(true);
      const before = dumpPlain(path);
      if (withPendingWal) expect(JSON.stringify(before)).toContain('viimeisimmätlisäykset');

      const backend = start(dir);

      expect(backend.info().storeProblem).toBeNull();
      const after = openFile(path, testKeyFor(dir), { readonly: true, fileMustExist: true });
      try {
        expect(logicalDump(after)).toEqual(before);
      } finally {
        after.close();
      }
      backend.close();
      for (const file of filesUnder(dir)) {
        expect(wordsInBytes(readFileSync(file), words), file).toEqual([]);
        expect(isPlainHeader(readFileSync(file)), file).toBe(false);
      }
      const backups = readdirSync(join(dir, BACKUPS_DIR));
      expect(backups.some((name) => name.endsWith('-beforeEncryption.sqlite'))).toBe(true);
      expect(readdirSync(dir).sort()).toEqual([BACKUPS_DIR, 'test-data.key', DATABASE_FILE]);
    });
  }

  it('finishes an encryption that was stopped after the swap, and undoes one stopped before it', async () => {
    const { dir, path } = await plainStore(false);
    const before = dumpPlain(path);
    // Stopped between the two renames: the plain store is aside, the store's name is free.
    copyFileSync(path, `${path}.plain-old`);
    writeFileSync(`${path}.encrypting`, randomBytes(4096));
    const { rmSync } = await import('node:fs');
    rmSync(path);

    const backend = start(dir);

    expect(backend.info().storeProblem).toBeNull();
    const after = openFile(path, testKeyFor(dir), { readonly: true, fileMustExist: true });
    expect(logicalDump(after)).toEqual(before);
    after.close();
    expect(existsSync(`${path}.plain-old`)).toBe(false);
    expect(existsSync(`${path}.encrypting`)).toBe(false);
  });
});

describe('file permissions (macOS and Linux)', () => {
  it.runIf(process.platform !== 'win32')('creates the data folder 0700 and the store, -wal, -shm, key and backups 0600', async () => {
    const parent = makeTempDir();
    const dataDir = join(parent, 'Vertaistuki', 'data');
    const backend = start(dataDir);
    await buildLeakFixture(backendCaller(backend), 1);
    await mustAsync(backend, 'storage.backupNow');
    const path = backend.databasePath;

    expect(modeOf(join(parent, 'Vertaistuki'))).toBe(0o700);
    expect(modeOf(dataDir)).toBe(0o700);
    expect(modeOf(join(dataDir, BACKUPS_DIR))).toBe(0o700);
    for (const file of [path, `${path}-wal`, `${path}-shm`, ...filesUnder(join(dataDir, BACKUPS_DIR))]) {
      expect(modeOf(file).toString(8), file).toBe('600');
    }
  });
});

describe('a data file that cannot be a store', () => {
  it('reports a 0-byte data file as its own problem and never sets it up as a new store', () => {
    const dataDir = makeTempDir();
    const path = join(dataDir, DATABASE_FILE);
    writeFileSync(path, '');

    const backend = start(dataDir);

    expect(backend.info().storeProblem).toMatchObject({ kind: 'empty', path });
    expect(backend.info().storeProblem?.newStore).toBeUndefined();
    expect(backend.dispatch('programme.get', undefined)).toMatchObject({ ok: false, error: { code: 'store_unavailable' } });
    expect(statSync(path).size).toBe(0);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('stays a first start after a backup folder exists but no store', () => {
    const dataDir = makeTempDir();
    mkdirSync(join(dataDir, BACKUPS_DIR));
    const backend = start(dataDir);
    expect(backend.info().storeProblem).toBeNull();
  });
});
