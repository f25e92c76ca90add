import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUMMARY_SECTIONS, type SummarySections } from '@shared/domain';
import { createTestBackend, makeTempDir, openStoreFile, removeTempDirs, type TestBackend } from './helpers';
import { backendCaller, buildLeakFixture, must, mustAsync, SECRET, SHARED, type Fixture } from './summary-fixture';

/**
 * The leak test: every confidential field holds a unique marker; the summary is exported as PDF
 * and DOCX under every combination of section toggles (and with names on and off); the text of
 * every file must contain no marker, and must contain the shareable items and right aggregates.
 */
const SMALL_QUOTE = `${SECRET}-shared-from-two-answers`;
/** The fixture's members (summary-fixture.ts). */
const MEMBERS = ['Önni Mäkelä', 'Sari Järvinen', 'Jukka Kärkkäinen', 'Liisa Öhman', 'Aino Väänänen'];
let backend: TestBackend;
let fixture: Fixture;
let dir: string;

beforeAll(async () => {
  dir = makeTempDir();
  backend = createTestBackend(dir);
  fixture = await buildLeakFixture(backendCaller(backend));
  // Code that bypassed the service and marked a quote of the two-answer round shareable anyway:
  // the read model itself must leave it out.
  const db = openStoreFile(backend.databasePath, { fileMustExist: true });
  db.prepare(
    `UPDATE feedback_answer SET shared_text = ? WHERE (response_id, question_id) = (
       SELECT a.response_id, a.question_id FROM feedback_answer a JOIN feedback_response r ON r.id = a.response_id
       WHERE r.survey_id = ? AND a.text IS NOT NULL LIMIT 1)`,
  ).run(SMALL_QUOTE, fixture.smallRound);
  db.close();
  fixture.secrets.push(SMALL_QUOTE);
});
afterAll(() => {
  backend.close();
  removeTempDirs();
});

const pdfText = (bytes: Buffer, name: string) => {
  const path = join(dir, `${name}.pdf`);
  writeFileSync(path, bytes);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
};

const docxText = (bytes: Buffer) => {
  const files = unzipSync(new Uint8Array(bytes));
  return Object.entries(files)
    .filter(([name]) => name.endsWith('.xml'))
    .map(([, data]) => strFromU8(data).replace(/<[^>]+>/g, ' '))
    .join('\n')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");
};

async function exportAs(format: 'pdf' | 'docx', sections: SummarySections, attendanceNames: boolean): Promise<Buffer> {
  must(backend, 'summary.saveSettings', { sections, attendanceNames, language: 'fi', conclusions: 'Suosittelen jatkoa.' });
  const file = await mustAsync<{ delivery: string; base64: string }>(backend, 'summary.export', { format });
  return Buffer.from(file.base64, 'base64');
}

const combinations: SummarySections[] = Array.from({ length: 2 ** SUMMARY_SECTIONS.length }, (_, mask) =>
  Object.fromEntries(SUMMARY_SECTIONS.map((s, i) => [s, (mask & (1 << i)) !== 0])) as SummarySections,
);

