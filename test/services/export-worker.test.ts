import { existsSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { CALL_NAMES, contract, FILE_CALL_NAMES, isAsyncCall, isFileCall } from '@shared/contract';
import { ExportResult } from '@shared/domain';
import { startBrowserMode } from '../../electron/main/browser-mode/server';
import { buildLarge } from './export-text-fixture';
import { probeFor, refusalOf } from '../../electron/main/services/db/shareable';
import { sourceOf } from '../../electron/main/services/export/jobs';
import { readSnapshot } from '../../electron/main/services/export/snapshot';
import { fixedKey } from '../../electron/main/services/storage/keyring';
import { createTestBackend, makeTempDir, openStoreFile, removeTempDirs, testKeyFor } from './helpers';
import { backendCaller, buildLeakFixture, mustAsync } from './summary-fixture';

afterEach(removeTempDirs);

/** Calls browser mode over HTTP, as the renderer does. */
const caller = (port: number, token: string) => async (name: string, input: unknown) => {
  const response = await fetch(`http://127.0.0.1:${port}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-vertaistuki-token': token },
    body: JSON.stringify({ input }),
  });
  return (await response.json()) as { ok: boolean; value?: unknown };
};

describe('exports render off the thread that serves calls', () => {
  it('an autosave sent while a large summary PDF is being exported answers before the export does', async () => {
    const dataDir = makeTempDir();
    const setup = createTestBackend(dataDir);
    await buildLarge(setup, 250, 7); // weekly, so all 250 are in the past and held
    const meetingId = (setup.dispatch('plan.list', undefined) as { ok: true; value: { id: number }[] }).value[0]!.id;
    setup.close();

    const server = await startBrowserMode({ dataDir, appVersion: 'test', staticDir: dataDir, keys: fixedKey(testKeyFor(dataDir)) });
    try {
      const call = caller(server.port, server.token);
      const answered: string[] = [];
      const exporting = call('summary.export', { format: 'pdf' }).then((envelope) => {
        answered.push('export');
        return envelope;
      });
      const saving = call('meetings.saveNotes', { id: meetingId, notes: 'Kirjoitettu viennin aikana: äöå' }).then((envelope) => {
        answered.push('save');
        return envelope;
      });
      const [exported, saved] = await Promise.all([exporting, saving]);
      expect(saved.ok).toBe(true);
      expect(exported.ok).toBe(true);
      expect(ExportResult.parse(exported.value).delivery).toBe('download');
      expect(answered).toEqual(['save', 'export']);
      const meeting = await call('meetings.get', { id: meetingId });
      expect((meeting.value as { notes: string }).notes).toBe('Kirjoitettu viennin aikana: äöå');
    } finally {
      await server.close();
    }
  }, 120_000);

  it('the worker reads on a connection of its own that it closes: the store still closes cleanly', async () => {
    const dataDir = makeTempDir();
    const backend = createTestBackend(dataDir);
    await buildLarge(backend, 3);
    const exported = await backend.call('agreement.export', { version: null, language: 'fi', format: 'pdf' });
    expect(exported.ok).toBe(true);
    backend.close();
    // closing folds the WAL back into the file; a connection left open would keep it
    expect(existsSync(`${backend.databasePath}-wal`)).toBe(false);
    expect(backend.logged).toEqual([]);
  }, 60_000);
});

describe('the async and file traits on contract entries', () => {
  it('file marks exactly the calls that answer a file, each answering an ExportResult', () => {
    expect([...FILE_CALL_NAMES].sort()).toEqual(['agreement.export', 'brief.export', 'calendar.export', 'storage.exportAll', 'summary.export']);
    for (const name of FILE_CALL_NAMES) expect(contract[name].output).toBe(ExportResult);
  });

  it('a file call is asynchronous; a call without either trait is not', () => {
    for (const name of CALL_NAMES) if (isFileCall(name)) expect(isAsyncCall(name), name).toBe(true);
    expect(isAsyncCall('storage.unlock')).toBe(true);
    expect(isAsyncCall('members.list')).toBe(false);
    expect(isAsyncCall('meetings.saveNotes')).toBe(false);
  });

  it('the dispatcher refuses the exports in dispatch() without running them, and answers them in call()', async () => {
    const backend = createTestBackend(makeTempDir());
    await buildLarge(backend, 1);
    const inputs = {
      'summary.export': { format: 'docx' },
      'agreement.export': { version: null, language: 'fi', format: 'docx' },
    };
    for (const [name, input] of Object.entries(inputs)) {
      const refused = backend.dispatch(name, input);
      expect(refused.ok).toBe(false);
      expect(!refused.ok && refused.error.message).toContain('asynchronous');
      expect((await backend.call(name, input)).ok).toBe(true);
    }
    // and a call without the traits is answered at once
    expect(backend.dispatch('members.list', undefined).ok).toBe(true);
    backend.close();
  }, 60_000);
});

describe('what the export worker reads for the summary', () => {
  /**
   * Every statement `read` prepares on the worker's snapshot connection, as worker.ts opens it, in
   * order. The shareable handle first builds its probe from the schema (the views' names and
   * columns, not the data); it is in the path when that comes before the first read of a view.
   */
  function preparedInSnapshot(dataDir: string, key: Buffer | null, read: (db: Database) => unknown) {
    const seen: string[] = [];
    readSnapshot(`${dataDir}/vertaistuki.sqlite`, key, (db) => {
      const prepare = db.prepare.bind(db);
      db.prepare = ((sql: string) => {
        seen.push(sql);
        return prepare(sql);
      }) as typeof db.prepare;
      return read(db);
    });
    const isSchema = (sql: string) => /sqlite_schema|pragma_table_info/.test(sql);
    const probe = seen.findIndex((sql) => isSchema(sql) && sql.includes('shareable'));
    const firstView = seen.findIndex((sql) => !isSchema(sql) && /\bshareable_/.test(sql));
    return { reads: [...new Set(seen.filter((sql) => !isSchema(sql)))], throughHandle: probe >= 0 && (firstView < 0 || probe < firstView) };
  }

  it('opens the store with its key, and reads only shareable_* views through the checked handle, besides the summary’s settings and frozen copy', async () => {
    const dataDir = makeTempDir();
    const backend = createTestBackend(dataDir);
    await buildLeakFixture(backendCaller(backend), 3);
    const job = { kind: 'summary', format: 'pdf' } as const;
    const beforeClosing = preparedInSnapshot(dataDir, testKeyFor(dataDir), (db) => sourceOf(db, job));
    await mustAsync(backend, 'summary.export', { format: 'docx' });
    await mustAsync(backend, 'summary.archive', { confirm: 'DELETE' });
    const afterClosing = preparedInSnapshot(dataDir, testKeyFor(dataDir), (db) => sourceOf(db, job));
    backend.close();
    // The snapshot really needs the key: the store is encrypted, so without it nothing is read.
    expect(() => preparedInSnapshot(dataDir, null, (db) => sourceOf(db, job))).toThrow(/not a database/);

    const db = openStoreFile(backend.databasePath, { readonly: true });
    try {
      const views = probeFor(db);
      const own = probeFor(db, ['summary_settings', 'summary_archive']);
      expect(beforeClosing.throughHandle).toBe(true);
      for (const { reads } of [beforeClosing, afterClosing]) {
        // nothing but reads: of the views, and of the summary’s own settings and frozen copy
        expect(reads.filter((sql) => refusalOf(own, sql) !== null)).toEqual([]);
        const outsideViews = reads.filter((sql) => refusalOf(views, sql) !== null);
        expect(outsideViews.every((sql) => /\bFROM (summary_settings|summary_archive)\b/.test(sql)), outsideViews.join('\n')).toBe(true);
      }
      // before closing the document is built from the views; once closed, the frozen copy is printed
      expect(beforeClosing.reads.filter((sql) => refusalOf(views, sql) === null).length).toBeGreaterThan(8);
      expect(afterClosing.reads.some((sql) => /FROM summary_archive/.test(sql))).toBe(true);
      views.close();
      own.close();
    } finally {
      db.close();
    }
  }, 60_000);
});
