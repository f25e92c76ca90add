import { z } from 'zod';
import { ExportResult } from '../domain/agreement';
import {
  AppLockInput,
  Backup,
  BackupRef,
  BackupsShredded,
  ChoosePassphraseInput,
  ExportAllInput,
  ImportInput,
  RestoreResult,
  StorageStatus,
  UnlockInput,
} from '../domain/storage';
import { noInput, type ContractPart } from './part';

/** The encrypted store's key and lock, backups, and the export file that moves the group. */
export const storageCalls = {
  'storage.status': { input: noInput, output: StorageStatus },
  'storage.unlock': { input: UnlockInput, output: StorageStatus },
  'storage.choosePassphrase': { input: ChoosePassphraseInput, output: StorageStatus },
  'storage.lock': { input: noInput, output: StorageStatus },
  'storage.setAppLock': { input: AppLockInput, output: StorageStatus },
  'storage.backups': { input: noInput, output: z.array(Backup) },
  'storage.backupNow': { input: noInput, output: Backup },
  'storage.restoreBackup': { input: BackupRef, output: RestoreResult },
  'storage.exportAll': { input: ExportAllInput, output: ExportResult },
  'storage.importFile': { input: ImportInput, output: RestoreResult },
  /** Once the programme is closed: shreds every backup made before closing (they still hold what closing deleted). */
  'storage.shredPreCloseBackups': { input: noInput, output: BackupsShredded },
} as const satisfies ContractPart;
