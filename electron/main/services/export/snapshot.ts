import type { Database } from 'better-sqlite3';
import { openFile, type DataKey } from '../db/driver';

/**
 * Reads from the store on a connection of the caller's own (the export worker's), read-only, in
 * one transaction: with WAL the whole read sees one consistent snapshot, and the connection that
 * serves calls, writing meanwhile, neither waits for it nor is seen half-way by it. The store is
 * encrypted; the worker is handed the key of the connection that serves calls (in memory, never
 * written anywhere). The connection is closed at once, so no export holds the file open
 * (closing the store folds the WAL back in).
 */
export function readSnapshot<T>(databasePath: string, key: DataKey | null, read: (db: Database) => T): T {
  const db = openFile(databasePath, key, { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    return db.transaction(() => read(db))();
  } finally {
    db.close();
  }
}
