import { openFile, type DataKey } from '../electron/main/services/db/driver';
import { median, percentile, type Figure } from './lib/stats';
import { NOTES_BYTES, openBackend, programme, text } from './programme';
import { startServer, type BenchServer } from './lib/server';
import type { BenchContext } from './lib/context';

/**
 * Autosave of 20 KB of notes (`meetings.saveNotes`): durable in SQLite (WAL, synchronous=FULL).
 * The floor is a raw better-sqlite3 UPDATE of the same row on its own connection with the same
 * durability, timed alternately with the app's save so that both see the same machine load.
 * The raw UPDATE fires the schema's triggers too, on the same encrypted store: it is what SQLite must
 * do for that row.
 */
const AREA = 'autosave';

function rawConnection(path: string, key: DataKey) {
  const db = openFile(path, key, { timeout: 5000 });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  // Notes live in meeting_note since issue 9 (a row per meeting with notes; the bench's all have some).
  const update = db.prepare('UPDATE meeting_note SET text = ? WHERE meeting_id = ?');
  return {
    save: (id: number, notes: string) => {
      const start = performance.now();
      if (update.run(notes, id).changes !== 1) throw new Error(`meeting ${id} has no notes to update`);
      return performance.now() - start;
    },
    close: () => db.close(),
  };
}

export async function autosave({ meetings, samples, log }: BenchContext): Promise<Figure[]> {
  const copy = await programme(meetings, log);
  const id = copy.meetingIds[Math.floor(copy.meetingIds.length / 2)]!;
  let notes = text(NOTES_BYTES, 7);
  const edit = (i: number) => (notes = `${notes.slice(0, NOTES_BYTES - 40)} muokkaus ${i} ${Date.now()}`);

  // In process: the dispatcher's cost without any transport.
  const backend = openBackend(copy.dataDir, copy.key);
  const raw = rawConnection(copy.databasePath, copy.key);
  const app: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < samples.autosave; i++) {
    const start = performance.now();
    const result = backend.dispatch('meetings.saveNotes', { id, notes: edit(i) });
    app.push(performance.now() - start);
    if (!result.ok) throw new Error(result.error.message);
    floor.push(raw.save(id, edit(i)));
  }
  backend.close();

  // Over browser mode's HTTP path, as the renderer sees it.
  const server = await startServer(copy.dataDir, copy.key);
  const http: number[] = [];
  const httpFloor: number[] = [];
  for (let i = 0; i < samples.autosave; i++) {
    const start = performance.now();
    await server.call('meetings.saveNotes', { id, notes: edit(i) });
    http.push(performance.now() - start);
    httpFloor.push(raw.save(id, edit(i)));
  }

  // While a summary PDF of the whole programme is being exported: the first export after start
  // (which also starts the export worker) and one with the worker already running.
  const first = await savesDuringExport(server, id, edit);
  const warm = await savesDuringExport(server, id, edit);
  await server.close();
  raw.close();
  copy.remove();

  const base = { area: AREA, meetings, unit: 'ms' as const };
  const rawP50 = median(floor);
  const httpRawP50 = median(httpFloor);
  return [
    {
      ...base,
      what: 'autosave 20 KB, in process',
      stat: 'p50',
      value: median(app),
      floor: { what: 'raw UPDATE of the row', value: rawP50 },
      target: { text: 'flat in meetings' },
      samples: app.length,
    },
    {
      ...base,
      what: 'autosave 20 KB, over HTTP',
      stat: 'p50',
      value: median(http),
      floor: { what: 'raw UPDATE of the row', value: httpRawP50 },
      target: { value: 50, text: '< 50' },
      samples: http.length,
    },
    {
      ...base,
      unit: '×',
      what: 'autosave over HTTP ÷ raw UPDATE (side by side)',
      stat: 'ratio p50',
      value: median(http) / httpRawP50,
      target: { value: 3, text: '≤ 3×' },
      samples: http.length,
    },
    duringFigure(base, 'autosave over HTTP during a summary PDF export (worker running)', warm),
    duringFigure(base, 'autosave over HTTP during the first export after start (worker starting)', first),
  ];
}

interface During {
  times: number[];
  sentAt: number[];
  answeredBefore: number;
  exportMs: number;
}

/** Saves every 10 ms while one summary PDF export runs; how long each took and when it was sent. */
async function savesDuringExport(server: BenchServer, id: number, edit: (i: number) => string): Promise<During> {
  let exported = false;
  const exportStart = performance.now();
  const exporting = server.call('summary.export', { format: 'pdf' }).then(() => (exported = true));
  const during: During = { times: [], sentAt: [], answeredBefore: 0, exportMs: 0 };
  while (!exported) {
    const start = performance.now();
    during.sentAt.push(start - exportStart);
    await server.call('meetings.saveNotes', { id, notes: edit(during.times.length) });
    during.times.push(performance.now() - start);
    if (!exported) during.answeredBefore++;
    await new Promise((resolveWait) => setTimeout(resolveWait, 10));
  }
  await exporting;
  during.exportMs = performance.now() - exportStart;
  return during;
}

function duringFigure(base: { area: string; meetings: number; unit: 'ms' }, what: string, during: During): Figure {
  const slowest = during.times.indexOf(Math.max(...during.times));
  return {
    ...base,
    what,
    stat: 'p99',
    value: percentile(during.times, 99),
    target: { value: 50, text: '< 50' },
    samples: during.times.length,
    note: `${during.answeredBefore} of ${during.times.length} saves answered before the export did; p50 ${median(during.times).toFixed(1)} ms; slowest sent ${during.sentAt[slowest]?.toFixed(0)} ms into the export (which took ${during.exportMs.toFixed(0)} ms)`,
  };
}
