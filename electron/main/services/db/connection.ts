import { closeSync, existsSync, mkdirSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Database } from 'better-sqlite3';
import { createPrivateFile, isPlainHeader, openFile, type DataKey } from './driver';
import { StoreOpenError, sqliteCode } from './errors';
import { migrate, refuseNewer, schemaVersion, type Migration } from './migrate';

export interface OpenOptions {
  path: string;
  migrations: Migration[];
  /** The store's key: every store is encrypted (see storage/keyring.ts for where it comes from). */
  key: DataKey;
  /** Runs on an existing store just before pending migrations are applied (the backup). */
  beforeMigrate?: (db: Database) => void;
}

/** The main connection's page cache, in KiB (see openDatabase). */
export const PAGE_CACHE_KIB = 65_536;

/** The key each open store was opened with, so a backup taken from a handle is encrypted the same way. */
const keys = new WeakMap<Database, DataKey>();
export const keyOf = (db: Database): DataKey | undefined => keys.get(db);

/** What is at the store's path before anything opens it. */
export type FileState = 'missing' | 'empty' | 'plain' | 'encrypted';

export function inspectFile(path: string): FileState {
  if (!existsSync(path)) return 'missing';
  if (!statSync(path).isFile()) return 'encrypted'; // not ours to judge: opening it reports the problem
  const head = Buffer.alloc(16);
  const fd = openSync(path, 'r');
  try {
    const read = readSync(fd, head, 0, 16, 0);
    if (read === 0) return 'empty';
    return isPlainHeader(head.subarray(0, read)) ? 'plain' : 'encrypted';
  } finally {
    closeSync(fd);
  }
}

const isDiskFull = (error: unknown): boolean => {
  const code = sqliteCode(error) ?? '';
  return code === 'SQLITE_FULL' || code === 'ENOSPC' || code.startsWith('SQLITE_IOERR_WRITE') || code === 'SQLITE_IOERR_FSYNC';
};

export const problemOf = (error: unknown, path: string, newStore = false): StoreOpenError => {
  if (error instanceof StoreOpenError) return error;
  const code = sqliteCode(error) ?? '';
  const detail = error instanceof Error ? error.message : String(error);
  const problem = (kind: ConstructorParameters<typeof StoreOpenError>[0]['kind']) =>
    new StoreOpenError({ kind, path, detail, ...(newStore ? { newStore } : {}) });
  if (isDiskFull(error)) return problem('diskFull');
  if (code === 'SQLITE_NOTADB') return problem('notADatabase');
  if (code.startsWith('SQLITE_CORRUPT')) return problem('corrupt');
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return problem('locked');
  return problem('unavailable');
};

/** The folder only this user can enter (0700 on macOS and Linux; Windows keeps its ACLs). */
export function makePrivateFolder(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
}

/** Removes a store this start created and could not finish, so the next start is a first start again. */
function removeUnfinished(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
}

/**
 * Opens (or creates) the encrypted store and brings its schema up to date.
 * A file that exists but cannot be used is never recreated or written to: the caller gets a
 * StoreOpenError that says what is wrong and where the file is. A 0-byte file is such a file
 * (something emptied it); it is reported, not set up as a new store. A plain (unencrypted) file is
 * refused here: storage/encrypt-plain.ts converts it first.
 */
export function openDatabase({ path, migrations, key, beforeMigrate }: OpenOptions): Database {
  const state = inspectFile(path);
  if (state === 'empty') {
    throw new StoreOpenError({ kind: 'empty', path, detail: 'The data file is empty (0 bytes).' });
  }
  if (state === 'plain') {
    throw new StoreOpenError({ kind: 'unavailable', path, detail: 'The data file is not encrypted yet.' });
  }
  const isNew = state === 'missing';
  let db: Database | undefined;
  try {
    if (isNew) {
      makePrivateFolder(dirname(path));
      // SQLite gives -wal and -shm the mode of the main file, so all three are 0600 from birth.
      createPrivateFile(path);
    }
    db = openFile(path, key, { fileMustExist: true, timeout: 5000 });
    keys.set(db, key);
    // Read before any write: a file that is not a database (or has another key), is damaged or
    // comes from a newer app fails here, untouched (even switching the journal mode writes).
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new StoreOpenError({ kind: 'corrupt', path, detail: String(check) });
    refuseNewer(db, migrations.length, path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('secure_delete = ON'); // deleted and overwritten content is zeroed, not left in free space
    // SQLCipher decrypts (and checks) every page read past SQLite's page cache, which holds 2 MiB by
    // default: search at 999 meetings (a 50 MB store) read its index pages again on every query.
    // 64 MiB keeps them decrypted (only pages read take memory). temp_store=MEMORY was measured
    // too and made no difference (issue 13, bench "search").
    db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
    if (!isNew && schemaVersion(db) < migrations.length) beforeMigrate?.(db);
    migrate(db, migrations, path);
    return db;
  } catch (error) {
    db?.close();
    if (isNew) removeUnfinished(path);
    throw problemOf(error, path, isNew);
  }
}

/**
 * Closes cleanly: lets SQLite refresh its statistics and folds the WAL back into the file. The
 * handle is closed whatever happens: on a full disk the checkpoint cannot run, but every committed
 * page is in the WAL and the next open folds it in, so quitting must not fail or keep the file open.
 */
export function closeDatabase(db: Database): void {
  if (!db.open) return;
  try {
    db.pragma('optimize');
    db.pragma('wal_checkpoint(TRUNCATE)');
  } catch (error) {
    if (!isDiskFull(error)) throw error;
  } finally {
    db.close();
  }
}
