/**
 * One figure of the bench: what was measured, at which programme size, the headline statistic,
 * its target and, where one exists, the physical floor measured in the same run.
 */
export interface Figure {
  area: string;
  what: string;
  /** Meetings in the programme the figure was measured on. */
  meetings: number;
  unit: 'ms' | 'MiB' | '×';
  /** Which statistic `value` is: p50, p99, peak, ratio. */
  stat: string;
  /** null: nothing to report (e.g. every sample fell below what the browser reports). */
  value: number | null;
  /** When value is null because all samples were below a reporting threshold, that threshold. */
  below?: number;
  /** `value` absent: a target in words only (e.g. "flat in meetings"). */
  target?: { value?: number; text: string };
  floor?: { what: string; value: number };
  samples: number;
  note?: string;
}

export const percentile = (values: readonly number[], p: number): number => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
};

export const median = (values: readonly number[]) => percentile(values, 50);

export const MiB = (bytes: number) => bytes / (1024 * 1024);

/** Times `run` `count` times; returns the samples in ms. */
export async function sample(count: number, run: (i: number) => unknown): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await run(i);
    samples.push(performance.now() - start);
  }
  return samples;
}

export const meets = (figure: Figure): boolean | undefined => {
  if (figure.target?.value === undefined) return undefined;
  if (figure.value === null) return figure.below !== undefined && figure.below <= figure.target.value;
  return figure.value <= figure.target.value;
};
