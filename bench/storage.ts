import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { Database } from 'better-sqlite3';
import { closeDatabase, openDatabase } from '../electron/main/services/db/connection';
import { openFile, vacuumInto } from '../electron/main/services/db/driver';
import { loadMigrations } from '../electron/main/services/db/migrate';
import { createDispatch } from '../electron/main/services/dispatch';
import type { Handlers } from '../electron/main/services/handlers';
import { meetingHandlers } from '../electron/main/services/meetings/handlers';
import { buildProgramme, MIGRATIONS_DIR, text } from './programme';

/**
 * `npm run bench:storage`: what encryption at rest costs.
 * - Opening the encrypted store (key, quick_check, pragmas, migration check).
 * - The autosave round trip (meetings.saveNotes of 20 KB notes, synchronous=FULL, WAL) on the same
 *   data as a plain SQLite file and as the encrypted store, interleaved in one run so that both
 *   see the same machine; the target is encrypted p99 < 2 × plain p99.
 */
export interface StorageBenchRow {
  name: string;
  median: number;
  p99: number;
}

export interface StorageBenchResult {
  rows: StorageBenchRow[];
  /** Encrypted autosave p99 / plain autosave p99. */
  autosaveP99Ratio: number;
  ok: boolean;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};
const row = (name: string, samples: number[]): StorageBenchRow => ({ name, median: percentile(samples, 50), p99: percentile(samples, 99) });

/** The same handlers the app uses, over one connection. */
function saver(db: Database) {
  const { dispatch } = createDispatch(meetingHandlers(db) as unknown as Handlers, () => undefined);
  return (id: number, notes: string) => {
    const start = performance.now();
    const result = dispatch('meetings.saveNotes', { id, notes });
    const took = performance.now() - start;
    if (!result.ok) throw new Error(result.error.message);
    return took;
  };
}

export async function benchStorage(saves = 300, opens = 40): Promise<StorageBenchResult> {
  const { backend, dataDir, meetingIds, keys } = await buildProgramme(6, 20_000);
  if (keys.start.kind !== 'key') throw new Error('the bench programme has a fixed key');
  const programmeKey = keys.start.key;
  const id = meetingIds[0]!;
  backend.close();
  const migrations = loadMigrations(MIGRATIONS_DIR);
  const key = randomBytes(32);

  // The same data twice: a plain SQLite file (as 0.1 kept it) and the encrypted store.
  const work = mkdtempSync(join(tmpdir(), 'vertaistuki-bench-storage-'));
  const image = (() => {
    const reader = openDatabase({ path: join(dataDir, 'vertaistuki.sqlite'), key: programmeKey, migrations });
    try {
      return reader.serialize();
    } finally {
      reader.close();
    }
  })();
  const plainPath = join(work, 'plain.sqlite');
  writeFileSync(plainPath, image);
  const plain = openFile(plainPath, null, { fileMustExist: true });
  plain.pragma('journal_mode = WAL');
  plain.pragma('synchronous = FULL');
  plain.pragma('foreign_keys = ON');
  const encryptedPath = join(work, 'encrypted', 'vertaistuki.sqlite');
  mkdirSync(join(work, 'encrypted'), { mode: 0o700 });
  vacuumInto(plain, encryptedPath, key);
  const encrypted = openDatabase({ path: encryptedPath, key, migrations });

  const savePlain = saver(plain);
  const saveEncrypted = saver(encrypted);
  const plainSamples: number[] = [];
  const encryptedSamples: number[] = [];
  let notes = text(20_000, 7);
  for (let i = 0; i < saves; i += 1) {
    notes += ` lisäys ${i}`;
    // Alternate which goes first, so neither always meets a warm cache.
    if (i % 2 === 0) {
      plainSamples.push(savePlain(id, notes));
      encryptedSamples.push(saveEncrypted(id, notes));
    } else {
      encryptedSamples.push(saveEncrypted(id, notes));
      plainSamples.push(savePlain(id, notes));
    }
  }
  plain.close();
  closeDatabase(encrypted);

  const openSamples: number[] = [];
  for (let i = 0; i < opens; i += 1) {
    const start = performance.now();
    const db = openDatabase({ path: encryptedPath, key, migrations });
    openSamples.push(performance.now() - start);
    closeDatabase(db);
  }
  rmSync(work, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });

  const plainRow = row('autosave round trip, plain SQLite (ms)', plainSamples);
  const encryptedRow = row('autosave round trip, encrypted (ms)', encryptedSamples);
  const ratio = encryptedRow.p99 / plainRow.p99;
  return { rows: [row('open the encrypted store (ms)', openSamples), plainRow, encryptedRow], autosaveP99Ratio: ratio, ok: ratio < 2 };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await benchStorage();
  console.table(result.rows.map((r) => ({ ...r, median: r.median.toFixed(2), p99: r.p99.toFixed(2) })));
  console.log(`encrypted / plain autosave p99: ${result.autosaveP99Ratio.toFixed(2)}× (target < 2×) ${result.ok ? 'OK' : 'MISSED'}`);
  if (!result.ok) process.exitCode = 1;
}
