import { rmSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import type { BackupReason } from '@shared/domain';
import { closeDatabase, inspectFile, openDatabase } from '../db/connection';
import type { DataKey } from '../db/driver';
import type { Migration } from '../db/migrate';
import { backupDaily, backupDatabase, checkCopy, removePartials, type CopyCheck } from './backups';
import { INCOMING, encryptPlainStore, recoverInterrupted } from './encrypt-plain';
import { replaceFile } from './files';

/**
 * The open store and its key, for as long as the app runs: opened when the key is known (at start,
 * or when the facilitator unlocks), closed when the app locks, and swapped for a verified copy when
 * a backup or an export file is restored.
 */
export interface StoreSession {
  readonly path: string;
  readonly latest: number;
  db: () => Database | null;
  key: () => DataKey | null;
  /** Opens with this key: finishes an interrupted swap, encrypts a plain 0.1 store, migrates, backs up. */
  open: (key: DataKey) => Database;
  close: () => void;
  /**
   * Replaces the store with a copy that `write` puts at the given path (encrypted with the key).
   * The copy is checked first; the current data is backed up; only then does the copy take the
   * store's name (one atomic rename) and open. Returns the safety backup's id.
   */
  replace: (write: (target: string, key: DataKey) => void, reason: BackupReason) => { safetyBackup: string; check: CopyCheck };
}

export function createStoreSession(path: string, migrations: Migration[], now: () => Date = () => new Date()): StoreSession {
  let db: Database | null = null;
  let key: DataKey | null = null;
  const latest = migrations.length;

  const openWith = (dataKey: DataKey): Database => {
    const opened = openDatabase({
      path,
      migrations,
      key: dataKey,
      beforeMigrate: (store) => backupDatabase(store, 'beforeMigration', now()),
    });
    backupDaily(opened, now());
    return opened;
  };

  const close = () => {
    if (db) closeDatabase(db);
    db = null;
    key?.fill(0);
    key = null;
  };

  return {
    path,
    latest,
    db: () => db,
    key: () => key,
    open: (dataKey) => {
      close();
      recoverInterrupted(path);
      removePartials(path);
      if (inspectFile(path) === 'plain') encryptPlainStore(path, dataKey, now());
      db = openWith(dataKey);
      key = Buffer.from(dataKey);
      return db;
    },
    close,
    replace: (write, reason) => {
      if (!db || !key) throw new Error('The store is not open.');
      const incoming = path + INCOMING;
      const dataKey = Buffer.from(key);
      try {
        rmSync(incoming, { force: true });
        write(incoming, dataKey);
        const check = checkCopy(incoming, dataKey, latest, 'file');
        const safetyBackup = backupDatabase(db, reason, now());
        closeDatabase(db);
        db = null;
        replaceFile(incoming, path);
        return { safetyBackup, check };
      } finally {
        rmSync(incoming, { force: true });
        // The copy if the swap happened, else the store as it was.
        if (!db) db = openWith(dataKey);
      }
    },
  };
}
