import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openFile } from '../../../electron/main/services/db/driver';
import { BACKUPS_DIR } from '../../../electron/main/services/storage/backups';
import { sealExport } from '../../../electron/main/services/storage/export-file';
import { createTestBackend, dumpDatabase, expectFail, expectOk, makeTempDir, removeTempDirs, validSetup, type TestBackend } from '../helpers';
import { backendCaller, buildLeakFixture, mustAsync } from '../summary-fixture';
import { FAST_SCRYPT } from './storage-helpers';

const backends: TestBackend[] = [];
const start = (dataDir = makeTempDir()) => {
  const backend = createTestBackend(dataDir, { exportScrypt: FAST_SCRYPT });
  backends.push(backend);
  return backend;
};

afterEach(() => {
  for (const backend of backends.splice(0)) backend.close();
  removeTempDirs();
});

const PASSPHRASE = 'uusi kone, sama ryhmä';

async function exported() {
  const source = start();
  await buildLeakFixture(backendCaller(source), 2);
  const file = await mustAsync<{ base64: string; fileName: string }>(source, 'storage.exportAll', { passphrase: PASSPHRASE });
  return { source, file: Buffer.from(file.base64, 'base64'), fileName: file.fileName };
}

/** Rows only: the schema and version must match too, but ids and text are what a move must keep. */
const contentOf = (backend: TestBackend) => dumpDatabase(backend.databasePath);

describe('export everything and restore from file', () => {
  it('moves every row to an empty installation (full logical dump equal)', async () => {
    const { source, file, fileName } = await exported();
    expect(fileName).toMatch(/^vertaistuki-\d{4}-\d{2}-\d{2}\.vertaistuki$/);
    const target = start();

    const result = await mustAsync<{ programmeName: string }>(target, 'storage.importFile', { base64: file.toString('base64'), passphrase: PASSPHRASE, replace: false });

    expect(result.programmeName).toBe('Esihenkilöiden vertaismentorointi');
    expect(contentOf(target)).toEqual(contentOf(source));
  });

  it('asks before replacing a group, and backs the group up first', async () => {
    const { source, file } = await exported();
    const dataDir = makeTempDir();
    const target = start(dataDir);
    expectOk(target.dispatch('programme.setup', validSetup()));
    const before = contentOf(target);

    const asked = expectFail(await target.call('storage.importFile', { base64: file.toString('base64'), passphrase: PASSPHRASE, replace: false }), 'conflict');
    expect(asked.message).toContain('replaced');
    expect(contentOf(target)).toEqual(before);

    const result = await mustAsync<{ safetyBackup: string }>(target, 'storage.importFile', { base64: file.toString('base64'), passphrase: PASSPHRASE, replace: true });
    expect(contentOf(target)).toEqual(contentOf(source));
    expect(result.safetyBackup).toMatch(/-beforeImport\.sqlite$/);
    expect(readdirSync(join(dataDir, BACKUPS_DIR))).toContain(result.safetyBackup);
  });

  const refusals: [string, (file: Buffer) => Buffer, string, string][] = [
    ['a wrong passphrase', (file) => file, 'passphrase', 'wrongPassphrase'],
    ['a truncated file', (file) => file.subarray(0, file.length - 100), 'file', 'exportDamaged'],
    ['a file cut inside its header', (file) => file.subarray(0, 30), 'file', 'exportDamaged'],
    ['one changed byte in the contents', (file) => flip(file, file.length - 200), 'file', 'exportDamaged'],
    ['one changed byte in the header', (file) => flip(file, file.indexOf('"createdAt"') + 16), 'file', 'exportDamaged'],
    ['a file that is not an export', () => Buffer.from('PK\u0003\u0004 not ours'), 'file', 'exportNotOurs'],
  ];

  for (const [what, damage, path, message] of refusals) {
    it(`refuses ${what} with a clear message and changes nothing`, async () => {
      const { file } = await exported();
      const dataDir = makeTempDir();
      const target = start(dataDir);
      expectOk(target.dispatch('programme.setup', validSetup()));
      const before = contentOf(target);
      const backupsBefore = readdirSync(join(dataDir, BACKUPS_DIR));

      const error = expectFail(
        await target.call('storage.importFile', { base64: damage(file).toString('base64'), passphrase: what === 'a wrong passphrase' ? 'arvattu lause' : PASSPHRASE, replace: true }),
        'invalid_input',
      );

      expect(error.issues).toEqual([{ path, message }]);
      expect(contentOf(target)).toEqual(before);
      expect(readdirSync(join(dataDir, BACKUPS_DIR))).toEqual(backupsBefore);
    });
  }

  it('refuses a file from a newer version of the app', async () => {
    const target = start();
    const newer = await sealExport(Buffer.from('SQLite format 3\0'), PASSPHRASE, { appVersion: '9.0.0', schemaVersion: 999 }, FAST_SCRYPT);
    const error = expectFail(await target.call('storage.importFile', { base64: newer.toString('base64'), passphrase: PASSPHRASE, replace: true }), 'invalid_input');
    expect(error.issues).toEqual([{ path: 'file', message: 'exportNewer' }]);
  });

  it('refuses an export whose database is from a newer schema even if its header says otherwise', async () => {
    const db = openFile(join(makeTempDir(), 'newer.sqlite'), null);
    db.exec('CREATE TABLE programme (id INTEGER PRIMARY KEY, name TEXT)');
    db.pragma('user_version = 999');
    const sealed = await sealExport(db.serialize(), PASSPHRASE, { appVersion: '0.1.0', schemaVersion: 1 }, FAST_SCRYPT);
    db.close();
    const target = start();
    const error = expectFail(await target.call('storage.importFile', { base64: sealed.toString('base64'), passphrase: PASSPHRASE, replace: true }), 'invalid_input');
    expect(error.issues).toEqual([{ path: 'file', message: 'backupNewer' }]);
  });

  it('refuses a short passphrase for a new export', async () => {
    const backend = start();
    const error = expectFail(await backend.call('storage.exportAll', { passphrase: 'lyhyt' }), 'invalid_input');
    expect(error.issues).toEqual([{ path: 'passphrase', message: 'passphraseTooShort' }]);
  });
});

function flip(file: Buffer, at: number): Buffer {
  const copy = Buffer.from(file);
  copy[at] = (copy[at] ?? 0) ^ 0x01;
  return copy;
}
