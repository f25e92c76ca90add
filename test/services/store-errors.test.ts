import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resources } from '../../renderer/src/app/i18n';
import { call, createTestBackend, dumpDatabase, expectFail, makeTempDir, removeTempDirs, validSetup } from './helpers';
import { holdWriteLock, openStoreDispatch } from './store';

/**
 * Issue 15, point 6: what the store itself says reaches the user as a sentence. Another program
 * holding the data file is waited for, then reported as busy; a full disk is reported as such.
 */
const cleanups: (() => void)[] = [];
afterEach(() => {
  // Every clean-up runs even if one fails (closing on a full disk may), so a tmpfs is never left mounted.
  const errors: unknown[] = [];
  for (const cleanup of cleanups.splice(0).reverse()) {
    try {
      cleanup();
    } catch (error) {
      errors.push(error);
    }
  }
  removeTempDirs();
  if (errors.length > 0) throw errors[0];
});

const plannedMeeting = (dispatch: (name: string, input: unknown) => unknown) => {
  dispatch('programme.setup', validSetup());
  const added = dispatch('plan.add', { plannedDate: '2025-02-03', plannedMonth: null, plannedTheme: '', place: '', format: null }) as { ok: true; value: { id: number } };
  return added.value.id;
};

describe('another program holding the data file in a write transaction', () => {
  it('is waited for: a save made meanwhile goes through once the other program commits', async () => {
    const backend = createTestBackend(makeTempDir());
    cleanups.push(() => backend.close());
    call(backend, 'programme.setup', validSetup());
    const { released } = await holdWriteLock(backend.databasePath, 1500);
    // Blocks in SQLite's busy handler until the other process commits (a deferred transaction failed here at once).
    const added = call(backend, 'members.add', { name: 'Aino Väänänen', role: '', email: '' });
    await released;
    const names = call(backend, 'members.list', undefined).map((m) => m.name);
    expect(names.slice(-2)).toEqual(['Toinen ohjelma', 'Aino Väänänen']);
    expect(added.name).toBe('Aino Väänänen');
  });

  it('is reported as busy when it does not let go, and nothing is changed', async () => {
    const store = openStoreDispatch(makeTempDir());
    cleanups.push(store.close);
    store.dispatch('programme.setup', validSetup());
    store.db.pragma('busy_timeout = 200'); // the app waits 5 s; the same seam, sooner
    const { child, released } = await holdWriteLock(store.path, 60_000);
    cleanups.push(() => child.kill());
    const before = dumpDatabase(store.path);
    const error = expectFail(store.dispatch('members.add', { name: 'Aino Väänänen', role: '', email: '' }), 'busy');
    expect(error.message).toMatch(/another program/i);
    expect(dumpDatabase(store.path)).toEqual(before);
    child.kill();
    await released;
  });
});

describe('a full disk', () => {
  it("answers disk_full (SQLite's size limit on the connection: SQLITE_FULL at the same seam), keeping the stored text", () => {
    const store = openStoreDispatch(makeTempDir());
    cleanups.push(store.close);
    const id = plannedMeeting(store.dispatch);
    store.dispatch('meetings.saveNotes', { id, notes: 'Tallennettu alku.' });
    const pages = store.db.pragma('page_count', { simple: true }) as number;
    store.db.pragma(`max_page_count = ${pages + 2}`);
    const error = expectFail(store.dispatch('meetings.saveNotes', { id, notes: 'Tallennettu alku. '.repeat(20_000) }), 'disk_full');
    expect(error.message).toMatch(/disk is full/i);
    expect((store.dispatch('meetings.get', { id }) as { ok: true; value: { notes: string } }).value.notes).toBe('Tallennettu alku.');
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('says so in both languages, and a failed autosave adds that the text is kept', () => {
    const failed = (language: 'fi' | 'en') => {
      const texts = resources[language].translation as { save: { failed: string }; errors: Record<string, string> };
      return texts.save.failed.replace('{{message}}', texts.errors.disk_full!);
    };
    expect(failed('fi')).toMatch(/Levy on täynnä.*Vapauta levytilaa.*Kirjoittamasi teksti on tallella/);
    expect(failed('en')).toMatch(/disk is full.*Free some space.*Your text is still here/);
  });

  /** A real full file system, where root may mount a small tmpfs (CI runs as root); skipped elsewhere. */
  it('on a real full file system, too', (context) => {
    const dir = mkdtempSync(join(tmpdir(), 'vertaistuki-full-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir], { stdio: 'ignore' });
    } catch {
      context.skip('mounting a small tmpfs needs root');
    }
    // Lazily if the file is still open (a failed close leaves it so): the mount must not outlive the test.
    cleanups.push(() => execFileSync('umount', ['--lazy', dir]));
    const backend = createTestBackend(dir);
    cleanups.push(() => backend.close());
    const id = plannedMeeting(backend.dispatch);
    call(backend, 'meetings.saveNotes', { id, notes: 'Tallennettu alku.' });
    const filler = join(dir, 'filler');
    cleanups.push(() => rmSync(filler, { force: true })); // before closing: closing checkpoints, which needs room
    const fd = openSync(filler, 'w');
    try {
      for (;;) writeSync(fd, Buffer.alloc(16 * 1024));
    } catch {
      // ENOSPC: the disk is now full.
    } finally {
      closeSync(fd);
    }
    expectFail(backend.dispatch('meetings.saveNotes', { id, notes: 'Tallennettu alku. '.repeat(20_000) }), 'disk_full');
    expect(call(backend, 'meetings.get', { id }).notes).toBe('Tallennettu alku.');
    rmSync(filler);
    call(backend, 'meetings.saveNotes', { id, notes: 'Tallennettu alku. Ja loput.' });
    expect(call(backend, 'meetings.get', { id }).notes).toBe('Tallennettu alku. Ja loput.');
  });
});
