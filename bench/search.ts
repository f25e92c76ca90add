import { percentile, sample, type Figure } from './lib/stats';
import { openBackend, programme } from './programme';
import type { BenchContext } from './lib/context';

/** Full-text search (FTS5) over every meeting's 20 KB of notes. */
const QUERIES = ['kehitys', 'työhyvin', 'esihenkilö palaute', 'ulosotto', 'sopimus tavoite', 'ilmap', 'ei-löydy-mitään'];

export async function search({ meetings, samples, log }: BenchContext): Promise<Figure[]> {
  const copy = await programme(meetings, log);
  const backend = openBackend(copy.dataDir, copy.key);
  const times: number[] = [];
  for (let round = 0; round < samples.search; round++) {
    for (const query of QUERIES) {
      times.push(
        ...(await sample(1, () => {
          const result = backend.dispatch('search.query', { query });
          if (!result.ok) throw new Error(result.error.message);
        })),
      );
    }
  }
  backend.close();
  copy.remove();
  return [
    { area: 'search', meetings, unit: 'ms', what: 'search.query over 20 KB notes each', stat: 'p99', value: percentile(times, 99), target: { value: 50, text: '< 50' }, samples: times.length },
  ];
}
