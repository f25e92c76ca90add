import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ALL_SECTIONS_ON } from '@shared/domain';
import { todayIso } from '@shared/vocabulary';
import { stemOf } from '../../electron/main/services/db/stems';
import { createTestBackend, expectFail, makeTempDir, removeTempDirs, testKeyFor, type TestBackend, openStoreFile } from './helpers';
import { decryptDatabase } from './sqlcipher';
import { backendCaller, buildLeakFixture, must, mustAsync, SECRET, type Fixture } from './summary-fixture';

let backend: TestBackend;
let fixture: Fixture;

beforeEach(async () => {
  backend = createTestBackend(makeTempDir());
  fixture = await buildLeakFixture(backendCaller(backend), 3);
});
afterEach(() => {
  backend.close();
  removeTempDirs();
});

const raw = () => openStoreFile(backend.databasePath, { readonly: true });
/** The store's file (closed cleanly, so the log is folded in), as anyone with the key can read it, lower-cased. */
const lowerCaseFile = (path: string) => {
  const bytes = readFileSync(path);
  expect(bytes.toString('latin1').toLowerCase().includes(SECRET.toLowerCase()), 'a marker readable without the key').toBe(false);
  return decryptDatabase(bytes, testKeyFor(dirname(path))).toString('latin1').toLowerCase();
};

describe('summary settings', () => {
  it('start with every section on and counts instead of names, and are remembered', () => {
    expect(must(backend, 'summary.settings')).toEqual({ sections: ALL_SECTIONS_ON, attendanceNames: false, language: 'fi', conclusions: '' });
    const next = { sections: { ...ALL_SECTIONS_ON, feedback: false }, attendanceNames: true, language: 'en', conclusions: 'Jatkoon.' };
    must(backend, 'summary.saveSettings', next);
    expect(must(backend, 'summary.settings')).toEqual(next);
  });

  it('refuses bad settings and keeps the saved ones', () => {
    must(backend, 'summary.saveSettings', { sections: ALL_SECTIONS_ON, attendanceNames: false, language: 'fi', conclusions: 'Tallessa' });
    expectFail(backend.dispatch('summary.saveSettings', { sections: { programme: true }, attendanceNames: false, language: 'fi', conclusions: '' }), 'invalid_input');
    expectFail(backend.dispatch('summary.saveSettings', { sections: ALL_SECTIONS_ON, attendanceNames: false, language: 'sv', conclusions: '' }), 'invalid_input');
    expectFail(backend.dispatch('summary.saveSettings', { sections: ALL_SECTIONS_ON, attendanceNames: false, language: 'fi', conclusions: 'x'.repeat(20_001) }), 'invalid_input');
    expect(must<{ conclusions: string }>(backend, 'summary.settings').conclusions).toBe('Tallessa');
  });

  it('the preview is the document: section toggles decide which headings it has', () => {
    must(backend, 'summary.saveSettings', { sections: { ...ALL_SECTIONS_ON, themes: false, feedback: false }, attendanceNames: false, language: 'en', conclusions: '' });
    const doc = must<{ blocks: { type: string; text?: string; level?: number }[] }>(backend, 'summary.preview');
    const headings = doc.blocks.filter((b) => b.type === 'heading' && !b.level).map((b) => b.text);
    expect(headings).toEqual(['Programme and goals', 'Meetings', 'Ideas forwarded', 'Final evaluation and well-being self-check', 'Continuation and recommendation']);
  });

  it("names the file after the summary, the programme and the day, in the summary's language", async () => {
    const today = todayIso();
    const fi = await mustAsync<{ fileName: string }>(backend, 'summary.export', { format: 'pdf' });
    expect(fi.fileName).toBe(`Yhteenveto-johdolle-Esihenkilöiden-vertaismentorointi-${today}.pdf`);
    must(backend, 'summary.saveSettings', { sections: ALL_SECTIONS_ON, attendanceNames: false, language: 'en', conclusions: '' });
    const en = await mustAsync<{ fileName: string }>(backend, 'summary.export', { format: 'docx' });
    expect(en.fileName).toBe(`Management-summary-Esihenkilöiden-vertaismentorointi-${today}.docx`);
  }, 30_000); // two exports: slow on a busy machine
});