describe('the management summary never contains confidential text', () => {
  it('the fixture really has confidential markers in the store', () => {
    expect(fixture.secrets.length).toBeGreaterThan(50);
    const raw = JSON.stringify(must(backend, 'meetings.get', { id: fixture.meetingIds[1] }));
    expect(raw).toContain(SECRET); // the markers exist in the database, so their absence below means something
    const db = openStoreFile(backend.databasePath, { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM feedback_answer WHERE shared_text = ?').get(SMALL_QUOTE)).toEqual({ n: 1 });
    db.close();
  });

  it('no shareable_* view holds a marker, in any row or column', () => {
    const db = openStoreFile(backend.databasePath, { readonly: true });
    const views = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'view' AND name LIKE 'shareable%'").pluck().all() as string[];
    expect(views.length).toBeGreaterThan(10);
    const everything = views.map((view) => JSON.stringify(db.prepare(`SELECT * FROM "${view}"`).all())).join('\n');
    db.close();
    expect(everything).toContain(SHARED); // the views do hold the shareable items
    expect(fixture.secrets.filter((marker) => everything.includes(marker))).toEqual([]);
    expect(everything).not.toContain(SECRET);
  });

  it(`no marker in any of ${combinations.length} section combinations, as PDF and as DOCX`, async () => {
    for (const [index, sections] of combinations.entries()) {
      const names = index % 2 === 1;
      for (const format of ['pdf', 'docx'] as const) {
        const bytes = await exportAs(format, sections, names);
        const text = format === 'pdf' ? pdfText(bytes, `c${index}`) : docxText(bytes);
        const leaked = fixture.secrets.filter((marker) => text.includes(marker));
        expect(leaked, `${format} with ${JSON.stringify(sections)}`).toEqual([]);
        expect(text, `${format} ${index}`).not.toContain(SECRET);
        // Without the names setting, no member is named anywhere (cells may wrap: spaces are squashed).
        if (!names) expect(MEMBERS.filter((name) => text.replace(/\s+/g, ' ').includes(name)), `${format} ${index}`).toEqual([]);
      }
    }
  }, 240_000);

  it('contains the shareable items, the approved quote and the right aggregates when all sections are on', async () => {
    const all = Object.fromEntries(SUMMARY_SECTIONS.map((s) => [s, true])) as SummarySections;
    for (const format of ['pdf', 'docx'] as const) {
      const bytes = await exportAs(format, all, false);
      const text = (format === 'pdf' ? pdfText(bytes, 'all') : docxText(bytes)).replace(/\s+/g, ' ');
      for (const idea of fixture.ideas) expect(text).toContain(idea);
      expect(text).toContain(fixture.quote);
      expect(text).toContain('Esihenkilöiden vertaismentorointi');
      expect(text).toContain('Työhyvinvointi');
      expect(text).toContain('Jatketaan säännöllisin tapaamisin');
      expect(text).toContain('Suosittelen jatkoa.');
      // Usefulness with answers 3, 4, 5, 3 → mean 3,8 (meetings 2–6); dialogue 4,0.
      expect(text).toContain('3,8');
      expect(text).toContain('4,0');
      // Self-check "do I know": 5 → 7, change +2,0.
      expect(text).toContain('+2,0');
      // Attendance as counts by default, and no member's name anywhere (names sort, so a check for one
      // pair of neighbours could never match: every name is checked on its own).
      expect(text).toContain('4/5');
      expect(MEMBERS.filter((name) => text.includes(name))).toEqual([]);
    }
  });

  it('names those present only when chosen, and never the absent', async () => {
    const all = Object.fromEntries(SUMMARY_SECTIONS.map((s) => [s, s === 'meetings'])) as SummarySections;
    const text = docxText(await exportAs('docx', all, true));
    expect(text).toContain('Jukka Kärkkäinen'); // present in meeting 1
    const doc = must<{ blocks: { type: string; rows?: string[][] }[] }>(backend, 'summary.preview');
    const table = doc.blocks.find((b) => b.type === 'table')!;
    // Meeting 1: Önni (the first member) was absent; the row lists four present names.
    expect(table.rows![0]![4]).toBe('4/5: Aino Väänänen, Jukka Kärkkäinen, Liisa Öhman, Sari Järvinen');
  });

  it('leaves out the round with fewer than three answers', async () => {
    const onlyFeedback = Object.fromEntries(SUMMARY_SECTIONS.map((s) => [s, s === 'feedback'])) as SummarySections;
    await exportAs('docx', onlyFeedback, false);
    const doc = must<{ blocks: { type: string; rows?: string[][]; categories?: string[] }[] }>(backend, 'summary.preview');
    const table = doc.blocks.find((b) => b.type === 'table')!;
    expect(table.rows!.map((row) => row[0])).not.toContain('1');
    expect(doc.blocks.find((b) => b.type === 'chart')!.categories).toEqual(['2', '3', '4', '5', '6']);
  });
});
