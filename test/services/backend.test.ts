import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CALL_NAMES } from '@shared/contract';
import type { Member, Programme } from '@shared/domain';
import { DATABASE_FILE } from '../../electron/main/services/backend';
import { loadMigrations } from '../../electron/main/services/db/migrate';
import { createDispatch } from '../../electron/main/services/dispatch';
import { AppError } from '../../electron/main/services/errors';
import type { Handlers } from '../../electron/main/services/handlers';
import {
  MIGRATIONS_DIR,
  VALID_SETUP,
  call,
  createTestBackend,
  dumpDatabase,
  expectFail,
  expectOk,
  makeTempDir,
  removeTempDirs,
  storeState,
  validSetup,
  type TestBackend,
  openStoreFile,
} from './helpers';

const backends: TestBackend[] = [];
function backendIn(dataDir = makeTempDir()): TestBackend {
  const backend = createTestBackend(dataDir);
  backends.push(backend);
  return backend;
}

afterEach(() => {
  for (const backend of backends.splice(0)) backend.close();
  removeTempDirs();
});

const LATEST = loadMigrations(MIGRATIONS_DIR).length;

describe('dispatch', () => {
  it('answers unknown_call for a name that is not in the contract', () => {
    const backend = backendIn();
    for (const name of ['nope', 'programme.delete', 'constructor', '__proto__', 'toString', '']) {
      const error = expectFail(backend.dispatch(name, undefined), 'unknown_call');
      expect(error.message).toContain(name);
    }
  });

  it('answers invalid_input when a no-input call gets input', () => {
    const backend = backendIn();
    const error = expectFail(backend.dispatch('programme.get', { id: 1 }), 'invalid_input');
    expect(error.issues).toEqual([{ path: '', message: 'noInputExpected' }]);
  });

  it('turns an AppError into its code and anything else into internal, logging only the latter', () => {
    const logged: unknown[] = [];
    const boom = new Error('disk on fire');
    const handlers = {
      'members.list': () => {
        throw boom;
      },
      'programme.get': () => {
        throw new AppError('not_set_up', 'not yet');
      },
      'settings.get': () => ({ language: 'fi' }),
    } as unknown as Handlers;
    const { dispatch } = createDispatch(handlers, (error) => logged.push(error));

    expect(expectFail(dispatch('members.list', undefined), 'internal').message).not.toContain('disk on fire');
    expect(expectFail(dispatch('programme.get', undefined), 'not_set_up').message).toBe('not yet');
    expect(expectOk(dispatch('settings.get', undefined))).toEqual({ language: 'fi' });
    expect(logged).toEqual([boom]);
  });

  it('passes the parsed (trimmed) input to the handler, not the raw one', () => {
    let received: unknown;
    const handlers = {
      'members.add': (input: unknown) => {
        received = input;
        return input;
      },
    } as unknown as Handlers;
    const { dispatch } = createDispatch(handlers, () => undefined);
    expectOk(dispatch('members.add', { name: '  Äijä  ', role: ' ', email: ' a@b.fi ', extra: 'dropped' }));
    expect(received).toEqual({ name: 'Äijä', role: '', email: 'a@b.fi' });
  });

  it('answers asynchronous calls only through call(), and refuses them in dispatch() without running them', async () => {
    let ran = 0;
    const handlers = {
      'summary.export': async () => {
        ran += 1;
        return { delivery: 'cancelled' };
      },
      'settings.get': () => ({ language: null }),
    } as unknown as Handlers;
    const { dispatch, call } = createDispatch(handlers, () => undefined);
    expect(expectFail(dispatch('summary.export', { format: 'pdf' }), 'internal').message).toMatch(/asynchronous/);
    expect(ran).toBe(0);
    expect(expectOk(await call('summary.export', { format: 'pdf' }))).toEqual({ delivery: 'cancelled' });
    expect(expectOk(await call('settings.get', undefined))).toEqual({ language: null }); // sync handlers too
    expectFail(await call('summary.export', { format: 'odt' }), 'invalid_input');
    expect(ran).toBe(1);
  });
});

