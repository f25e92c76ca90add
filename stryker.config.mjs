// @ts-check
/**
 * Stryker (mutation testing) for one module of mutation/modules.mjs at a time, chosen with
 * MUTATION_MODULE; `npm run test:mutation` runs them all and checks the scores (mutation/run.mjs).
 * The vitest runner runs only that module's tests, in the `node` project of vitest.config.ts.
 */
import { existsSync } from 'node:fs';
import { MODULES } from './mutation/modules.mjs';

const name = process.env.MUTATION_MODULE ?? 'summary';
const module = MODULES.find((m) => m.name === name);
if (!module) throw new Error(`No mutation module named "${name}" (see mutation/modules.mjs).`);
// Without test files Stryker would run every test: a module names at least one that exists.
const testFiles = module.testFiles.filter((file) => existsSync(file));
if (testFiles.length === 0) throw new Error(`None of the test files of mutation module "${name}" exists.`);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // forks, as vitest runs them: the native SQLite driver and process-wide state expect a process per run.
  vitest: { configFile: 'mutation/vitest.config.ts', related: false, pool: 'forks' },
  mutate: process.env.MUTATION_MUTATE ? process.env.MUTATION_MUTATE.split(',') : module.mutate,
  testFiles,
  coverageAnalysis: 'perTest',
  concurrency: Number(process.env.MUTATION_CONCURRENCY ?? 2),
  // The machine is shared and its tests use real SQLite files: generous, never a cause of a kill.
  timeoutMS: 20_000,
  timeoutFactor: 2,
  dryRunTimeoutMinutes: 20,
  reporters: ['clear-text', 'json', 'html'],
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  htmlReporter: { fileName: `reports/mutation/${name}.html` },
  clearTextReporter: { allowEmojis: false, logTests: false, reportScoreTable: true, reportMutants: false },
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['.tmp', 'out', 'dist', 'test-results', 'playwright-report', 'reports', 'bench/results', 'test/e2e'],
  thresholds: { high: module.target, low: module.target - 10, break: null },
};
