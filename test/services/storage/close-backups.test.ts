import { linkSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKUPS_DIR } from '../../../electron/main/services/storage/backups';
import { distinctiveWord, scanFolder } from '../forensic';
import { call, callAsync, createTestBackend, expectFail, makeTempDir, removeTempDirs, testKeyFor, validSetup, type TestBackend } from '../helpers';

/**
 * After closing, the backups made before it are the only files that still hold what closing
 * deleted (encrypted). The facilitator can shred them deliberately: each is overwritten, then
 * removed; backups made after closing stay. Before closing, with bad input, or while a
 * pass-the-device round is locked, the call changes nothing.
 */
const backends: TestBackend[] = [];

afterEach(() => {
  for (const backend of backends.splice(0)) backend.close();
  removeTempDirs();
});

const backupFiles = (dataDir: string) => readdirSync(join(dataDir, BACKUPS_DIR)).sort();

/** A programme whose notes hold a distinctive word, with a manual backup taken while they did. */
function programmeWithNotes() {
  const dataDir = makeTempDir();
  const backend = createTestBackend(dataDir);
  backends.push(backend);
  call(backend, 'programme.setup', validSetup());
  const meeting = call(backend, 'plan.add', { plannedTheme: 'Aloitus', plannedDate: '2025-02-03', plannedMonth: null, place: '', format: null });
  const word = distinctiveWord();
  call(backend, 'meetings.saveNotes', { id: meeting.id, notes: `Muistiinpano ${word}` });
  call(backend, 'storage.backupNow', undefined);
  return { dataDir, backend, word, meeting };
}

async function close(backend: TestBackend) {
  await callAsync(backend, 'summary.export', { format: 'pdf' });
  await callAsync(backend, 'summary.archive', { confirm: 'DELETE' });
}

describe('shredding the backups made before closing', () => {
  it('overwrites and removes every backup made before closing, and keeps those made after', async () => {
    const { dataDir, backend, word } = programmeWithNotes();
    await close(backend);
    const after = call(backend, 'storage.backupNow', undefined);
    const key = testKeyFor(dataDir);

    // The premise: the words are in the backups made before closing (decrypted), and only there.
    const holding = [...new Set(scanFolder(dataDir, [word], key).map((hit) => hit.file.slice(dataDir.length + 1)))];
    expect(holding.map((name) => name.replace(/\d{8}T\d{9}Z/, '*')).sort()).toEqual([
      `${BACKUPS_DIR}/vertaistuki-*-beforeClose.sqlite`,
      `${BACKUPS_DIR}/vertaistuki-*-manual.sqlite`,
    ]);
    const before = call(backend, 'storage.backups', undefined).filter((backup) => backup.id !== after.id);
    expect(before.map((backup) => backup.reason).sort()).toEqual(['beforeClose', 'manual']);

    // A second name for each file's contents, outside the data folder: it shows what removal left on disk.
    const witnesses = makeTempDir();
    for (const name of holding) linkSync(join(dataDir, name), join(witnesses, name.replace(`${BACKUPS_DIR}/`, '')));

    const result = call(backend, 'storage.shredPreCloseBackups', undefined);

    expect(result.removed).toBe(2);
    expect(result.backups.map((backup) => backup.id)).toEqual([after.id]);
    expect(backupFiles(dataDir)).toEqual([after.id]);
    for (const name of readdirSync(witnesses)) {
      const bytes = readFileSync(join(witnesses, name));
      expect(bytes.length, name).toBeGreaterThan(0);
      expect(bytes.every((byte) => byte === 0), `${name} was overwritten before it was removed`).toBe(true);
    }
    expect(scanFolder(dataDir, [word], key)).toEqual([]);
    // The backup made after closing still opens, and the closed programme is as it was.
    expect(result.backups[0]).toMatchObject({ usable: true, programmeName: validSetup().programme.name });
    expect(call(backend, 'programme.get', undefined)?.archivedAt).not.toBeNull();
  });

  it('is refused while the programme is open, and removes nothing', () => {
    const { dataDir, backend } = programmeWithNotes();
    const files = backupFiles(dataDir);
    expectFail(backend.dispatch('storage.shredPreCloseBackups', undefined), 'conflict');
    expect(backupFiles(dataDir)).toEqual(files);
  });

  it('refuses bad input with a clear error and removes nothing', async () => {
    const { dataDir, backend } = programmeWithNotes();
    await close(backend);
    const files = backupFiles(dataDir);
    const error = expectFail(backend.dispatch('storage.shredPreCloseBackups', { all: true }), 'invalid_input');
    expect(error.issues).toEqual([{ path: '', message: 'noInputExpected' }]);
    expect(backupFiles(dataDir)).toEqual(files);
  });
});

describe('storage calls while a pass-the-device round is locked', () => {
  it('answer round_locked, except the app lock and its status', () => {
    const { dataDir, backend, meeting } = programmeWithNotes();
    call(backend, 'feedback.start', { instrument: 'round', meetingId: meeting.id, phase: null, anonymous: true, pin: '4821' });
    const files = backupFiles(dataDir);
    for (const name of ['storage.backups', 'storage.backupNow', 'storage.shredPreCloseBackups'] as const) {
      expectFail(backend.dispatch(name, undefined), 'round_locked');
    }
    expectFail(backend.dispatch('storage.restoreBackup', { id: files[0]! }), 'round_locked');
    expect(backupFiles(dataDir)).toEqual(files);
    expect(call(backend, 'storage.status', undefined).state).toBe('open');
  });
});