describe('export log', () => {
  it('records format, language and sections, and nothing of the content', async () => {
    must(backend, 'summary.saveSettings', { sections: { ...ALL_SECTIONS_ON, decision: false }, attendanceNames: true, language: 'en', conclusions: 'Luottamuksellinen johtopäätös' });
    await mustAsync(backend, 'summary.export', { format: 'pdf' });
    await mustAsync(backend, 'summary.export', { format: 'docx' });
    const log = must<{ format: string; language: string; sections: string[]; attendanceNames: boolean }[]>(backend, 'summary.exports');
    expect(log.map((e) => [e.format, e.language, e.sections.length, e.attendanceNames])).toEqual([
      ['docx', 'en', 6, true],
      ['pdf', 'en', 6, true],
    ]);
    const db = raw();
    expect(JSON.stringify(db.prepare('SELECT * FROM export_log').all())).not.toMatch(/Luottamuksellinen|Esihenkilöiden|JAETTAVA/);
    db.close();
  });
});

describe('closing the programme', () => {
  it('is refused before the summary has been exported', async () => {
    expectFail(await backend.call('summary.archive', { confirm: 'DELETE' }), 'conflict');
    expectFail(await backend.call('summary.archive', { confirm: 'yes' }), 'invalid_input');
    expect(must<{ archivedAt: string | null }>(backend, 'summary.archiveState').archivedAt).toBeNull();
  });

  it('deletes confidential material for good, keeps the summary, agreement and plan, and the file holds no marker', async () => {
    await mustAsync(backend, 'summary.export', { format: 'pdf' });
    const before = must<{ blocks: unknown[] }>(backend, 'summary.preview');
    const state = await mustAsync<{ archivedAt: string | null; frozen: unknown }>(backend, 'summary.archive', { confirm: 'DELETE' });
    expect(state.archivedAt).not.toBeNull();
    expect(state.frozen).toEqual(before);
    expect(must(backend, 'summary.preview')).toEqual(before); // the summary survives the deletion
    const db = raw();
    expect(db.prepare('SELECT count(*) AS n FROM meeting_note').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM absence_reason').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM action').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM task').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM feedback_answer').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM meeting').get()).toEqual({ n: 6 }); // the template's plan of six
    expect(db.prepare('SELECT count(*) AS n FROM idea_to_forward').get()).toEqual({ n: 3 });
    expect(db.prepare('SELECT count(*) AS n FROM agreement_goal').get()).not.toEqual({ n: 0 });
    db.close();
    // Not even deleted pages of the file hold the old text. The full-text index keeps its terms in
    // lower case, so the file is searched case-insensitively (an upper-case search could not fail),
    // and decrypted with the key (the ciphertext would hide the text whatever closing did).
    backend.close();
    expect(lowerCaseFile(backend.databasePath).includes(SECRET.toLowerCase()), 'a marker in the decrypted file').toBe(false);
    expect(lowerCaseFile(backend.databasePath).includes(stemOf(SECRET)), "a marker's stem in the decrypted file").toBe(false);
    expect(fixture.secrets.length).toBeGreaterThan(0);
  });

  it('the search above can fail: before closing, the index holds the markers in lower case only, and the decrypted file shows them', () => {
    const db = raw();
    const index = Buffer.concat((db.prepare('SELECT block FROM search_index_data').all() as { block: Buffer }[]).map((r) => r.block));
    db.close();
    expect(index.includes(Buffer.from(SECRET))).toBe(false);
    // The index keeps the marker's Finnish stem ("salain") beside it, the word itself as a suffix after it.
    expect(index.includes(Buffer.from(stemOf(SECRET)))).toBe(true);
    backend.close();
    expect(lowerCaseFile(backend.databasePath).includes(SECRET.toLowerCase()), 'a marker in the decrypted file').toBe(true);
  });

  it('cannot be done twice', async () => {
    await mustAsync(backend, 'summary.export', { format: 'docx' });
    await mustAsync(backend, 'summary.archive', { confirm: 'DELETE' });
    expectFail(await backend.call('summary.archive', { confirm: 'DELETE' }), 'programme_closed');
  });
});
