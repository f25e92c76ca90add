import { MIN_ANSWERS_TO_REPORT, type ChoiceAggregate, type ScaleAggregate } from '@shared/domain';

/**
 * Aggregates always carry their number of answers, and say whether that number is enough to
 * report (the minimum-answers rule). Pure functions: the rule is tested without a database.
 */
export const isReportable = (n: number): boolean => n >= MIN_ANSWERS_TO_REPORT;

/** Mean to two decimals, a count per score 1…max, and n. */
export function scaleAggregate(scores: readonly number[], max: number): ScaleAggregate {
  const distribution = Array.from({ length: max }, () => 0);
  for (const score of scores) {
    if (!Number.isInteger(score) || score < 1 || score > max) throw new RangeError(`Score ${score} is outside 1–${max}.`);
    distribution[score - 1] = (distribution[score - 1] ?? 0) + 1;
  }
  const n = scores.length;
  const mean = n === 0 ? null : Math.round((scores.reduce((sum, s) => sum + s, 0) / n) * 100) / 100;
  return { n, mean, distribution, reportable: isReportable(n) };
}

/** A count per option, in the options' order; answers outside the options are refused. */
export function choiceAggregate(choices: readonly string[], options: readonly string[]): ChoiceAggregate {
  const counts = options.map((option) => ({ option, count: 0 }));
  for (const choice of choices) {
    const entry = counts.find((c) => c.option === choice);
    if (!entry) throw new RangeError(`"${choice}" is not one of the options.`);
    entry.count += 1;
  }
  return { n: choices.length, counts, reportable: isReportable(choices.length) };
}

/** End minus start, only when both sides may be reported. */
export function changeBetween(start: ScaleAggregate | null, end: ScaleAggregate | null): number | null {
  if (!start?.reportable || !end?.reportable || start.mean === null || end.mean === null) return null;
  return Math.round((end.mean - start.mean) * 100) / 100;
}
