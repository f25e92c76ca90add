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
  'storage.unlock': { input: UnlockInput, output: StorageStatus, async: true },
  'storage.choosePassphrase': { input: ChoosePassphraseInput, output: StorageStatus, async: true },
  'storage.lock': { input: noInput, output: StorageStatus, ownTransaction: true },
  'storage.setAppLock': { input: AppLockInput, output: StorageStatus, async: true },
  'storage.backups': { input: noInput, output: z.array(Backup) },
  'storage.backupNow': { input: noInput, output: Backup },
  'storage.restoreBackup': { input: BackupRef, output: RestoreResult, ownTransaction: true },
  'storage.exportAll': { input: ExportAllInput, output: ExportResult, file: true },
  'storage.importFile': { input: ImportInput, output: RestoreResult, async: true },
  /** Once the programme is closed: shreds every backup made before closing (they still hold what closing deleted). */
  'storage.shredPreCloseBackups': { input: noInput, output: BackupsShredded },
} as const satisfies ContractPart;
