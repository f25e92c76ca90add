// `npm run dist`, after the build: electron-builder with signing decided by scripts/signing.mjs.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { describePlan, signingPlan } from './signing.mjs';

const plan = signingPlan(process.env);
if (plan.problems.length > 0) {
  for (const problem of plan.problems) console.error(`Not building: ${problem}`);
  process.exit(1);
}
console.log(describePlan(plan));

const require = createRequire(import.meta.url);
const cli = require.resolve('electron-builder/cli.js');
const result = spawnSync(process.execPath, [cli, '--config', 'electron-builder.yml', ...plan.args, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, ...plan.env },
});
process.exit(result.status ?? 1);
