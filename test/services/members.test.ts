import { afterEach, describe, expect, it } from 'vitest';
import { MAX_MEMBERS, type Member } from '@shared/domain';
import {
  call,
  createTestBackend,
  dumpDatabase,
  expectFail,
  makeTempDir,
  removeTempDirs,
  validSetup,
  type TestBackend,
  openStoreFile,
} from './helpers';

const backends: TestBackend[] = [];
function newBackend(dataDir = makeTempDir()): TestBackend {
  const backend = createTestBackend(dataDir);
  backends.push(backend);
  return backend;
}

afterEach(() => {
  for (const backend of backends.splice(0)) backend.close();
  removeTempDirs();
});

const add = (backend: TestBackend, name: string, role = '', email = ''): Member =>
  call(backend, 'members.add', { name, role, email });

const names = (backend: TestBackend) => call(backend, 'members.list', undefined).map((m) => m.name);

describe('members.add and members.list', () => {
  it('adds members and lists them in the order they were added', () => {
    const backend = newBackend();
    const first = add(backend, 'Aino Äkräs', 'Vertaisohjaaja', 'aino@example.fi');
    const second = add(backend, 'Öllerö Björk');
    const third = add(backend, 'Aapo');

    expect(first).toMatchObject({ name: 'Aino Äkräs', role: 'Vertaisohjaaja', email: 'aino@example.fi', leftOn: null });
    expect(first.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(second.id).toBeGreaterThan(first.id);
    expect(third.id).toBeGreaterThan(second.id);
    // By id (insertion order), not alphabetically.
    expect(names(backend)).toEqual(['Aino Äkräs', 'Öllerö Björk', 'Aapo']);
    expect(call(backend, 'members.list', undefined)).toEqual([first, second, third]);
  });

  it('trims whitespace from name, role and email', () => {
    const backend = newBackend();
    const member = add(backend, '  \tMatti Meikäläinen \n', '  Jäsen  ', '  matti@example.fi ');
    expect(member).toMatchObject({ name: 'Matti Meikäläinen', role: 'Jäsen', email: 'matti@example.fi' });
    const stored = dumpDatabase(backend.databasePath).rows.member as { name: string; role: string; email: string }[];
    expect(stored[0]).toMatchObject({ name: 'Matti Meikäläinen', role: 'Jäsen', email: 'matti@example.fi' });
  });

  it('stores emoji, combining marks and Finnish letters exactly', () => {
    const dataDir = makeTempDir();
    const backend = createTestBackend(dataDir);
    const exotic = [
      'Äänisen Öljy-Åke',
      'Zoë 🧑🏽‍🤝‍🧑🏻 Häkkinen',
      'Ville 🌲🦌',
      'Pa\u0308ivi', // "a" + combining diaeresis, not the precomposed "ä"
      '山田 花子',
    ];
    for (const name of exotic) add(backend, name, '👩‍🏫 ohjaaja', '');
    backend.close();

    const reopened = newBackend(dataDir);
    const members = call(reopened, 'members.list', undefined);
    expect(members.map((m) => m.name)).toEqual(exotic);
    expect(members.every((m) => m.role === '👩‍🏫 ohjaaja')).toBe(true);
    expect(members[3]?.name).not.toBe('Päivi');
  });

  it('refuses a blank name and saves nothing', () => {
    const backend = newBackend();
    const error = expectFail(backend.dispatch('members.add', { name: '   ', role: '', email: '' }), 'invalid_input');
    expect(error.issues).toEqual([{ path: 'name', message: 'required' }]);
    expect(names(backend)).toEqual([]);
  });

  it(`refuses member number ${MAX_MEMBERS + 1} with conflict`, () => {
    const backend = newBackend();
    for (let n = 1; n <= MAX_MEMBERS; n += 1) add(backend, `Jäsen ${n}`);

    expectFail(backend.dispatch('members.add', { name: 'Liikaa', role: '', email: '' }), 'conflict');

    expect(names(backend)).toHaveLength(MAX_MEMBERS);
    expect(names(backend)).not.toContain('Liikaa');
  });

  it('counts members who left towards the limit', () => {
    const backend = newBackend();
    for (let n = 1; n <= MAX_MEMBERS; n += 1) {
      const member = add(backend, `Jäsen ${n}`);
      call(backend, 'members.setLeft', { id: member.id, leftOn: '2025-02-01' });
    }
    expectFail(backend.dispatch('members.add', { name: 'Uusi', role: '', email: '' }), 'conflict');
  });
});

describe('members.update', () => {
  it('changes name, role and email and keeps id, createdAt and order', () => {
    const backend = newBackend();
    const first = add(backend, 'Eka');
    const second = add(backend, 'Toka', 'Jäsen', 'toka@example.fi');

    const updated = call(backend, 'members.update', {
      id: first.id,
      name: ' Ensimmäinen ',
      role: 'Tukihenkilö',
      email: 'eka@example.fi',
    });

    expect(updated).toEqual({ ...first, name: 'Ensimmäinen', role: 'Tukihenkilö', email: 'eka@example.fi' });
    expect(call(backend, 'members.list', undefined)).toEqual([updated, second]);
  });

  it('answers not_found for an unknown id and changes nothing', () => {
    const backend = newBackend();
    add(backend, 'Ainoa');
    const before = call(backend, 'members.list', undefined);
    expectFail(backend.dispatch('members.update', { id: 999, name: 'Kuka', role: '', email: '' }), 'not_found');
    expect(call(backend, 'members.list', undefined)).toEqual(before);
  });

  it('refuses an invalid email with the field path and keeps the old one', () => {
    const backend = newBackend();
    const member = add(backend, 'Maija', '', 'maija@example.fi');
    const error = expectFail(
      backend.dispatch('members.update', { id: member.id, name: 'Maija', role: '', email: 'maija at example' }),
      'invalid_input',
    );
    expect(error.issues).toEqual([{ path: 'email', message: 'invalidEmail' }]);
    expect(call(backend, 'members.list', undefined)).toEqual([member]);
  });

  it.each([0, -1, 1.5, '1'])('refuses the id %j with invalidId', (id) => {
    const backend = newBackend();
    const error = expectFail(backend.dispatch('members.update', { id, name: 'X', role: '', email: '' }), 'invalid_input');
    expect(error.issues).toEqual([{ path: 'id', message: 'invalidId' }]);
  });
});

describe('members.setLeft', () => {
  it('sets a leaving date and clears it again', () => {
    const backend = newBackend();
    const member = add(backend, 'Lähtijä');
    const other = add(backend, 'Jääjä');

    const left = call(backend, 'members.setLeft', { id: member.id, leftOn: '2025-04-30' });
    expect(left).toEqual({ ...member, leftOn: '2025-04-30' });
    expect(call(backend, 'members.list', undefined)).toEqual([left, other]);

    const back = call(backend, 'members.setLeft', { id: member.id, leftOn: null });
    expect(back).toEqual(member);
    expect(call(backend, 'members.list', undefined)).toEqual([member, other]);
  });

  it('refuses an invalid date and keeps the old value', () => {
    const backend = newBackend();
    const member = add(backend, 'Pekka');
    call(backend, 'members.setLeft', { id: member.id, leftOn: '2025-04-30' });
    const error = expectFail(backend.dispatch('members.setLeft', { id: member.id, leftOn: '31.4.2025' }), 'invalid_input');
    expect(error.issues).toEqual([{ path: 'leftOn', message: 'invalidDate' }]);
    expect(call(backend, 'members.list', undefined)[0]?.leftOn).toBe('2025-04-30');
  });

  it('answers not_found for an unknown id', () => {
    const backend = newBackend();
    expectFail(backend.dispatch('members.setLeft', { id: 42, leftOn: '2025-04-30' }), 'not_found');
    expect(call(backend, 'members.list', undefined)).toEqual([]);
  });
});

describe('members.remove', () => {
  it('removes a member with no history', () => {
    const backend = newBackend();
    const keep = add(backend, 'Pysyjä');
    const mistake = add(backend, 'Vahingossa lisätty');

    expect(call(backend, 'members.remove', { id: mistake.id })).toEqual({ id: mistake.id });

    expect(call(backend, 'members.list', undefined)).toEqual([keep]);
    expectFail(backend.dispatch('members.remove', { id: mistake.id }), 'not_found');
  });

  it('refuses with conflict when something refers to the member, and keeps them', () => {
    const backend = newBackend();
    call(backend, 'programme.setup', validSetup());
    const [withHistory, withoutHistory] = call(backend, 'members.list', undefined);
    if (!withHistory || !withoutHistory) throw new Error('set-up should have made members');

    // A later feature's table, on the same file, that points at member with a foreign key.
    const other = openStoreFile(backend.databasePath, { fileMustExist: true });
    try {
      other.pragma('foreign_keys = ON');
      other.exec('CREATE TABLE attendance_probe (member_id INTEGER NOT NULL REFERENCES member(id))');
      other.prepare('INSERT INTO attendance_probe (member_id) VALUES (?)').run(withHistory.id);
    } finally {
      other.close();
    }
    const before = dumpDatabase(backend.databasePath);

    const error = expectFail(backend.dispatch('members.remove', { id: withHistory.id }), 'conflict');

    expect(error.message).toMatch(/left/);
    expect(backend.logged).toEqual([]);
    expect(dumpDatabase(backend.databasePath)).toEqual(before);
    expect(call(backend, 'members.list', undefined).map((m) => m.id)).toContain(withHistory.id);

    // The history only blocks that member; the others can still be removed.
    expect(call(backend, 'members.remove', { id: withoutHistory.id })).toEqual({ id: withoutHistory.id });
    expect(call(backend, 'members.list', undefined).map((m) => m.id)).not.toContain(withoutHistory.id);
  });

  it('answers not_found for an unknown id', () => {
    const backend = newBackend();
    add(backend, 'Joku');
    expectFail(backend.dispatch('members.remove', { id: 12345 }), 'not_found');
    expect(names(backend)).toEqual(['Joku']);
  });

  it('refuses a missing id with invalid_input', () => {
    const backend = newBackend();
    const error = expectFail(backend.dispatch('members.remove', {}), 'invalid_input');
    expect(error.issues).toEqual([{ path: 'id', message: 'invalidId' }]);
  });
});
