import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { StoreOpenError, sqliteCode } from './errors';
import { migrate, refuseNewer, type Migration } from './migrate';

export interface OpenOptions {
  path: string;
  migrations: Migration[];
}

const problemOf = (error: unknown, path: string): StoreOpenError => {
  if (error instanceof StoreOpenError) return error;
  const code = sqliteCode(error) ?? '';
  const detail = error instanceof Error ? error.message : String(error);
  if (code === 'SQLITE_NOTADB') return new StoreOpenError({ kind: 'notADatabase', path, detail });
  if (code.startsWith('SQLITE_CORRUPT')) return new StoreOpenError({ kind: 'corrupt', path, detail });
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new StoreOpenError({ kind: 'locked', path, detail });
  }
  return new StoreOpenError({ kind: 'unavailable', path, detail });
};

/**
 * Opens (or creates) the store and brings its schema up to date.
 * A file that exists but cannot be used is never recreated or written to:
 * the caller gets a StoreOpenError that says what is wrong and where the file is.
 */
export function openDatabase({ path, migrations }: OpenOptions): Database {
  let db: Database | undefined;
  try {
    const isNew = !existsSync(path);
    if (isNew) mkdirSync(dirname(path), { recursive: true });
    db = new BetterSqlite3(path, { fileMustExist: !isNew, timeout: 5000 });
    // Read before any write: a file that is not a database, is damaged or comes from a newer
    // app fails here, untouched (even switching the journal mode would rewrite its header).
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new StoreOpenError({ kind: 'corrupt', path, detail: String(check) });
    refuseNewer(db, migrations.length, path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('secure_delete = ON'); // deleted and overwritten content is zeroed, not left in free space
    migrate(db, migrations, path);
    return db;
  } catch (error) {
    db?.close();
    throw problemOf(error, path);
  }
}

/** Closes cleanly: lets SQLite refresh its statistics and folds the WAL back into the file. */
export function closeDatabase(db: Database): void {
  if (!db.open) return;
  db.pragma('optimize');
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}
