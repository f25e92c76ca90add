import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import type { CallInput, CallName, CallOutput } from '@shared/contract';
import type { CallError, Envelope, ErrorCode } from '@shared/envelope';
import type { SetupInput } from '@shared/domain';
import { createBackend, DATABASE_FILE, type Backend, type BackendConfig } from '../../electron/main/services/backend';

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

/** A typed, must-succeed call of any call, the asynchronous ones included. */
export async function callAsync<K extends CallName>(backend: Backend, name: K, input: CallInput<K>): Promise<CallOutput<K>> {
  return expectOk<CallOutput<K>>(await backend.call(name, input));
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
  const db = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
  try {
    const schema = db
      .prepare(`SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`)
      .all() as { type: string; name: string; sql: string }[];
    const rows: Record<string, unknown[]> = {};
    for (const { type, name, sql } of schema) {
      // WITHOUT ROWID tables (full-text search keeps some) are ordered by their first column.
      const withoutRowid = /WITHOUT ROWID/i.test(sql ?? '');
      if (type === 'table') rows[name] = db.prepare(`SELECT * FROM "${name}" ORDER BY ${withoutRowid ? 1 : 'rowid'}`).all();
    }
    return { userVersion: db.pragma('user_version', { simple: true }) as number, schema, rows };
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
