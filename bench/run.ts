import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { fixedKey } from '../electron/main/services/storage/keyring';
import { performance } from 'node:perf_hooks';
import { startBrowserMode } from '../electron/main/browser-mode/server';
import { backendCaller, buildLeakFixture } from '../test/services/summary-fixture';
import { createBackend } from '../electron/main/services/backend';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildProgramme, MIGRATIONS_DIR, text } from './programme';

/**
 * `npm run bench`: speed targets live here, not in unit tests.
 * Autosave round trip: edit → durable in SQLite (synchronous=FULL, WAL), in-process and over
 * browser mode's HTTP path (JSON, token check, dispatch). Search: FTS5 over 200 meetings × 20 KB.
 */
interface Row {
  name: string;
  median: number;
  p99: number;
  target?: number;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};
const summarise = (name: string, samples: number[], target?: number): Row => ({
  name,
  median: percentile(samples, 50),
  p99: percentile(samples, 99),
  ...(target === undefined ? {} : { target }),
});

async function autosave(): Promise<Row[]> {
  const { backend, dataDir, meetingIds, keys } = buildProgramme(6, 20_000);
  const id = meetingIds[0]!;
  const inProcess: number[] = [];
  let notes = text(20_000, 7);
  for (let i = 0; i < 300; i++) {
    notes += ` lisäys ${i}`;
    const start = performance.now();
    const result = backend.dispatch('meetings.saveNotes', { id, notes });
    inProcess.push(performance.now() - start);
    if (!result.ok) throw new Error(result.error.message);
  }
  backend.close();

  const server = await startBrowserMode({ dataDir, appVersion: 'bench', staticDir: dataDir, keys });
  const overHttp: number[] = [];
  for (let i = 0; i < 300; i++) {
    notes += ` http ${i}`;
    const start = performance.now();
    const response = await fetch(`http://127.0.0.1:${server.port}/api/meetings.saveNotes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-vertaistuki-token': server.token },
      body: JSON.stringify({ input: { id, notes } }),
    });
    const envelope = (await response.json()) as { ok: boolean };
    overHttp.push(performance.now() - start);
    if (!envelope.ok) throw new Error('save failed');
  }
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
  return [
    summarise('autosave round trip, 20 KB notes, in process (ms)', inProcess, 50),
    summarise('autosave round trip, 20 KB notes, over HTTP (ms)', overHttp, 50),
  ];
}

function search(): Row[] {
  const started = performance.now();
  const { backend, dataDir } = buildProgramme(200, 20_000);
  console.log(`  (generated 200 meetings × 20 KB notes in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  const queries = ['kehitys', 'työhyvin', 'esihenkilö palaute', 'ulosotto', 'sopimus tavoite', 'ilmap', 'ei-löydy-mitään'];
  const samples: number[] = [];
  for (let round = 0; round < 10; round++) {
    for (const query of queries) {
      const start = performance.now();
      const result = backend.dispatch('search.query', { query });
      samples.push(performance.now() - start);
      if (!result.ok) throw new Error(result.error.message);
    }
  }
  backend.close();
  rmSync(dataDir, { recursive: true, force: true });
  return [summarise('search, 200 meetings × 20 KB notes (ms)', samples, 50)];
}

/** Export time: the 6-meeting programme (with feedback) and the 200-meeting stress programme. */
async function exports(): Promise<Row[]> {
  const time = async (call: (name: string, input: unknown) => Promise<{ ok: boolean }>, format: 'pdf' | 'docx', runs: number) => {
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      const result = await call('summary.export', { format });
      samples.push(performance.now() - start);
      if (!result.ok) throw new Error('export failed');
    }
    return samples;
  };
  const dataDir = mkdtempSync(join(tmpdir(), 'vertaistuki-bench-'));
  const small = createBackend({
    keys: fixedKey(randomBytes(32)),
    appName: 'Vertaistuki',
    appVersion: 'bench',
    mode: 'browser',
    dataDir,
    migrationsDir: MIGRATIONS_DIR,
    fontsDir: join(import.meta.dirname, '../resources/fonts'),
    systemLocales: ['fi-FI'],
  });
  await buildLeakFixture(backendCaller(small), 6);
  const rows = [
    summarise('summary export, 6 meetings, PDF (ms)', await time(small.call, 'pdf', 10), 1000),
    summarise('summary export, 6 meetings, DOCX (ms)', await time(small.call, 'docx', 10), 1000),
  ];
  small.close();
  rmSync(dataDir, { recursive: true, force: true });
  const big = buildProgramme(200, 2_000);
  rows.push(
    summarise('summary export, 200 meetings, PDF (ms)', await time(big.backend.call, 'pdf', 3), 5000),
    summarise('summary export, 200 meetings, DOCX (ms)', await time(big.backend.call, 'docx', 3), 5000),
  );
  big.backend.close();
  rmSync(big.dataDir, { recursive: true, force: true });
  return rows;
}

const rows = [...(await autosave()), ...search(), ...(await exports())];
console.log('\n| benchmark | median | p99 | target | |');
console.log('| --- | ---: | ---: | ---: | --- |');
for (const row of rows) {
  const verdict = row.target === undefined ? '' : row.p99 <= row.target ? 'ok' : 'OVER TARGET';
  console.log(`| ${row.name} | ${row.median.toFixed(2)} | ${row.p99.toFixed(2)} | ${row.target ?? ''} | ${verdict} |`);
}
if (rows.some((row) => row.target !== undefined && row.p99 > row.target)) process.exitCode = 1;
