import BetterSqlite3, { type Database } from 'better-sqlite3';

/**
 * Reads from the store on a connection of the caller's own (the export worker's), read-only, in
 * one transaction: with WAL the whole read sees one consistent snapshot, and the connection that
 * serves calls, writing meanwhile, neither waits for it nor is seen half-way by it. The connection
 * is closed at once, so no export holds the file open (closing the store folds the WAL back in).
 */
export function readSnapshot<T>(databasePath: string, read: (db: Database) => T): T {
  const db = new BetterSqlite3(databasePath, { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    return db.transaction(() => read(db))();
  } finally {
    db.close();
  }
}
