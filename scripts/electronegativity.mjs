// Runs Electronegativity (Doyensec's Electron security scanner) over the built app in `out/` and
// prints its findings as one JSON object: each finding's check id, file, line and that line's code.
// test/config/electronegativity.test.ts compares them with test/config/electronegativity-accepted.json.
// The CLI exits 0 whatever it finds, so only its output counts. Usage: node scripts/electronegativity.mjs [dir]
//
// Offline on purpose: the CLI fetches its translations from the network on every run, and its
// AvailableSecurityFixesGlobalCheck fetches Electron's release list. The first is replaced by the
// English strings it ships; the second check is left out (the Electron version is pinned in
// package.json and upgraded deliberately).
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const root = resolve(import.meta.dirname, '..');

/**
 * By default, what the installers ship: out/main, out/preload and out/renderer (not out/web, the
 * browser-mode build), copied side by side so that the global checks see them together.
 */
function shippedCopy() {
  const dir = mkdtempSync(join(tmpdir(), 'vertaistuki-electronegativity-'));
  for (const part of ['main', 'preload', 'renderer']) {
    cpSync(join(root, 'out', part), join(dir, 'out', part), { recursive: true, filter: (path) => !/\.(ttf|sql)$/.test(path) });
  }
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
const given = process.argv[2];
const scanRoot = given ? root : shippedCopy();
const input = given ? resolve(root, given) : join(scanRoot, 'out');
const packageDir = dirname(require.resolve('@doyensec/electronegativity/package.json'));
const i18nModule = join(packageDir, 'dist/locales/i18n.js');

const localI18n = async () => {
  const i18n = require(require.resolve('i18n', { paths: [packageDir] }));
  i18n.configure({
    locales: ['en-US'],
    defaultLocale: 'en-US',
    directory: dirname(i18nModule),
    updateFiles: false,
    objectNotation: true,
    register: global,
  });
  i18n.setLocale('en-US');
};
require.cache[i18nModule] = { id: i18nModule, filename: i18nModule, loaded: true, exports: { __esModule: true, default: localI18n } };

const run = require(join(packageDir, 'dist/runner.js'));
const electronVersion = require('electron/package.json').version;

run({
  input,
  customScan: [],
  excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
  electronVersionOverride: electronVersion,
  parserPlugins: [],
})
  .then(({ issues, errors, atomicChecks, globalChecks }) => {
    if (errors.length > 0) throw new Error(`Electronegativity could not parse: ${errors.map((e) => `${e.file}: ${e.message}`).join(", ")}`);
    const codeAt = (file, line) => {
      if (!isAbsolute(file)) return ''; // global checks report 'N/A'
      return (readFileSync(file, 'utf8').split('\n')[line - 1] ?? '').trim().slice(0, 160);
    };
    const findings = issues.map((issue) => ({
      id: issue.id,
      file: isAbsolute(issue.file) ? relative(scanRoot, issue.file).split('\\').join('/') : issue.file,
      line: issue.location.line,
      code: codeAt(issue.file, issue.location.line),
      manualReview: Boolean(issue.manualReview),
      description: issue.description,
    }));
    process.stdout.write(`${JSON.stringify({ electronVersion, atomicChecks, globalChecks, findings })}\n`);
  })
  .catch((error) => {
    console.error(`Electronegativity failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
