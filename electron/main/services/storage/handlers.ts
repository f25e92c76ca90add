import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { EXPORT_EXTENSION, type StorageStatus } from '@shared/domain';
import { openFile, openSerialized, vacuumInto, type DataKey } from '../db/driver';
import { schemaVersion } from '../db/migrate';
import { AppError } from '../errors';
import type { HandlersOf } from '../handlers';
import { backupDatabase, backupsDirOf, checkCopy, checkOpenCopy, listBackups, shredBackupsBefore } from './backups';
import type { ScryptParams } from './crypto';
import { openExport, sealExport } from './export-file';
import type { KeyAccess } from './keyring';
import type { StoreSession } from './session';

/** What the storage calls need from the backend that hosts them. */
export interface StorageHost {
  session: StoreSession;
  keys: KeyAccess;
  appVersion: string;
  status: () => StorageStatus;
  /** Opens the store with a key the facilitator's passphrase gave; reports a problem like a start. */
  openWith: (key: DataKey) => void;
  /** The store was swapped for another copy: the feature handlers must bind to the new handle. */
  reopened: () => void;
  lock: () => void;
  /** Test seam: cheaper scrypt for the export file (the stored parameters are always honoured). */
  exportScrypt?: ScryptParams;
}

const openDb = (host: StorageHost): { db: Database; key: DataKey } => {
  const db = host.session.db();
  const key = host.session.key();
  if (!db || !key) throw new AppError('store_unavailable', 'The data is not open.');
  return { db, key };
};

/** A serialized copy of the store in memory, vacuumed so that freed pages carry no old text. */
function compactImage(db: Database): Buffer {
  const image = db.serialize();
  // Bytes 18-19 say "WAL"; an in-memory copy must use a rollback journal to open.
  image[18] = 1;
  image[19] = 1;
  const memory = openSerialized(image);
  try {
    memory.exec('VACUUM');
    return memory.serialize();
  } finally {
    memory.close();
  }
}

const programmeName = (db: Database): string | null =>
  (db.prepare('SELECT name FROM programme WHERE id = 1').get() as { name: string } | undefined)?.name ?? null;

const exportFileName = (date: Date) => `vertaistuki-${date.toISOString().slice(0, 10)}${EXPORT_EXTENSION}`;

export function storageHandlers(host: StorageHost): HandlersOf<
  | 'storage.status'
  | 'storage.unlock'
  | 'storage.choosePassphrase'
  | 'storage.lock'
  | 'storage.setAppLock'
  | 'storage.backups'
  | 'storage.backupNow'
  | 'storage.restoreBackup'
  | 'storage.exportAll'
  | 'storage.importFile'
  | 'storage.shredPreCloseBackups'
> {
  const { session, keys } = host;
  return {
    'storage.status': () => host.status(),
    'storage.unlock': async ({ passphrase }) => {
      if (host.status().state !== 'locked') throw new AppError('conflict', 'The data is not locked.');
      host.openWith(await keys.unlock(passphrase));
      return host.status();
    },
    'storage.choosePassphrase': async ({ passphrase }) => {
      if (host.status().state !== 'choosePassphrase') throw new AppError('conflict', 'A passphrase has already been chosen.');
      host.openWith(await keys.choosePassphrase(passphrase));
      return host.status();
    },
    'storage.lock': () => {
      if (!keys.status().appLock.on && keys.status().protection !== 'passphrase') {
        throw new AppError('conflict', 'Without an app lock there is no passphrase to open the data again.');
      }
      host.lock();
      return host.status();
    },
    'storage.setAppLock': async (input) => {
      const { key } = openDb(host);
      await keys.setAppLock(key, input);
      return host.status();
    },
    'storage.backups': () => {
      const { key } = openDb(host);
      return listBackups(session.path, key, session.latest);
    },
    'storage.backupNow': () => {
      const { db, key } = openDb(host);
      const id = backupDatabase(db, 'manual');
      const made = listBackups(session.path, key, session.latest).find((backup) => backup.id === id);
      if (!made) throw new Error(`The backup ${id} was not found after writing it.`);
      return made;
    },
    'storage.restoreBackup': ({ id }) => {
      openDb(host);
      const source = join(backupsDirOf(session.path), id);
      const { safetyBackup, check } = session.replace((target, key) => {
        checkCopy(source, key, session.latest, 'id');
        const reader = openReadonly(source, key);
        try {
          vacuumInto(reader, target, key);
        } finally {
          reader.close();
        }
      }, 'beforeRestore');
      host.reopened();
      return { safetyBackup, programmeName: check.programmeName };
    },
    'storage.exportAll': async ({ passphrase }) => {
      const { db } = openDb(host);
      const now = new Date();
      const image = compactImage(db);
      const file = await sealExport(image, passphrase, { appVersion: host.appVersion, schemaVersion: schemaVersion(db), createdAt: now }, host.exportScrypt);
      return { delivery: 'download', fileName: exportFileName(now), mimeType: 'application/octet-stream', base64: file.toString('base64') };
    },
    'storage.importFile': async ({ base64, passphrase, replace }) => {
      const { db } = openDb(host);
      const image = await openExport(Buffer.from(base64, 'base64'), passphrase, session.latest);
      image[18] = 1;
      image[19] = 1;
      let memory: Database;
      try {
        memory = openSerialized(image);
      } catch {
        throw new AppError('invalid_input', 'The file holds no database.', [{ path: 'file', message: 'exportDamaged' }]);
      }
      try {
        checkOpenCopy(memory, session.latest, 'file');
        // Importing over a group asks first (the renderer confirms, then sends replace: true).
        if (programmeName(db) !== null && !replace) {
          throw new AppError('conflict', 'The app already holds a group; confirm that it is replaced (a backup is made first).');
        }
        const { safetyBackup, check } = session.replace((target, key) => vacuumInto(memory, target, key), 'beforeImport');
        host.reopened();
        return { safetyBackup, programmeName: check.programmeName };
      } finally {
        memory.close();
      }
    },
    'storage.shredPreCloseBackups': () => {
      const { db, key } = openDb(host);
      const closedAt = db.prepare('SELECT archived_at FROM programme WHERE id = 1').pluck().get() as string | null | undefined;
      if (!closedAt) {
        throw new AppError('conflict', 'Backups made before closing can be deleted only once the programme has been closed.');
      }
      const removed = shredBackupsBefore(session.path, new Date(closedAt));
      return { removed, backups: listBackups(session.path, key, session.latest) };
    },
  };
}

const openReadonly = (path: string, key: DataKey) => openFile(path, key, { readonly: true, fileMustExist: true });
