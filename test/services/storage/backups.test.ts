import { closeSync, openSync, readdirSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backup, Member } from '@shared/domain';
import { openDatabase } from '../../../electron/main/services/db/connection';
import { loadMigrations } from '../../../electron/main/services/db/migrate';
import { BACKUPS_DIR, backupDaily, toKeep } from '../../../electron/main/services/storage/backups';
import { MIGRATIONS_DIR, call, createTestBackend, dumpDatabase, expectFail, expectOk, makeTempDir, removeTempDirs, testKeyFor, validSetup, type TestBackend } from '../helpers';

const backends: TestBackend[] = [];
const start = (dataDir = makeTempDir()) => {
  const backend = createTestBackend(dataDir);
  backends.push(backend);
  return backend;
};

afterEach(() => {
  for (const backend of backends.splice(0)) backend.close();
  removeTempDirs();
});

const backupsOf = (backend: TestBackend) => call(backend, 'storage.backups', undefined);
const names = (dataDir: string) => readdirSync(join(dataDir, BACKUPS_DIR)).sort();

describe('automatic backups', () => {
  it('makes one at start at most once a day', () => {
    const dataDir = makeTempDir();
    const backend = start(dataDir);
    call(backend, 'programme.setup', validSetup());
    expect(backupsOf(backend).filter((b) => b.reason === 'daily')).toHaveLength(1);
    backend.close();
    start(dataDir).close();
    expect(names(dataDir).filter((name) => name.endsWith('-daily.sqlite'))).toHaveLength(1);
  });

  it('makes one before every migration of an existing store', () => {
    const dataDir = makeTempDir();
    const path = join(dataDir, 'vertaistuki.sqlite');
    const all = loadMigrations(MIGRATIONS_DIR);
    const older = openDatabase({ path, key: testKeyFor(dataDir), migrations: all.slice(0, all.length - 1) });
    older.prepare(`INSERT INTO member (name) VALUES ('Ennen päivitystä')`).run();
    older.close();

    const backend = start(dataDir);

    const before = backupsOf(backend).find((b) => b.reason === 'beforeMigration');
    expect(before).toMatchObject({ schemaVersion: all.length - 1, usable: true });
  });

  it('makes one before the programme is closed', async () => {
    const backend = start();
    call(backend, 'programme.setup', validSetup());
    expectOk(await backend.call('summary.export', { format: 'pdf' }));
    expectOk(await backend.call('summary.archive', { confirm: 'DELETE' }));
    const beforeClose = backupsOf(backend).find((b) => b.reason === 'beforeClose');
    expect(beforeClose).toMatchObject({ programmeName: validSetup().programme.name, usable: true });
  });

  it('lists date, size and the programme each copy holds', () => {
    const backend = start();
    call(backend, 'programme.setup', validSetup());
    const made = call(backend, 'storage.backupNow', undefined);
    expect(made).toMatchObject({ reason: 'manual', programmeName: validSetup().programme.name, usable: true });
    expect(made.size).toBeGreaterThan(4096);
    expect(Date.parse(made.createdAt)).toBeGreaterThan(Date.now() - 60_000);
  });
});

