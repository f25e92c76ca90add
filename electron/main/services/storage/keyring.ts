import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AppLockInput, LockReason, StorageStatus } from '@shared/domain';
import { makePrivateFolder } from '../db/connection';
import { KEY_BYTES, type DataKey } from '../db/driver';
import { AppError, fieldError } from '../errors';
import { SCRYPT_DEFAULT, checkScryptParams, deriveKey, gcmOpen, gcmSeal, type ScryptParams } from './crypto';
import { writePrivateFileAtomic } from './files';

/** The key file beside the database: the data key, sealed one or two ways, never in the clear. */
export const KEY_FILE = 'vertaistuki.key';

/**
 * What keeps the data key without the facilitator: the system keychain through Electron's
 * safeStorage (electron/main/data-key.ts), or, in browser mode only, the key file itself.
 */
export interface Sealer {
  /** Written with the seal, so a key file sealed another way is recognised, not misread. */
  readonly name: string;
  readonly protection: 'keychain' | 'keyFile';
  /** Why the key cannot be sealed here (null: it can). */
  unavailable(): Promise<LockReason | null>;
  seal(secret: Buffer): Promise<Buffer>;
  unseal(sealed: Buffer): Promise<Buffer>;
}

/** How the store's key is reached when the app starts. */
export type KeyStart =
  | { kind: 'key'; key: DataKey }
  | { kind: 'locked'; reason: LockReason }
  | { kind: 'choosePassphrase'; reason: LockReason }
  | { kind: 'problem'; problem: 'keyMissing' | 'keyUnreadable'; detail: string };

/** What the backend needs from wherever the key lives. */
export interface KeyAccess {
  readonly start: KeyStart;
  status(): Pick<StorageStatus, 'protection' | 'appLock'>;
  unlock(passphrase: string): Promise<DataKey>;
  choosePassphrase(passphrase: string): Promise<DataKey>;
  setAppLock(key: DataKey, input: AppLockInput): Promise<void>;
}

interface PassphraseSeal {
  kdf: { name: 'scrypt'; salt: string } & ScryptParams;
  iv: string;
  tag: string;
  data: string;
}

interface KeyFileContents {
  format: 1;
  /** The key sealed by the Sealer; absent while the app lock is on, so only the passphrase opens it. */
  os?: { sealer: string; data: string };
  passphrase?: PassphraseSeal;
  /** The facilitator's own lock (as opposed to a passphrase because no keyring exists). */
  appLock: boolean;
  idleMinutes: number | null;
}

const b64 = (buffer: Buffer) => buffer.toString('base64');
const unb64 = (text: string) => Buffer.from(text, 'base64');
const AAD = Buffer.from('vertaistuki data key v1');

const wrongPassphrase = (path = 'passphrase') => fieldError(path, 'wrongPassphrase', 'The passphrase is not right.');

async function sealWithPassphrase(key: DataKey, passphrase: string, params: ScryptParams): Promise<PassphraseSeal> {
  const salt = randomBytes(16);
  const kek = await deriveKey(passphrase, salt, params);
  const sealed = gcmSeal(kek, key, AAD);
  return { kdf: { name: 'scrypt', salt: b64(salt), ...params }, iv: b64(sealed.iv), tag: b64(sealed.tag), data: b64(sealed.data) };
}

async function openWithPassphrase(seal: PassphraseSeal, passphrase: string): Promise<DataKey | null> {
  const params = checkScryptParams(seal.kdf);
  if (!params) return null;
  const kek = await deriveKey(passphrase, unb64(seal.kdf.salt), params);
  const key = gcmOpen(kek, { iv: unb64(seal.iv), tag: unb64(seal.tag), data: unb64(seal.data) }, AAD);
  return key?.length === KEY_BYTES ? key : null;
}

function readKeyFile(path: string): KeyFileContents | 'damaged' | null {
  if (!existsSync(path)) return null;
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as KeyFileContents;
    return parsed.format === 1 && (parsed.os || parsed.passphrase) ? parsed : 'damaged';
  } catch {
    return 'damaged';
  }
}

export interface KeyringOptions {
  file: string;
  sealer: Sealer;
  /** Whether an encrypted store already exists: then a missing key is never replaced by a new one. */
  storeIsEncrypted: boolean;
  scrypt?: ScryptParams;
}

