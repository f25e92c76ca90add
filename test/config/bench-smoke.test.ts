import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Figure } from '../../bench/lib/stats';
import { makeTempDir, removeTempDirs } from '../services/helpers';

/**
 * `npm run bench -- --smoke`: every area of the bench at 6 meetings with the fewest samples, so
 * that the bench cannot rot. No timing is asserted (the machine is shared): only that every row
 * of issue 13's table is measured and reported. Needs `npm run build:web` (npm test builds first).
 */
afterEach(removeTempDirs);

const ROWS = [
  'summary export PDF',
  'summary export DOCX',
  'agreement export PDF (draft)',
  'server peak memory during exports',
  'autosave 20 KB, in process',
  'autosave over HTTP ÷ raw UPDATE (side by side)',
  'autosave over HTTP during a summary PDF export (worker running)',
  'autosave over HTTP during the first export after start (worker starting)',
  'typing in 100 KB of notes, keydown → next paint (Event Timing)',
  'open the meetings page until the last row shows',
  'feedback.trend',
  'summary.preview',
  'plan.list',
  'cold load to the app frame',
];

describe('the bench, as a smoke test', () => {
  it('measures every row of the table at 6 meetings and writes them as JSON', () => {
    const json = join(makeTempDir(), 'bench.json');
    execFileSync(resolve('node_modules/.bin/tsx'), ['bench/run.ts', '--smoke', '--json', json], { stdio: 'pipe', timeout: 240_000 });
    const { figures } = JSON.parse(readFileSync(json, 'utf8')) as { figures: Figure[] };
    for (const row of ROWS) {
      const figure = figures.find((f) => f.what === row);
      expect(figure, row).toBeDefined();
      expect(figure!.meetings).toBe(6);
      expect(figure!.value === null ? figure!.below : figure!.value, row).toBeGreaterThan(0);
    }
    const pdf = figures.find((f) => f.what === 'summary export PDF')!;
    expect(pdf.floor?.what).toBe('DOCX of the same document');
    expect(figures.find((f) => f.what === 'autosave 20 KB, in process')!.floor?.value).toBeGreaterThan(0);
  }, 300_000);
});
