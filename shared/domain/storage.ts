import { z } from 'zod';
import { checkedText } from './fields';

/**
 * Storage: the encrypted store's key, the app lock, backups and the export file that moves the
 * group to a new computer. Messages are i18n keys under `validation.*`.
 */

/** A passphrase the facilitator chooses (app lock, no keyring, export file). */
export const NewPassphrase = checkedText(z.string({ error: 'required' }), 'one', false)
  .min(1, { error: 'required' })
  .min(8, { error: 'passphraseTooShort' })
  .max(1024, { error: 'tooLong' });

/** A passphrase given to open something: only its presence is checked here. */
export const GivenPassphrase = checkedText(z.string({ error: 'required' }), 'one', false)
  .min(1, { error: 'required' })
  .max(1024, { error: 'tooLong' });

/**
 * Why the store waits for a passphrase: the facilitator's app lock, or no keyring to keep the key
 * (none at all, or Linux's plain-text fallback, which would keep it in the clear).
 */
export const LockReason = z.enum(['appLock', 'noKeyring', 'basicText']);
export type LockReason = z.infer<typeof LockReason>;

export const StorageStatus = z.object({
  /** open: working; locked: asks the passphrase; choosePassphrase: first start without a keyring. */
  state: z.enum(['open', 'locked', 'choosePassphrase', 'unavailable']),
  reason: LockReason.nullable(),
  /** What keeps the key: the system keychain, only a passphrase, or a key file (browser mode, tests). */
  protection: z.enum(['keychain', 'passphrase', 'keyFile']),
  appLock: z.object({
    on: z.boolean(),
    /** Lock again after this many idle minutes (null: only at start). */
    idleMinutes: z.number().int().nullable(),
    /** False where the passphrase is the only protection (no keyring): it cannot be switched off. */
    canTurnOff: z.boolean(),
  }),
});
export type StorageStatus = z.infer<typeof StorageStatus>;

export const UnlockInput = z.object({ passphrase: GivenPassphrase }).strict();
export const ChoosePassphraseInput = z.object({ passphrase: NewPassphrase }).strict();

export const IDLE_MINUTES = [5, 10, 15, 30, 60] as const;
export const AppLockInput = z
  .object({
    /** The new passphrase, or null to switch the lock off. */
    passphrase: NewPassphrase.nullable(),
    idleMinutes: z
      .number({ error: 'invalidIdleMinutes' })
      .int({ error: 'invalidIdleMinutes' })
      .min(1, { error: 'invalidIdleMinutes' })
      .max(240, { error: 'invalidIdleMinutes' })
      .nullable(),
    /** Needed to change or switch off a lock that is on, so an unattended open app cannot drop it. */
    currentPassphrase: checkedText(z.string().max(1024, { error: 'tooLong' }), 'one', false).optional(),
  })
  .strict();
export type AppLockInput = z.infer<typeof AppLockInput>;

export const BACKUP_REASONS = ['daily', 'beforeMigration', 'beforeClose', 'beforeRestore', 'beforeImport', 'beforeEncryption', 'manual'] as const;
export const BackupReason = z.enum(BACKUP_REASONS);
export type BackupReason = z.infer<typeof BackupReason>;

/** A backup's file name says when and why; nothing confidential is in a name. */
export const BACKUP_NAME = /^vertaistuki-(\d{8}T\d{9}Z)-([a-zA-Z]+)\.sqlite$/;

export const Backup = z.object({
  id: z.string(),
  createdAt: z.string(),
  reason: BackupReason,
  size: z.number().int(),
  /** Read from the copy itself; null when it holds no programme yet. */
  programmeName: z.string().nullable(),
  schemaVersion: z.number().int(),
  /** False when the copy cannot be opened with this installation's key or is damaged. */
  usable: z.boolean(),
});
export type Backup = z.infer<typeof Backup>;

/** What deleting the backups made before closing did: how many were shredded, and the backups left. */
export const BackupsShredded = z.object({ removed: z.number().int(), backups: z.array(Backup) });
export type BackupsShredded = z.infer<typeof BackupsShredded>;

export const BackupRef = z.object({ id: z.string().regex(BACKUP_NAME, { error: 'invalidBackup' }) }).strict();

export const ExportAllInput = z.object({ passphrase: NewPassphrase }).strict();

/** The export file's bytes as base64; 64 MiB of data is far beyond a group's programme. */
export const ImportInput = z
  .object({
    base64: z
      .string()
      .min(1, { error: 'required' })
      .max(96 * 1024 * 1024, { error: 'tooLong' })
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'invalidFile' }),
    passphrase: GivenPassphrase,
    /** The facilitator confirmed that the data now in the app is replaced (a backup is made first). */
    replace: z.boolean(),
  })
  .strict();

export const RestoreResult = z.object({
  /** The backup made of the data just replaced, so the restore itself can be undone. */
  safetyBackup: z.string().nullable(),
  programmeName: z.string().nullable(),
});
export type RestoreResult = z.infer<typeof RestoreResult>;

export const EXPORT_EXTENSION = '.vertaistuki';