/** Reads (or, on a first start, makes) the key file and works out how the key is reached. */
export async function openKeyring(options: KeyringOptions): Promise<KeyAccess> {
  const params = options.scrypt ?? SCRYPT_DEFAULT;
  const { file, sealer } = options;
  let contents = readKeyFile(file);
  const save = (next: KeyFileContents) => {
    makePrivateFolder(dirname(file));
    writePrivateFileAtomic(file, `${JSON.stringify(next, null, 2)}\n`);
    contents = next;
  };
  const current = (): KeyFileContents | null => (contents === 'damaged' ? null : contents);
  const unavailable = await sealer.unavailable();

  const start = await (async (): Promise<KeyStart> => {
    if (contents === 'damaged') return { kind: 'problem', problem: 'keyUnreadable', detail: `The key file cannot be read: ${file}` };
    if (!contents) {
      if (options.storeIsEncrypted) return { kind: 'problem', problem: 'keyMissing', detail: `The key file is missing: ${file}` };
      if (unavailable) return { kind: 'choosePassphrase', reason: unavailable };
      const key = randomBytes(KEY_BYTES);
      save({ format: 1, os: { sealer: sealer.name, data: b64(await sealer.seal(key)) }, appLock: false, idleMinutes: null });
      return { kind: 'key', key };
    }
    const lockReason: LockReason = contents.appLock ? 'appLock' : (unavailable ?? 'noKeyring');
    if (contents.os) {
      if (contents.os.sealer === sealer.name && !unavailable) {
        try {
          const key = await sealer.unseal(unb64(contents.os.data));
          if (key.length === KEY_BYTES) return { kind: 'key', key };
        } catch {
          // fall through: the keychain no longer has (or refuses) the entry
        }
      }
      if (contents.passphrase) return { kind: 'locked', reason: lockReason };
      return {
        kind: 'problem',
        problem: 'keyUnreadable',
        detail: `The key was sealed with ${contents.os.sealer}, which could not open it on this computer.`,
      };
    }
    return { kind: 'locked', reason: lockReason };
  })();

  const canUseOs = !unavailable;
  return {
    start,
    status: () => {
      const c = current();
      const passphraseOnly = !!c?.passphrase && !c.os;
      return {
        protection: passphraseOnly || (!c && !canUseOs) ? 'passphrase' : sealer.protection,
        appLock: { on: passphraseOnly, idleMinutes: c?.idleMinutes ?? null, canTurnOff: canUseOs },
      };
    },
    unlock: async (passphrase) => {
      const seal = current()?.passphrase;
      if (!seal) throw new AppError('conflict', 'There is no passphrase to unlock with.');
      const key = await openWithPassphrase(seal, passphrase);
      if (!key) throw wrongPassphrase();
      return key;
    },
    choosePassphrase: async (passphrase) => {
      if (current()) throw new AppError('conflict', 'A key already exists; it is never replaced.');
      const key = randomBytes(KEY_BYTES);
      save({ format: 1, passphrase: await sealWithPassphrase(key, passphrase, params), appLock: false, idleMinutes: null });
      return key;
    },
    setAppLock: async (key, input) => {
      const c = current();
      if (!c) throw new AppError('conflict', 'There is no key file to change.');
      if (c.passphrase) {
        const given = await openWithPassphrase(c.passphrase, input.currentPassphrase ?? '');
        if (!given?.equals(key)) throw wrongPassphrase('currentPassphrase');
      }
      if (input.passphrase === null) {
        if (!canUseOs) throw fieldError('passphrase', 'passphraseRequired', 'Without a keyring the passphrase is the only protection.');
        save({ format: 1, os: { sealer: sealer.name, data: b64(await sealer.seal(key)) }, appLock: false, idleMinutes: null });
        return;
      }
      // With the lock on, the keychain's copy is removed: only the passphrase opens the data.
      save({
        format: 1,
        passphrase: await sealWithPassphrase(key, input.passphrase, params),
        appLock: canUseOs,
        idleMinutes: input.idleMinutes,
      });
    },
  };
}

/** Browser mode and tests: the key file holds the key itself. Never used by the desktop app. */
export const keyFileSealer: Sealer = {
  name: 'plainKeyFile',
  protection: 'keyFile',
  unavailable: () => Promise.resolve(null),
  seal: (secret) => Promise.resolve(Buffer.from(secret)),
  unseal: (sealed) => Promise.resolve(Buffer.from(sealed)),
};

/** A key given directly (component tests, tools): no passphrase features. */
export function fixedKey(key: DataKey): KeyAccess {
  const unsupported = () => Promise.reject(new AppError('conflict', 'This installation uses a fixed key.'));
  return {
    start: { kind: 'key', key },
    status: () => ({ protection: 'keyFile', appLock: { on: false, idleMinutes: null, canTurnOff: true } }),
    unlock: unsupported,
    choosePassphrase: unsupported,
    setAppLock: unsupported,
  };
}
