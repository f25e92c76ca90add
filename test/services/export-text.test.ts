import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLarge, buildSmall, exportBytes, EXPORTS } from './export-text-fixture';
import { createTestBackend, makeTempDir, removeTempDirs, type TestBackend } from './helpers';

/**
 * No behaviour change: the text of every export, as `pdftotext -layout` reads it (positions and page
 * breaks included) or as the Word file's paragraphs hold it, is exactly the reference text made by
 * the renderer before exports moved off the serving thread (fixtures/export-text/*.txt).
 * `UPDATE_EXPORT_TEXT=1` rewrites the references; do that only for an intended change of the documents,
 * and then with the renderer as it was before the change, so the test keeps proving the change kept the text.
 * (The small references were remade so when issue 15 moved the shared leak fixture a year back: the
 * pre-worker renderer on today's data layer, main at 9ae41a0, printed them; only the years changed.)
 */
const FIXTURES = join(import.meta.dirname, 'fixtures/export-text');
const update = process.env['UPDATE_EXPORT_TEXT'] === '1';

function textOf(name: string, bytes: Buffer): string {
  if (name.endsWith('docx')) {
    const xml = strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml']!);
    return xml.replace(/<\/w:p>/g, '\n').replace(/<w:br\/>/g, '\n').replace(/<[^>]+>/g, '');
  }
  const file = join(makeTempDir(), 'export.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

const programmes = {
  small: { build: buildSmall, exports: ['summary-pdf', 'summary-docx', 'agreement-draft-fi-pdf'] },
  large: { build: buildLarge, exports: Object.keys(EXPORTS) },
} as const;

for (const [programme, { build, exports }] of Object.entries(programmes)) {
  describe(`the exported text of the ${programme} programme is unchanged`, () => {
    let backend: TestBackend;
    beforeAll(async () => {
      backend = createTestBackend(makeTempDir());
      await build(backend);
    }, 120_000);
    afterAll(() => {
      backend.close();
      removeTempDirs();
    });

    for (const name of exports as readonly (keyof typeof EXPORTS)[]) {
      it(name, async () => {
        const text = textOf(name, await exportBytes(backend, name));
        const reference = join(FIXTURES, `${programme}-${name}.txt`);
        if (update) writeFileSync(reference, text);
        expect(existsSync(reference), `reference text ${reference}`).toBe(true);
        // a real document, not an empty one that happens to match
        expect(text.length).toBeGreaterThan(500);
        expect(text).toBe(readFileSync(reference, 'utf8'));
      }, 120_000);
    }
  });
}
