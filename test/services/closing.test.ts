import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLOSING_DELETED, CLOSING_KEPT, type ClosingPlan } from '@shared/domain';
import { CLOSING_DELETES, CLOSING_KEEPS, SEARCH_INDEX, SEARCH_TABLES } from '../../electron/main/services/closing/plan';
import { distinctiveWord, fileSize } from './forensic';
import { createTestBackend, dumpDatabase, expectFail, makeTempDir, openStoreFile, removeTempDirs, type TestBackend } from './helpers';
import { backendCaller, buildLeakFixture, must, mustAsync } from './summary-fixture';

/**
 * Before closing, the facilitator sees exactly what will be deleted and what will stay; after
 * closing, that list is true of the database, table by table, and no table is left out of it.
 */
let backend: TestBackend;

beforeEach(async () => {
  backend = createTestBackend(makeTempDir());
  await buildLeakFixture(backendCaller(backend), 3);
  await mustAsync(backend, 'summary.export', { format: 'docx' });
});
afterEach(() => {
  backend.close();
  removeTempDirs();
});

const rowsOf = (tables: readonly string[]) => {
  const { rows } = dumpDatabase(backend.databasePath);
  return Object.fromEntries(tables.map((table) => [table, rows[table]]));
};

describe('what closing deletes and keeps', () => {
  it('is listed before closing, with counts, in the order of the domain lists', () => {
    const plan = must<ClosingPlan>(backend, 'summary.closingPlan');
    expect(plan.deleted.map((d) => d.key)).toEqual([...CLOSING_DELETED]);
    expect(plan.kept.map((k) => k.key)).toEqual([...CLOSING_KEPT]);
    // The fixture has some of everything that is deleted.
    for (const item of plan.deleted) expect(item.count, item.key).toBeGreaterThan(0);
    expect(plan.kept.find((k) => k.key === 'members')!.count).toBe(5);
  });

  it('covers every table of the store: each is deleted, kept, or the search index built from them', () => {
    const { schema } = dumpDatabase(backend.databasePath);
    const tables = schema.filter((s) => s.type === 'table' && !s.name.startsWith(`${SEARCH_INDEX}_`)).map((s) => s.name);
    const listed = [...CLOSING_DELETES, ...CLOSING_KEEPS].flatMap((item) => item.tables);
    expect(new Set(listed).size).toBe(listed.length); // no table on both sides
    expect([...tables].sort()).toEqual([...listed, ...SEARCH_TABLES].sort());
  });

  it('is true after closing: deleted tables are empty, kept ones unchanged row for row', async () => {
    const deletedTables = CLOSING_DELETES.flatMap((d) => d.tables);
    const keptTables = CLOSING_KEEPS.flatMap((k) => k.tables);
    const kept = rowsOf(keptTables);
    const before = must<ClosingPlan>(backend, 'summary.closingPlan');

    await mustAsync(backend, 'summary.archive', { confirm: 'DELETE' });

    for (const [table, rows] of Object.entries(rowsOf(deletedTables))) expect(rows, table).toEqual([]);
    const after = rowsOf(keptTables);
    // Closing itself writes two things: when it happened, and the frozen summary.
    const { programme: programmeAfter, summary_archive: archive, ...restAfter } = after;
    const { programme: programmeBefore, summary_archive: noArchive, ...restBefore } = kept;
    expect(restAfter).toEqual(restBefore);
    expect(noArchive).toEqual([]);
    expect(archive).toHaveLength(1);
    expect(programmeAfter).toEqual([{ ...(programmeBefore![0] as object), archived_at: expect.any(String) }]);

    const plan = must<ClosingPlan>(backend, 'summary.closingPlan');
    expect(plan.deleted.every((d) => d.count === 0)).toBe(true);
    expect(plan.kept).toEqual(before.kept);
    // The index now holds what stays searchable: themes and ideas.
    const db = openStoreFile(backend.databasePath, { readonly: true });
    expect(db.prepare(`SELECT DISTINCT kind FROM ${SEARCH_INDEX} ORDER BY kind`).pluck().all()).toEqual(['idea', 'theme']);
    db.close();
  });

  it('has words for every item in both languages', () => {
    for (const language of ['fi', 'en']) {
      const { closing } = JSON.parse(readFileSync(`renderer/src/locales/${language}/summary.json`, 'utf8')) as {
        closing: { deleted: Record<string, string>; kept: Record<string, string> };
      };
      expect(Object.keys(closing.deleted)).toEqual([...CLOSING_DELETED]);
      expect(Object.keys(closing.kept)).toEqual([...CLOSING_KEPT]);
    }
  });
});

