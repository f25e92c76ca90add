import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDataKey, type SafeStorageLike } from '../../electron/main/data-key';
import { DATABASE_FILE } from '../../electron/main/services/backend';
import { KEY_FILE } from '../../electron/main/services/storage/keyring';
import { createTestBackend, expectFail, expectOk, makeTempDir, removeTempDirs, type TestBackend } from '../services/helpers';
import { modeOf } from '../services/storage/storage-helpers';

/**
 * A stand-in for Electron's safeStorage: real encryption under a key that lives only in this
 * object (the "keychain"), so a key file sealed by it is useless without it.
 */
function fakeSafeStorage(options: { available?: boolean; backend?: string } = {}) {
  const keychain = randomBytes(32);
  const calls: string[] = [];
  const fake: SafeStorageLike & { calls: string[]; forget: () => void } = {
    calls,
    isAsyncEncryptionAvailable: async () => options.available ?? true,
    getSelectedStorageBackend: () => (options.backend ?? 'gnome_libsecret') as ReturnType<SafeStorageLike['getSelectedStorageBackend']>,
    encryptStringAsync: async (text: string) => {
      calls.push('encrypt');
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', keychain, iv);
      const data = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), data]);
    },
    decryptStringAsync: async (sealed: Buffer) => {
      calls.push('decrypt');
      const decipher = createDecipheriv('aes-256-gcm', keychain, sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(12, 28));
      return { result: Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8'), shouldReEncrypt: false };
    },
    forget: () => keychain.fill(0),
  };
  return fake;
}

const backends: TestBackend[] = [];
async function desktopBackend(dataDir: string, safeStorage: SafeStorageLike, platform: NodeJS.Platform = 'linux') {
  const keys = await openDataKey({ safeStorage, platform, dataDir });
  const backend = createTestBackend(dataDir, { keys });
  backends.push(backend);
  return backend;
}

afterEach(() => {
  for (const backend of backends.splice(0)) backend.close();
  removeTempDirs();
});

const SETUP = {
  programme: { name: 'Avainryhmä', organisation: 'Virasto', facilitatorName: 'Päivi', startDate: '2026-09-01', endDate: '2027-02-28' },
  members: [{ name: 'Önni', role: '', email: '' }],
};

describe('data-key.ts with safeStorage', () => {
  it('makes a random key on first start, seals it with safeStorage and keeps only the sealed form', async () => {
    const dataDir = makeTempDir();
    const safeStorage = fakeSafeStorage();
    const backend = await desktopBackend(dataDir, safeStorage);

    expect(backend.info().storage).toMatchObject({ state: 'open', protection: 'keychain', appLock: { on: false } });
    expectOk(backend.dispatch('programme.setup', SETUP));
    const keyFile = JSON.parse(readFileSync(join(dataDir, KEY_FILE), 'utf8')) as { os: { sealer: string; data: string } };
    expect(keyFile.os.sealer).toBe('safeStorage');
    expect(safeStorage.calls).toEqual(['encrypt']);
    if (process.platform !== 'win32') expect(modeOf(join(dataDir, KEY_FILE))).toBe(0o600);

    backend.close();
    const again = await desktopBackend(dataDir, safeStorage);
    expect(expectOk<{ name: string }>(again.dispatch('programme.get', undefined)).name).toBe('Avainryhmä');
    expect(safeStorage.calls).toEqual(['encrypt', 'decrypt']);
  });

  it('reports a keychain that can no longer open the key (and keeps the data file)', async () => {
    const dataDir = makeTempDir();
    const safeStorage = fakeSafeStorage();
    const first = await desktopBackend(dataDir, safeStorage);
    expectOk(first.dispatch('programme.setup', SETUP));
    first.close();
    const before = readFileSync(join(dataDir, DATABASE_FILE));

    const otherMachine = fakeSafeStorage();
    const backend = await desktopBackend(dataDir, otherMachine);

    expect(backend.info().storeProblem).toMatchObject({ kind: 'keyUnreadable' });
    expect(readFileSync(join(dataDir, DATABASE_FILE)).equals(before)).toBe(true);
  });

  it('reports a missing key file for an encrypted store instead of making a new key', async () => {
    const dataDir = makeTempDir();
    const safeStorage = fakeSafeStorage();
    const first = await desktopBackend(dataDir, safeStorage);
    expectOk(first.dispatch('programme.setup', SETUP));
    first.close();
    const { rmSync } = await import('node:fs');
    rmSync(join(dataDir, KEY_FILE));

    const backend = await desktopBackend(dataDir, safeStorage);

    expect(backend.info().storeProblem).toMatchObject({ kind: 'keyMissing' });
    expect(existsSync(join(dataDir, KEY_FILE))).toBe(false);
  });

  for (const [why, fake, reason] of [
    ['no keyring at all', { available: false }, 'noKeyring'],
    ["Linux's plain-text fallback (basic_text)", { backend: 'basic_text' }, 'basicText'],
  ] as const) {
    it(`asks for a passphrase where safeStorage offers ${why}, and says why`, async () => {
      const dataDir = makeTempDir();
      const safeStorage = fakeSafeStorage(fake);
      const backend = await desktopBackend(dataDir, safeStorage);

      expect(backend.info().storage).toMatchObject({ state: 'choosePassphrase', reason });
      expectFail(backend.dispatch('programme.get', undefined), 'store_unavailable');
      expect(existsSync(join(dataDir, DATABASE_FILE))).toBe(false);
      expectFail(await backend.call('storage.choosePassphrase', { passphrase: 'lyhyt' }), 'invalid_input');

      expectOk(await backend.call('storage.choosePassphrase', { passphrase: 'pitkä salalause 7' }));
      expectOk(backend.dispatch('programme.setup', SETUP));
      expect(safeStorage.calls).toEqual([]);
      const keyFile = readFileSync(join(dataDir, KEY_FILE), 'utf8');
      expect(JSON.parse(keyFile)).toMatchObject({ passphrase: { kdf: { name: 'scrypt', N: expect.any(Number), r: 8, p: 1 } } });
      backend.close();

      const again = await desktopBackend(dataDir, safeStorage);
      expect(again.info().storage).toMatchObject({ state: 'locked', reason, protection: 'passphrase', appLock: { canTurnOff: false } });
      const wrong = expectFail(await again.call('storage.unlock', { passphrase: 'väärä salalause' }), 'invalid_input');
      expect(wrong.issues).toEqual([{ path: 'passphrase', message: 'wrongPassphrase' }]);
      expectOk(await again.call('storage.unlock', { passphrase: 'pitkä salalause 7' }));
      expect(expectOk<{ name: string }>(again.dispatch('programme.get', undefined)).name).toBe('Avainryhmä');
    });
  }

  it('does not treat basic_text as a problem on Windows or macOS (it is a Linux-only answer)', async () => {
    const backend = await desktopBackend(makeTempDir(), fakeSafeStorage({ backend: 'basic_text' }), 'darwin');
    expect(backend.info().storage.state).toBe('open');
  });
});

