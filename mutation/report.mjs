/**
 * Reads Stryker's JSON reports (reports/mutation/<module>.json) and scores them per file, the way
 * Stryker does: (killed + timed out) / (killed + timed out + survived + not covered). Mutants listed
 * in mutation/equivalent.json (each with its reason) are shown apart: the score is given with and
 * without them, never silently.
 */
import { readFileSync } from 'node:fs';

const EQUIVALENT = JSON.parse(readFileSync(new URL('./equivalent.json', import.meta.url), 'utf8'));

const KILLED = new Set(['Killed', 'Timeout']);
const COUNTED = new Set(['Killed', 'Timeout', 'Survived', 'NoCoverage']);

/** The source text a mutant replaces: how equivalent.json names it, so that line moves do not matter. */
export function originalOf(source, { start, end }) {
  const lines = source.split('\n');
  if (start.line === end.line) return lines[start.line - 1].slice(start.column - 1, end.column - 1);
  return [lines[start.line - 1].slice(start.column - 1), ...lines.slice(start.line, end.line - 1), lines[end.line - 1].slice(0, end.column - 1)].join('\n');
}

const squash = (text) => text.replace(/\s+/g, ' ').trim();

function equivalentOf(file, mutant, original) {
  return EQUIVALENT.find(
    (e) => e.file === file && e.mutator === mutant.mutatorName && squash(e.original) === squash(original) && squash(e.replacement) === squash(mutant.replacement),
  );
}

/** Per file: counts, raw score, score without the listed equivalent mutants, and what survived. */
export function scoreReport(report) {
  return Object.entries(report.files).map(([file, { mutants, source }]) => {
    const counts = { killed: 0, survived: 0, noCoverage: 0, equivalent: 0, other: 0 };
    const survivors = [];
    for (const mutant of mutants) {
      if (!COUNTED.has(mutant.status)) {
        counts.other += 1;
        continue;
      }
      if (KILLED.has(mutant.status)) {
        counts.killed += 1;
        continue;
      }
      const original = originalOf(source, mutant.location);
      if (equivalentOf(file, mutant, original)) {
        counts.equivalent += 1;
        continue;
      }
      if (mutant.status === 'Survived') counts.survived += 1;
      else counts.noCoverage += 1;
      survivors.push({ line: mutant.location.start.line, mutator: mutant.mutatorName, original: squash(original).slice(0, 120), replacement: squash(mutant.replacement).slice(0, 120), status: mutant.status });
    }
    const total = counts.killed + counts.survived + counts.noCoverage + counts.equivalent;
    const raw = total === 0 ? 100 : (100 * counts.killed) / total;
    const adjusted = total - counts.equivalent === 0 ? 100 : (100 * counts.killed) / (total - counts.equivalent);
    return { file, total, ...counts, raw, adjusted, survivors };
  });
}

/** Listed equivalents that no report shows any more (the code changed): the list must be kept true. */
export function staleEquivalents(reports) {
  return EQUIVALENT.filter(
    (e) =>
      reports.some((r) => e.file in r.files) &&
      !reports.some((r) => {
        const f = r.files[e.file];
        return f?.mutants.some((m) => equivalentOf(e.file, m, originalOf(f.source, m.location)));
      }),
  );
}