describe('the search index after closing', () => {
  /** The index's shadow tables, decrypted: its b-tree of page terms and its pages of terms and positions. */
  const shadowTables = () => {
    const db = openStoreFile(backend.databasePath, { readonly: true });
    try {
      const latin = (blobs: unknown[]) => (blobs as (Buffer | string)[]).map((b) => Buffer.from(b).toString('latin1'));
      return {
        idx: latin(db.prepare(`SELECT term FROM ${SEARCH_INDEX}_idx`).pluck().all()).join('\n'),
        data: latin(db.prepare(`SELECT block FROM ${SEARCH_INDEX}_data`).pluck().all()).join('\n'),
      };
    } finally {
      db.close();
    }
  };

  // FTS5 merges its segments on its own, so at closing the index may be a single segment; then
  // 'optimize' leaves it as it is, and secure-delete, which empties the deleted words' entries in
  // place, leaves the index's b-tree (search_index_idx) holding the first term of each page, a
  // deleted word when it was first on a page that still holds kept words. Only the rebuild
  // writes the index anew from what remains.
  it('holds no term of the deleted notes, also when the index was one segment before closing', async () => {
    const marker = distinctiveWord();
    const meetingId = must<{ id: number }[]>(backend, 'meetings.overview')[0]!.id;
    // Enough deleted words to fill several index pages, followed in the index's term order by
    // kept words ("qq…" sorts just before "qr…"), so the page where the deleted words end is shared.
    const deleted = Array.from({ length: 1500 }, (_, i) => `qq${marker}${String(i).padStart(4, '0')}`);
    must(backend, 'meetings.saveNotes', { id: meetingId, notes: deleted.join(' ') });
    must(backend, 'ideas.add', { meetingId, text: Array.from({ length: 60 }, (_, i) => `qr${i}`).join(' ') });
    expect(must<{ total: number }>(backend, 'search.query', { query: `qq${marker}` }).total).toBe(1); // the note is indexed
    const db = openStoreFile(backend.databasePath);
    db.prepare(`INSERT INTO ${SEARCH_INDEX} (${SEARCH_INDEX}) VALUES ('optimize')`).run(); // one segment
    db.close();
    // The premise: the deleted words are in both shadow tables, in the form the index keeps them.
    const before = shadowTables();
    expect(before.idx).toContain(marker);
    expect(before.data).toContain(marker);

    await mustAsync(backend, 'summary.archive', { confirm: 'DELETE' });

    const after = shadowTables();
    expect(after.idx).not.toContain(marker);
    expect(after.data).not.toContain(marker);
    expect(must<{ total: number }>(backend, 'search.query', { query: 'qr59' }).total).toBe(1); // the kept idea is still found
  });
});

describe('closing while another program holds the file', () => {
  it('says the wipe did not finish, then finishes it when asked again; only then is it done', async () => {
    const reader = openStoreFile(backend.databasePath, { readonly: true, timeout: 0 });
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM meeting').get(); // a read transaction keeps the log from being emptied
    const error = expectFail(await backend.call('summary.archive', { confirm: 'DELETE' }), 'wipe_incomplete');
    expect(error.message).toMatch(/could not be wiped/);
    // The confidential material is gone and the programme is closed, but not yet confirmed wiped.
    expect(must<{ archivedAt: string | null }>(backend, 'summary.archiveState').archivedAt).not.toBeNull();
    expect(must<ClosingPlan>(backend, 'summary.closingPlan').deleted.every((d) => d.count === 0)).toBe(true);
    expect(fileSize(`${backend.databasePath}-wal`)).toBeGreaterThan(0);
    reader.exec('COMMIT');
    reader.close();

    await mustAsync(backend, 'summary.archive', { confirm: 'DELETE' });
    expect(fileSize(`${backend.databasePath}-wal`)).toBe(0);
    expectFail(await backend.call('summary.archive', { confirm: 'DELETE' }), 'programme_closed');
  }, 30_000);

  it('cannot run inside a transaction, where VACUUM and emptying the log are impossible', async () => {
    const { wipeFile } = await import('../../electron/main/services/closing/shred');
    const db = openStoreFile(backend.databasePath);
    db.exec('BEGIN');
    expect(() => wipeFile(db)).toThrow(/inside a transaction/);
    db.exec('ROLLBACK');
    db.close();
  });
});
