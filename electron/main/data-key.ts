import { join } from 'node:path';
import type { LockReason } from '@shared/domain';
import { DATABASE_FILE } from './services/backend';
import { inspectFile } from './services/db/connection';
import { KEY_FILE, openKeyring, type KeyAccess, type Sealer } from './services/storage/keyring';

/**
 * The desktop app's data key: a random 256-bit key per installation, sealed with Electron's
 * safeStorage (DPAPI on Windows, the Keychain on macOS, libsecret/KWallet on Linux) and kept in
 * `vertaistuki.key` beside the database. Where safeStorage cannot protect it — no keyring, or
 * Linux's `basic_text` fallback, which would keep it effectively in the clear — the facilitator is
 * asked for a passphrase instead (see storage/keyring.ts).
 *
 * Takes the safeStorage object as a parameter so plain Node tests can hand in a fake.
 */
export type SafeStorageLike = Pick<
  Electron.SafeStorage,
  'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'
>;

export function safeStorageSealer(safeStorage: SafeStorageLike, platform: NodeJS.Platform): Sealer {
  return {
    name: 'safeStorage',
    protection: 'keychain',
    unavailable: async (): Promise<LockReason | null> => {
      if (!(await safeStorage.isAsyncEncryptionAvailable())) return 'noKeyring';
      if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return 'basicText';
      return null;
    },
    seal: (secret) => safeStorage.encryptStringAsync(secret.toString('base64')),
    unseal: async (sealed) => Buffer.from((await safeStorage.decryptStringAsync(sealed)).result, 'base64'),
  };
}

export interface DataKeyOptions {
  safeStorage: SafeStorageLike;
  platform: NodeJS.Platform;
  dataDir: string;
}

/** Called once after `app.whenReady()` and before `createBackend`. */
export function openDataKey({ safeStorage, platform, dataDir }: DataKeyOptions): Promise<KeyAccess> {
  return openKeyring({
    file: join(dataDir, KEY_FILE),
    sealer: safeStorageSealer(safeStorage, platform),
    storeIsEncrypted: inspectFile(join(dataDir, DATABASE_FILE)) === 'encrypted',
  });
}
