import type { Figure } from './lib/stats';
import type { BenchContext } from './lib/context';
import { benchStorage } from './storage';

/**
 * Encryption's cost (bench/storage.ts, `npm run bench:storage`) as figures of `npm run bench`:
 * measured once, on its own 6-meeting programme, with the smallest size of the run.
 */
export async function storage({ meetings, smoke }: BenchContext): Promise<Figure[]> {
  if (meetings !== 6) return [];
  const result = await benchStorage(smoke ? 10 : 300, smoke ? 3 : 40);
  const base = { area: 'storage', meetings, unit: 'ms' as const };
  const [open, plain, encrypted] = result.rows;
  return [
    { ...base, what: 'open the encrypted store', stat: 'p50', value: open!.median, samples: smoke ? 3 : 40 },
    {
      ...base,
      what: 'autosave 20 KB, encrypted store',
      stat: 'p99',
      value: encrypted!.p99,
      floor: { what: 'the same save on a plain SQLite file', value: plain!.p99 },
      samples: smoke ? 10 : 300,
    },
    { ...base, unit: '×', what: 'autosave p99, encrypted ÷ plain (interleaved)', stat: 'ratio p99', value: result.autosaveP99Ratio, target: { value: 2, text: '< 2×' }, samples: smoke ? 10 : 300 },
  ];
}
