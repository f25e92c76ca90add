import { create } from 'zustand';
import type { AppLockInput, Backup, RestoreResult, StorageStatus } from '@shared/domain';
import { fresh, write } from '../../lib/calls';
import { deliver } from '../../lib/download';

interface StorageState {
  status: StorageStatus | null;
  backups: Backup[];
  /** Reads the lock state and, when the data is open, the backups. */
  load: () => Promise<void>;
  unlock: (passphrase: string) => Promise<StorageStatus>;
  choosePassphrase: (passphrase: string) => Promise<StorageStatus>;
  lock: () => Promise<StorageStatus>;
  setAppLock: (input: AppLockInput) => Promise<StorageStatus>;
  backupNow: () => Promise<Backup>;
  restoreBackup: (id: string) => Promise<RestoreResult>;
  exportAll: (passphrase: string) => Promise<ReturnType<typeof deliver>>;
  importFile: (base64: string, passphrase: string, replace: boolean) => Promise<RestoreResult>;
}

/** The only caller of the storage API: the lock, backups and the export file. */
export const useStorageStore = create<StorageState>()((set, get) => ({
  status: null,
  backups: [],
  load: async () => {
    await fresh(
      async (read) => {
        const status = await read('storage.status');
        return { status, backups: status.state === 'open' ? await read('storage.backups') : [] };
      },
      (state) => set(state),
    );
  },
  unlock: async (passphrase) => {
    const status = await write('storage.unlock', { passphrase });
    set({ status });
    return status;
  },
  choosePassphrase: async (passphrase) => {
    const status = await write('storage.choosePassphrase', { passphrase });
    set({ status });
    return status;
  },
  lock: async () => {
    const status = await write('storage.lock');
    set({ status, backups: [] });
    return status;
  },
  setAppLock: async (input) => {
    const status = await write('storage.setAppLock', input);
    set({ status });
    return status;
  },
  backupNow: async () => {
    const backup = await write('storage.backupNow');
    await get().load();
    return backup;
  },
  restoreBackup: async (id) => {
    const result = await write('storage.restoreBackup', { id });
    await get().load();
    return result;
  },
  exportAll: async (passphrase) => deliver(await write('storage.exportAll', { passphrase })),
  importFile: async (base64, passphrase, replace) => {
    const result = await write('storage.importFile', { base64, passphrase, replace });
    await get().load();
    return result;
  },
}));
