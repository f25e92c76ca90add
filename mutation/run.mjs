#!/usr/bin/env node
/**
 * npm run test:mutation [-- --modules summary,closing] [-- --core] [-- --no-sql] [-- --sql-only]
 *   [-- --sql-tests a.test.ts,b.test.ts]  (every SQL mutant against these tests instead of its own)
 *   [-- --sql-mutants id,id]              (only these SQL mutants)
 *   [-- --scores-only]                    (score the last Stryker reports again without running Stryker)
 * npm run test:mutation:sample            (the fixed sample `npm test` runs: module `sample`, two SQL mutants)
 *
 * Runs Stryker once per module of mutation/modules.mjs (each with only its own tests), then the
 * hand-made SQL mutants (mutation/sql-mutants.mjs), prints one score table and writes it to
 * reports/mutation/scores.md. Fails when a module scores under its target (listed equivalent
 * mutants aside, see mutation/equivalent.json) or when any SQL mutant survives.
 * `--core` is the confidentiality core that `npm test` runs: the summary and feedback's one door.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { MODULES } from './modules.mjs';
import { scoreReport, staleEquivalents } from './report.mjs';
import { runSqlMutants } from './sql-mutants.mjs';
import { recheckStaticSurvivors } from './static-recheck.mjs';

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
};
const core = args.includes('--core');
const named = option('--modules')?.split(',');
// The sample module is a subset of the others: it runs only when named.
const modules = MODULES.filter((m) => (named ? named.includes(m.name) : !m.sample && (core ? m.core : true)));
if (named && modules.length !== named.length) throw new Error(`Unknown module in ${named.join(',')}; see mutation/modules.mjs.`);
const withStryker = !args.includes('--sql-only');
const withSql = !args.includes('--no-sql') && (!core || args.includes('--sql'));

const lines = [];
const say = (line = '') => {
  lines.push(line);
  console.log(line);
};
const seconds = (from) => Math.round((Date.now() - from) / 1000);
let failed = false;
const reports = [];

if (withStryker) {
  for (const module of modules) {
    const started = Date.now();
    if (!args.includes('--scores-only')) {
      const run = spawnSync('stryker', ['run'], { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, MUTATION_MODULE: module.name } });
      if (run.status !== 0) {
        say(`Stryker failed on module ${module.name} (exit ${run.status}).`);
        failed = true;
        continue;
      }
    }
    const report = JSON.parse(readFileSync(`reports/mutation/${module.name}.json`, 'utf8'));
    const rechecked = recheckStaticSurvivors(report, module.testFiles.filter((file) => existsSync(file)));
    reports.push({ module, report, rechecked, seconds: seconds(started) });
  }
  say('');
  say('| module | file | mutants | killed | survived | no coverage | listed equivalent | score | without equivalents | target | time |');
  say('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  const survivors = [];
  for (const { module, report, rechecked, seconds: time } of reports) {
    if (rechecked > 0) say(`| ${module.name} | (${rechecked} static survivors re-run by hand, see mutation/static-recheck.mjs) | | | | | | | | | |`);
    for (const [index, row] of scoreReport(report).entries()) {
      const short = row.file.replace('electron/main/services/', '');
      const ok = row.adjusted >= module.target;
      if (!ok) failed = true;
      say(
        `| ${index === 0 ? module.name : ''} | ${short} | ${row.total} | ${row.killed} | ${row.survived} | ${row.noCoverage} | ${row.equivalent} | ${row.raw.toFixed(1)} % | ${row.adjusted.toFixed(1)} %${ok ? '' : ' (under target)'} | ${module.target} % | ${index === 0 ? `${time} s` : ''} |`,
      );
      for (const s of row.survivors) survivors.push(`${short}:${s.line} ${s.mutator} ${s.status}: \`${s.original}\` → \`${s.replacement}\``);
    }
  }
  const stale = staleEquivalents(reports.map((r) => r.report));
  if (stale.length > 0) {
    failed = true;
    say('');
    say('Listed as equivalent but no longer found (update mutation/equivalent.json):');
    for (const e of stale) say(`- ${e.file} ${e.mutator}: \`${e.original}\` → \`${e.replacement}\``);
  }
  if (survivors.length > 0) {
    say('');
    say('Surviving mutants (not listed as equivalent):');
    for (const s of survivors) say(`- ${s}`);
  }
}

if (withSql) {
  const started = Date.now();
  const results = await runSqlMutants({ only: option('--sql-mutants')?.split(','), tests: option('--sql-tests')?.split(',') });
  const killed = results.filter((r) => r.killed).length;
  say('');
  say(`Hand-made SQL mutants: ${killed}/${results.length} killed (${seconds(started)} s).`);
  say('');
  say('| mutant | area | killed by |');
  say('| --- | --- | --- |');
  for (const r of results) {
    const by = r.killed ? `${r.killedBy}${r.survives ? ' (listed as surviving: take it off the list)' : ''}` : r.survives ? `survived, listed: ${r.survives}` : '**survived**';
    say(`| ${r.id} | ${r.area} | ${by} |`);
  }
  if (results.some((r) => r.killed === Boolean(r.survives))) failed = true;
}

mkdirSync('reports/mutation', { recursive: true });
writeFileSync('reports/mutation/scores.md', `${lines.join('\n')}\n`);
if (failed) {
  console.error('\nMutation testing: a score is under its target or a mutant survived (see above).');
  process.exit(1);
}
