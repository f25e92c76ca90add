import { median, percentile, sample, type Figure } from './lib/stats';
import { openBackend, programme } from './programme';
import type { BenchContext } from './lib/context';

/** Read models the screens load, in process (the dispatcher's cost without transport). */
const AREA = 'reads';
const CALLS = ['feedback.trend', 'summary.preview', 'plan.list', 'meetings.overview'] as const;

export async function reads({ meetings, samples, log }: BenchContext): Promise<Figure[]> {
  const copy = await programme(meetings, log);
  const backend = openBackend(copy.dataDir, copy.key);
  const figures: Figure[] = [];
  for (const name of CALLS) {
    const times = await sample(samples.reads, () => {
      const result = backend.dispatch(name, undefined);
      if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    });
    figures.push({
      area: AREA,
      meetings,
      unit: 'ms',
      what: name,
      stat: 'p50',
      value: median(times),
      target: { value: 50, text: '< 50 at 999' },
      samples: times.length,
      note: `p99 ${percentile(times, 99).toFixed(1)} ms`,
    });
  }
  backend.close();
  copy.remove();
  return figures;
}