describe('retention', () => {
  const at = (iso: string, reason = 'daily') => ({ id: `${iso}-${reason}`, createdAt: new Date(iso), reason: reason as Backup['reason'] });

  it('keeps the 3 newest, the newest of each of the last 7 days and of the last 4 weeks', () => {
    const list = [];
    // Four backups a day for 60 days, newest first.
    for (let day = 0; day < 60; day += 1) {
      for (const hour of [18, 12, 9, 6]) list.push(at(new Date(Date.UTC(2026, 5, 30 - day, hour)).toISOString()));
    }
    const kept = [...toKeep(list)].map((id) => id.slice(0, 13)).sort();
    // 30 June 2026 is a Tuesday: its week, and the weeks ending 28, 21 and 14 June.
    expect(kept).toEqual([
      '2026-06-14T18',
      '2026-06-21T18',
      ...['24', '25', '26', '27', '28', '29'].map((day) => `2026-06-${day}T18`),
      '2026-06-30T09',
      '2026-06-30T12',
      '2026-06-30T18',
    ]);
  });

  it('prunes the folder as new copies are written', () => {
    const dataDir = makeTempDir();
    const backend = start(dataDir);
    const db = openDatabase({ path: backend.databasePath, key: testKeyFor(dataDir), migrations: loadMigrations(MIGRATIONS_DIR) });
    try {
      for (let day = 0; day < 40; day += 1) backupDaily(db, new Date(Date.UTC(2026, 0, 1 + day, 8)));
    } finally {
      db.close();
    }
    const kept = names(dataDir);
    expect(kept.length).toBeLessThanOrEqual(3 + 7 + 4);
    expect(kept.length).toBeGreaterThanOrEqual(7);
    expect(kept.some((name) => name.startsWith('vertaistuki-20260209'))).toBe(true);
    expect(kept.some((name) => name.startsWith('vertaistuki-20260101'))).toBe(false);
  });
});

describe('restoring a backup', () => {
  it('backs up the current state first, then puts the copy in place', () => {
    const dataDir = makeTempDir();
    const backend = start(dataDir);
    call(backend, 'programme.setup', validSetup());
    const copy = call(backend, 'storage.backupNow', undefined);
    const atBackup = dumpDatabase(backend.databasePath);
    const added = call(backend, 'members.add', { name: 'Myöhemmin lisätty', role: '', email: '' }) as Member;

    const result = call(backend, 'storage.restoreBackup', { id: copy.id });

    expect(dumpDatabase(backend.databasePath).rows).toEqual(atBackup.rows);
    expect(call(backend, 'members.list', undefined).some((m) => m.id === added.id)).toBe(false);
    expect(result.safetyBackup).toMatch(/-beforeRestore\.sqlite$/);
    // The restore can itself be undone from the safety copy.
    call(backend, 'storage.restoreBackup', { id: result.safetyBackup! });
    expect(call(backend, 'members.list', undefined).some((m) => m.name === 'Myöhemmin lisätty')).toBe(true);
  });

  it('refuses a damaged copy and changes nothing', () => {
    const dataDir = makeTempDir();
    const backend = start(dataDir);
    call(backend, 'programme.setup', validSetup());
    const copy = call(backend, 'storage.backupNow', undefined);
    const path = join(dataDir, BACKUPS_DIR, copy.id);
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(2048, 0x5a), 0, 2048, statSync(path).size - 4096);
    closeSync(fd);
    const before = dumpDatabase(backend.databasePath);
    const backupsBefore = names(dataDir);

    const error = expectFail(backend.dispatch('storage.restoreBackup', { id: copy.id }), 'invalid_input');

    expect(error.issues).toEqual([{ path: 'id', message: 'backupDamaged' }]);
    expect(dumpDatabase(backend.databasePath)).toEqual(before);
    expect(names(dataDir)).toEqual(backupsBefore);
    expect(backupsOf(backend).find((b) => b.id === copy.id)?.usable).toBe(false);
  });

  it('refuses a name outside the backups folder', () => {
    const backend = start();
    for (const id of ['../vertaistuki.sqlite', 'vertaistuki-20260101T000000000Z-daily.sqlite/../../x', 'x.sqlite']) {
      expect(expectFail(backend.dispatch('storage.restoreBackup', { id }), 'invalid_input').issues?.[0]?.message).toBe('invalidBackup');
    }
  });

  it('refuses a copy that is not there', () => {
    const backend = start();
    writeFileSync(join(makeTempDir(), 'x'), '');
    expectFail(backend.dispatch('storage.restoreBackup', { id: 'vertaistuki-20260101T000000000Z-daily.sqlite' }), 'invalid_input');
  });
});
