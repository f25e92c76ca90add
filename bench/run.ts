import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { autosave } from './autosave';
import { exports } from './exports';
import { samplesFor, type BenchContext } from './lib/context';
import { printTable } from './lib/report';
import { meets, type Figure } from './lib/stats';
import { ROOT } from './programme';
import { reads } from './reads';
import { renderer } from './renderer';
import { search } from './search';
import { storage } from './storage-area';

/**
 * `npm run bench`: the speed targets of issue 13, each at 6, 200 and 999 meetings, printed beside
 * its target and (where one exists) the physical floor measured in the same run; also written as
 * JSON. `--smoke` runs 6 meetings with the fewest samples (CI runs it; no timing is asserted).
 * One file per area; an area is a function from a context to figures.
 */
type Area = (context: BenchContext) => Promise<Figure[]>;
const AREAS: Record<string, Area> = { reads, search, autosave, exports, renderer, storage };

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '6,200,999' },
    only: { type: 'string' },
    smoke: { type: 'boolean', default: false },
    json: { type: 'string' },
  },
});

const smoke = values.smoke;
const sizes = smoke ? [6] : values.sizes.split(',').map(Number);
const areas = values.only ? values.only.split(',') : Object.keys(AREAS);
for (const area of areas) if (!AREAS[area]) throw new Error(`Unknown bench area: ${area} (one of ${Object.keys(AREAS).join(', ')})`);

const figures: Figure[] = [];
for (const meetings of sizes) {
  for (const area of areas) {
    const log = (line: string) => console.log(line);
    log(`- ${area}, ${meetings} meetings`);
    const started = performance.now();
    figures.push(...(await AREAS[area]!({ meetings, smoke, samples: samplesFor(meetings, smoke), log })));
    log(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
}
figures.push(...growth(figures));

printTable(figures);
const file = resolve(values.json ?? join(ROOT, '.tmp/bench', `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`));
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), smoke, sizes, figures }, null, 2)}\n`);
console.log(`\nWritten: ${file}`);
if (!smoke && figures.some((figure) => meets(figure) === false)) process.exitCode = 1;

/** "Must not grow with the number of meetings": the in-process autosave at the largest size ÷ at the smallest. */
function growth(all: Figure[]): Figure[] {
  const autosaves = all.filter((f) => f.what === 'autosave 20 KB, in process' && f.value !== null);
  const smallest = autosaves.at(0);
  const largest = autosaves.at(-1);
  if (!smallest || !largest || smallest === largest) return [];
  return [
    {
      area: 'autosave',
      what: `autosave in process, ${largest.meetings} ÷ ${smallest.meetings} meetings`,
      meetings: largest.meetings,
      unit: '×',
      stat: 'ratio p50',
      value: largest.value! / smallest.value!,
      target: { value: 1.5, text: '≈ 1 (flat)' },
      samples: largest.samples,
    },
  ];
}
