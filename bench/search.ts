import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Database } from 'better-sqlite3';
import { PAGE_CACHE_KIB } from '../electron/main/services/db/connection';
import { openFile, type DataKey } from '../electron/main/services/db/driver';
import { search as searchIn } from '../electron/main/services/meetings/search';
import { percentile, sample, type Figure } from './lib/stats';
import { openBackend, programme } from './programme';
import type { BenchContext } from './lib/context';

/**
 * Full-text search (FTS5) over every meeting's 20 KB of notes. The floor: the same search code on
 * an unencrypted copy of the same store (same page cache), query by query in turn with the app's
 * calls, so that the figure shows what encryption costs on this machine now.
 */
const QUERIES = ['kehitys', 'työhyvin', 'esihenkilö palaute', 'ulosotto', 'sopimus tavoite', 'ilmap', 'ei-löydy-mitään'];

export async function search({ meetings, samples, log }: BenchContext): Promise<Figure[]> {
  const copy = await programme(meetings, log);
  const plain = plainCopy(copy.databasePath, copy.key, join(copy.dataDir, 'plain.sqlite'));
  const backend = openBackend(copy.dataDir, copy.key);
  const times: number[] = [];
  const floor: number[] = [];
  for (let round = 0; round < samples.search; round++) {
    for (const query of QUERIES) {
      times.push(
        ...(await sample(1, () => {
          const result = backend.dispatch('search.query', { query });
          if (!result.ok) throw new Error(result.error.message);
        })),
      );
      floor.push(...(await sample(1, () => void searchIn(plain, { query }))));
    }
  }
  plain.close();
  backend.close();
  copy.remove();
  return [
    { area: 'search', meetings, unit: 'ms', what: 'search.query over 20 KB notes each', stat: 'p99', value: percentile(times, 99), target: { value: 50, text: '< 50' }, samples: times.length,
      floor: { what: 'same search on an unencrypted copy, in turn', value: percentile(floor, 99) },
      note: `p50 ${percentile(times, 50).toFixed(1)} ms (unencrypted ${percentile(floor, 50).toFixed(1)} ms)`,
    },
  ];
}

/** An unencrypted copy of the store (bench data only), opened as the app opens its store. */
function plainCopy(path: string, key: DataKey, target: string): Database {
  const source = openFile(path, key, { fileMustExist: true });
  source.prepare('VACUUM INTO ?').run(`${pathToFileURL(target).href}?cipher=sqlcipher&key=`); // an empty key: plain
  source.close();
  const plain = openFile(target, null, { fileMustExist: true });
  plain.pragma('journal_mode = WAL');
  plain.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
  return plain;
}
