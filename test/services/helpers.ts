import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database, Options } from 'better-sqlite3';
import type { CallInput, CallName, CallOutput } from '@shared/contract';
import type { CallError, Envelope, ErrorCode } from '@shared/envelope';
import type { SetupInput } from '@shared/domain';
import { createBackend, DATABASE_FILE, type Backend, type BackendConfig } from '../../electron/main/services/backend';
import { openFile } from '../../electron/main/services/db/driver';
import { logicalDump } from '../../electron/main/services/storage/dump';
import { fixedKey } from '../../electron/main/services/storage/keyring';

const here = dirname(fileURLToPath(import.meta.url));

/** The app's real migrations folder. */
export const MIGRATIONS_DIR = resolve(here, '../../electron/main/services/db/migrations');
export const FONTS_DIR = resolve(here, '../../resources/fonts');

const tempDirs: string[] = [];

/** A fresh, empty directory under the OS temp dir; removed by `removeTempDirs`. */
export function makeTempDir(prefix = 'vertaistuki-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

/** Call from afterEach: removes every directory made by `makeTempDir`. */
export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** The test set-up's key for a data folder: random, kept in a key file there (as browser mode keeps one). */
export const TEST_KEY_FILE = 'test-data.key';
export function testKeyFor(dataDir: string): Buffer {
  const file = join(dataDir, TEST_KEY_FILE);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
}

/** Opens a store file directly (as a test's second connection) with the key of its data folder. */
export const openStoreFile = (path: string, options: Options = {}): Database => openFile(path, testKeyFor(dirname(path)), options);

export interface TestBackend extends Backend {
  /** Everything the backend logged (unexpected errors, store problems). */
  logged: unknown[];
  databasePath: string;
}

/** A real backend on a real SQLite file in `dataDir`, with the app's migrations. */
export function createTestBackend(dataDir: string, overrides: Partial<BackendConfig> = {}): TestBackend {
  const logged: unknown[] = [];
  const backend = createBackend({
    appName: 'Vertaistuki',
    appVersion: '0.0.0-test',
    mode: 'desktop',
    dataDir,
    migrationsDir: MIGRATIONS_DIR,
    fontsDir: FONTS_DIR,
    systemLocales: ['fi-FI', 'en-GB'],
    log: (error) => logged.push(error),
    keys: fixedKey(testKeyFor(dataDir)),
    ...overrides,
  });
  return { ...backend, logged, databasePath: join(dataDir, DATABASE_FILE) };
}

export const VALID_SETUP = {
  programme: {
    name: 'Vertaisryhmä Jyväskylä',
    organisation: 'Mielenterveysyhdistys Äänekoski ry',
    facilitatorName: 'Päivi Öhman',
    startDate: '2025-01-13',
    endDate: '2025-06-15',
  },
  members: [
    { name: 'Jää Mäkelä', role: 'Vertaisohjaaja', email: 'jaa.makela@example.fi' },
    { name: 'Örjan Kärkkäinen', role: '', email: '' },
    { name: 'Sönke Ylä-Hyyppä', role: 'Jäsen', email: 'sonke@example.fi' },
  ],
} as const satisfies SetupInput;

/** A deep, mutable copy of the valid set-up, for tests that change one field. */
export const validSetup = (): SetupInput => structuredClone(VALID_SETUP) as unknown as SetupInput;

/** Asserts a successful envelope and returns its value. */
export function expectOk<T = unknown>(envelope: Envelope<unknown>): T {
  if (!envelope.ok) {
    throw new Error(`Expected ok, got ${envelope.error.code}: ${envelope.error.message}`);
  }
  return envelope.value as T;
}

/** Asserts a failed envelope with this code and returns its error. */
export function expectFail(envelope: Envelope<unknown>, code: ErrorCode): CallError {
  if (envelope.ok) throw new Error(`Expected ${code}, got ok: ${JSON.stringify(envelope.value)}`);
  if (envelope.error.code !== code) {
    throw new Error(`Expected ${code}, got ${envelope.error.code}: ${envelope.error.message}`);
  }
  return envelope.error;
}

/** A typed, must-succeed call. */
export function call<K extends CallName>(backend: Backend, name: K, input: CallInput<K>): CallOutput<K> {
  return expectOk<CallOutput<K>>(backend.dispatch(name, input));
}

/** Everything a user can see in the store, read through the backend. */
export function storeState(backend: Backend) {
  return {
    programme: call(backend, 'programme.get', undefined),
    members: call(backend, 'members.list', undefined),
    settings: call(backend, 'settings.get', undefined),
  };
}

/** Every row of every table plus the schema and user_version, read over a separate connection. */
export function dumpDatabase(path: string) {
  const db = openStoreFile(path, { readonly: true, fileMustExist: true });
  try {
    return logicalDump(db);
  } finally {
    db.close();
  }
}

/** The bytes of a file and which SQLite sidecar files exist next to it. */
export function fileSnapshot(path: string) {
  return {
    bytes: readFileSync(path),
    wal: existsSync(`${path}-wal`),
    shm: existsSync(`${path}-shm`),
    journal: existsSync(`${path}-journal`),
  };
}

/** The SQLite error code thrown by `fn`, or fails if it does not throw one. */
export function sqliteErrorCode(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
      return error.code;
    }
    throw error;
  }
  throw new Error('Expected an SQLite error, but the statement succeeded');
}