describe('the app lock', () => {
  it('removes the keychain copy while on, asks at start and after locking, and needs the passphrase to change', async () => {
    const dataDir = makeTempDir();
    const safeStorage = fakeSafeStorage();
    const backend = await desktopBackend(dataDir, safeStorage);
    expectOk(backend.dispatch('programme.setup', SETUP));
    expectFail(backend.dispatch('storage.lock', undefined), 'conflict');

    expectOk(await backend.call('storage.setAppLock', { passphrase: 'lukituslause 123', idleMinutes: 10 }));
    expect(backend.info().storage).toMatchObject({ state: 'open', appLock: { on: true, idleMinutes: 10 } });
    const keyFile = JSON.parse(readFileSync(join(dataDir, KEY_FILE), 'utf8')) as Record<string, unknown>;
    expect(keyFile['os']).toBeUndefined();

    // Idle: the renderer asks main to lock; the store closes and only unlocking answers.
    expectOk(backend.dispatch('storage.lock', undefined));
    expect(backend.info().storage).toMatchObject({ state: 'locked', reason: 'appLock' });
    expectFail(backend.dispatch('programme.get', undefined), 'store_unavailable');
    expectOk(await backend.call('storage.unlock', { passphrase: 'lukituslause 123' }));
    expectOk(backend.dispatch('programme.get', undefined));

    // Changing or removing it needs the current passphrase.
    const refused = expectFail(await backend.call('storage.setAppLock', { passphrase: null, idleMinutes: null, currentPassphrase: 'arvaus' }), 'invalid_input');
    expect(refused.issues).toEqual([{ path: 'currentPassphrase', message: 'wrongPassphrase' }]);
    backend.close();

    const restarted = await desktopBackend(dataDir, safeStorage);
    expect(restarted.info().storage).toMatchObject({ state: 'locked', reason: 'appLock' });
    expectOk(await restarted.call('storage.unlock', { passphrase: 'lukituslause 123' }));
    expectOk(await restarted.call('storage.setAppLock', { passphrase: null, idleMinutes: null, currentPassphrase: 'lukituslause 123' }));
    expect(restarted.info().storage.appLock.on).toBe(false);
    restarted.close();
    const unlocked = await desktopBackend(dataDir, safeStorage);
    expect(unlocked.info().storage.state).toBe('open');
  });
});

describe('a damaged key file', () => {
  it('is reported, and the data file is left alone', async () => {
    const dataDir = makeTempDir();
    const safeStorage = fakeSafeStorage();
    (await desktopBackend(dataDir, safeStorage)).close();
    writeFileSync(join(dataDir, KEY_FILE), '{"format": 1');
    const backend = await desktopBackend(dataDir, safeStorage);
    expect(backend.info().storeProblem).toMatchObject({ kind: 'keyUnreadable' });
  });
});