describe('invalid input', () => {
  const rejected = (mutate: (input: ReturnType<typeof validSetup>) => void) => {
    const input = validSetup();
    mutate(input);
    return input;
  };

  it.each([
    ['missing programme name', (i: ReturnType<typeof validSetup>) => Reflect.deleteProperty(i.programme, 'name'), 'programme.name', 'required'],
    ['blank programme name', (i: ReturnType<typeof validSetup>) => void (i.programme.name = '   '), 'programme.name', 'required'],
    ['too long programme name', (i: ReturnType<typeof validSetup>) => void (i.programme.name = 'ä'.repeat(201)), 'programme.name', 'tooLong'],
    ['too long facilitator', (i: ReturnType<typeof validSetup>) => void (i.programme.facilitatorName = 'ö'.repeat(121)), 'programme.facilitatorName', 'tooLong'],
    ['bad member email', (i: ReturnType<typeof validSetup>) => void (i.members[0]!.email = 'päivi@'), 'members.0.email', 'invalidEmail'],
    ['blank second member name', (i: ReturnType<typeof validSetup>) => void (i.members[1]!.name = ''), 'members.1.name', 'required'],
    ['end before start', (i: ReturnType<typeof validSetup>) => void (i.programme.endDate = '2025-01-12'), 'programme.endDate', 'endBeforeStart'],
    ['impossible date', (i: ReturnType<typeof validSetup>) => void (i.programme.startDate = '2025-02-30'), 'programme.startDate', 'invalidDate'],
    ['empty date', (i: ReturnType<typeof validSetup>) => void (i.programme.endDate = ''), 'programme.endDate', 'required'],
  ])('%s → %s / %s', (_label, mutate, path, message) => {
    const backend = backendIn();
    const before = dumpDatabase(backend.databasePath);

    const error = expectFail(backend.dispatch('programme.setup', rejected(mutate)), 'invalid_input');

    expect(error.issues).toContainEqual({ path, message });
    expect(error.message).toContain(`${path}: ${message}`);
    expect(call(backend, 'programme.get', undefined)).toBeNull();
    expect(call(backend, 'members.list', undefined)).toEqual([]);
    expect(dumpDatabase(backend.databasePath)).toEqual(before);
  });

  it('reports every issue at once, with its own path', () => {
    const backend = backendIn();
    const input = validSetup();
    input.programme.name = '';
    input.members[2]!.email = 'ei-sähköposti';
    const error = expectFail(backend.dispatch('programme.setup', input), 'invalid_input');
    expect(error.issues).toEqual(
      expect.arrayContaining([
        { path: 'programme.name', message: 'required' },
        { path: 'members.2.email', message: 'invalidEmail' },
      ]),
    );
  });

  it('rejects more than 20 members with tooManyMembers and saves nothing', () => {
    const backend = backendIn();
    const input = validSetup();
    input.members = Array.from({ length: 21 }, (_, n) => ({ name: `Jäsen ${n + 1}`, role: '', email: '' }));

    const error = expectFail(backend.dispatch('programme.setup', input), 'invalid_input');

    expect(error.issues).toEqual([{ path: 'members', message: 'tooManyMembers' }]);
    expect(storeState(backend)).toEqual({ programme: null, members: [], settings: { language: null } });
  });

  it('rejects an invalid programme.update and keeps the saved programme', () => {
    const backend = backendIn();
    call(backend, 'programme.setup', validSetup());
    const before = storeState(backend);

    const error = expectFail(
      backend.dispatch('programme.update', { ...VALID_SETUP.programme, startDate: '2025-07-01' }),
      'invalid_input',
    );

    expect(error.issues).toEqual([{ path: 'endDate', message: 'endBeforeStart' }]);
    expect(storeState(backend)).toEqual(before);
  });
});

