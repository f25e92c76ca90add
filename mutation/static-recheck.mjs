/**
 * Stryker 10.1.1's vitest runner activates a static mutant (one in code that runs while the module
 * loads, such as a top-level arrow function) only after the module has loaded whenever the tests
 * are narrowed with testFiles, so such a mutant is reported Survived without ever having been
 * active (stryker-js#6144, #6209). Each static survivor is therefore applied here by hand, in a
 * copy of the repository, and the module's own tests are run on it: a failing run is a kill,
 * marked `Killed` with statusReason 'static re-check'; a passing run leaves it Survived.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { firstFailure, makeSandbox, SANDBOX, vitest } from './sql-mutants.mjs';

/** Offset of a 1-based line and column in text. */
function offsetOf(text, { line, column }) {
  let at = 0;
  for (let l = 1; l < line; l += 1) at = text.indexOf('\n', at) + 1;
  return at + column - 1;
}

/** The source with one mutant applied. */
export function applyMutant(source, { location, replacement }) {
  return source.slice(0, offsetOf(source, location.start)) + replacement + source.slice(offsetOf(source, location.end));
}

/** Re-checks the static survivors of one module's report in place; returns how many it re-ran. */
export function recheckStaticSurvivors(report, testFiles) {
  const suspects = Object.entries(report.files).flatMap(([file, { mutants, source }]) =>
    mutants.filter((m) => m.static && m.status === 'Survived').map((mutant) => ({ file, source, mutant })),
  );
  if (suspects.length === 0) return 0;
  makeSandbox();
  try {
    for (const { file, source, mutant } of suspects) {
      const path = join(SANDBOX, file);
      writeFileSync(path, applyMutant(source, mutant));
      try {
        const run = vitest(testFiles);
        if (run.status !== 0) {
          mutant.status = 'Killed';
          mutant.statusReason = `static re-check: ${firstFailure(`${run.stdout}\n${run.stderr}`)}`;
        }
        console.log(`static re-check ${mutant.status === 'Killed' ? 'killed  ' : 'SURVIVED'} ${file}:${mutant.location.start.line} ${mutant.mutatorName}`);
      } finally {
        writeFileSync(path, readFileSync(file, 'utf8'));
      }
    }
  } finally {
    rmSync(SANDBOX, { recursive: true, force: true });
  }
  return suspects.length;
}