describe('programme.setup', () => {
  it('creates the programme and its members together', () => {
    const backend = backendIn();

    const programme = call(backend, 'programme.setup', validSetup());

    expect(programme).toMatchObject(VALID_SETUP.programme);
    expect(programme.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(call(backend, 'programme.get', undefined)).toEqual(programme);
    const members = call(backend, 'members.list', undefined);
    expect(members.map(({ name, role, email, leftOn }) => ({ name, role, email, leftOn }))).toEqual(
      VALID_SETUP.members.map((member) => ({ ...member, leftOn: null })),
    );
  });

  it('accepts a set-up with no members', () => {
    const backend = backendIn();
    call(backend, 'programme.setup', { ...validSetup(), members: [] });
    expect(call(backend, 'members.list', undefined)).toEqual([]);
    expect(call(backend, 'programme.get', undefined)).not.toBeNull();
  });

  it('saves nothing when one member insert fails in SQLite (one transaction)', () => {
    const backend = backendIn();
    // A trigger makes SQLite itself fail on the last member, after the programme and the
    // first members were already inserted inside the transaction.
    const raw = openStoreFile(backend.databasePath);
    raw.exec(`CREATE TRIGGER fail_on_member BEFORE INSERT ON member WHEN NEW.name = 'Viimeinen'
      BEGIN SELECT RAISE(ABORT, 'simulated disk failure'); END`);
    raw.close();
    const input = validSetup();
    input.members.push({ name: 'Viimeinen', role: '', email: '' });
    const before = dumpDatabase(backend.databasePath);

    expectFail(backend.dispatch('programme.setup', input), 'internal');

    expect(backend.logged).toHaveLength(1);
    expect(String(backend.logged[0])).toMatch(/simulated disk failure/);
    expect(storeState(backend)).toEqual({ programme: null, members: [], settings: { language: null } });
    expect(dumpDatabase(backend.databasePath)).toEqual(before);
  });

  it('answers already_set_up the second time and changes nothing', () => {
    const backend = backendIn();
    call(backend, 'programme.setup', validSetup());
    const before = dumpDatabase(backend.databasePath);

    const second = validSetup();
    second.programme.name = 'Toinen ryhmä';
    second.members = [{ name: 'Uusi Jäsen', role: '', email: '' }];
    expectFail(backend.dispatch('programme.setup', second), 'already_set_up');

    expect(dumpDatabase(backend.databasePath)).toEqual(before);
    expect(call(backend, 'programme.get', undefined)?.name).toBe(VALID_SETUP.programme.name);
  });
});

it('refuses a NUL character in a name with a field message, not a database error', () => {
  const backend = backendIn();
  const input = validSetup();
  input.members.push({ name: '\u0000Piilossa', role: '', email: '' });
  const result = backend.dispatch('programme.setup', input);
  expectFail(result, 'invalid_input');
  expect(!result.ok && result.error.issues).toEqual([{ path: `members.${input.members.length - 1}.name`, message: 'unsupportedCharacter' }]);
  expect(backend.logged).toHaveLength(0);
});

describe('programme.update', () => {
  it('answers not_set_up before the set-up and creates nothing', () => {
    const backend = backendIn();
    expectFail(backend.dispatch('programme.update', VALID_SETUP.programme), 'not_set_up');
    expect(call(backend, 'programme.get', undefined)).toBeNull();
  });

  it('changes the fields and keeps createdAt', () => {
    const backend = backendIn();
    const created = call(backend, 'programme.setup', validSetup());
    const fields = {
      name: '  Syysryhmä Jyväskylä ',
      organisation: '',
      facilitatorName: 'Åsa Öberg',
      startDate: '2025-08-01',
      endDate: '2025-12-19',
    };

    const updated = call(backend, 'programme.update', fields);

    expect(updated).toMatchObject({ ...fields, name: 'Syysryhmä Jyväskylä' });
    expect(updated.createdAt).toBe(created.createdAt);
    expect(updated.updatedAt >= created.updatedAt).toBe(true);
    expect(call(backend, 'programme.get', undefined)).toEqual(updated);
    expect(call(backend, 'members.list', undefined)).toHaveLength(VALID_SETUP.members.length);
  });
});

describe('app.info', () => {
  it('reports the schema version, paths and mode', () => {
    const dataDir = makeTempDir();
    const backend = backendIn(dataDir);
    const info = call(backend, 'app.info', undefined);
    expect(info).toEqual({
      name: 'Vertaistuki',
      version: '0.0.0-test',
      mode: 'desktop',
      dataDir,
      databasePath: join(dataDir, DATABASE_FILE),
      systemLocales: ['fi-FI', 'en-GB'],
      schemaVersion: LATEST,
      storeProblem: null,
      storage: { state: 'open', reason: null, protection: 'keyFile', appLock: { on: false, idleMinutes: null, canTurnOff: true } },
    });
    expect(existsSync(info.databasePath)).toBe(true);
    expect(backend.info()).toEqual(info);
  });
});

describe('a store file that is not a database', () => {
  function brokenStore() {
    const dataDir = makeTempDir();
    const path = join(dataDir, DATABASE_FILE);
    writeFileSync(path, randomBytes(12 * 1024));
    return { dataDir, path, bytes: readFileSync(path) };
  }

  it('makes app.info report the problem and every other call store_unavailable, leaving the file as it was', () => {
    const { dataDir, path, bytes } = brokenStore();
    const backend = backendIn(dataDir);

    const info = call(backend, 'app.info', undefined);
    expect(info.storeProblem).toMatchObject({ kind: 'notADatabase', path });
    expect(info.schemaVersion).toBe(0);
    expect(info.databasePath).toBe(path);
    expect(backend.logged).toHaveLength(1);

    for (const name of CALL_NAMES.filter((n) => n !== 'app.info')) {
      const error = expectFail(backend.dispatch(name, undefined), 'store_unavailable');
      expect(error.message).toContain(path);
    }

    backend.close();
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(existsSync(`${path}-wal`) || existsSync(`${path}-shm`) || existsSync(`${path}-journal`)).toBe(false);
  });

  it('answers store_unavailable even to bad input: the store is the problem to report', () => {
    const { dataDir } = brokenStore();
    const backend = backendIn(dataDir);
    expectFail(backend.dispatch('members.add', { name: '' }), 'store_unavailable');
  });
});

describe('persistence', () => {
  it('keeps everything across close and a new backend on the same dataDir', () => {
    const dataDir = makeTempDir();
    const first = createTestBackend(dataDir);
    call(first, 'programme.setup', validSetup());
    const added = call(first, 'members.add', { name: 'Ämmälä 🧡', role: 'Tuutori', email: '' });
    call(first, 'members.setLeft', { id: added.id, leftOn: '2025-03-31' });
    call(first, 'settings.update', { language: 'fi' });
    const before = storeState(first);
    first.close();
    expect(existsSync(join(dataDir, `${DATABASE_FILE}-wal`))).toBe(false);

    const second = backendIn(dataDir);

    expect(storeState(second)).toEqual(before);
    expect((before.programme as Programme).name).toBe(VALID_SETUP.programme.name);
    expect((before.members as Member[]).at(-1)).toMatchObject({ name: 'Ämmälä 🧡', leftOn: '2025-03-31' });
  });

  it('refuses every call after close with store_unavailable instead of reopening', () => {
    const dataDir = makeTempDir();
    const backend = createTestBackend(dataDir);
    backend.close();
    expectFail(backend.dispatch('members.list', undefined), 'store_unavailable');
    backend.close();
  });

  it('creates a missing data folder', () => {
    const parent = makeTempDir();
    const dataDir = join(parent, 'nested', 'Vertaistuki äö');
    const backend = backendIn(dataDir);
    expect(call(backend, 'app.info', undefined).storeProblem).toBeNull();
    expect(existsSync(join(dataDir, DATABASE_FILE))).toBe(true);
  });

  it('opens a store written by another connection in WAL mode', () => {
    const dataDir = makeTempDir();
    mkdirSync(dataDir, { recursive: true });
    const backend = backendIn(dataDir);
    const other = openStoreFile(backend.databasePath, { fileMustExist: true });
    try {
      // The mode is kept in the file: a connection that sets none sees the one the app chose.
      expect(other.pragma('journal_mode', { simple: true })).toBe('wal');
      other.prepare(`INSERT INTO setting (key, value) VALUES ('language', 'en')`).run();
    } finally {
      other.close();
    }
    expect(call(backend, 'settings.get', undefined)).toEqual({ language: 'en' });
  });
});
