import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDirs } from '../services/helpers';

/**
 * The security gate: Electronegativity over the built app (`npm run build` runs first in npm test).
 * Every finding must be in electronegativity-accepted.json with a one-line reason; a new finding fails.
 */
interface Finding {
  id: string;
  file: string;
  line: number;
  code: string;
  manualReview: boolean;
  description: string;
}
interface Scan {
  electronVersion: string;
  atomicChecks: number;
  globalChecks: number;
  findings: Finding[];
}
interface Accepted {
  id: string;
  file: string;
  code: string;
  reason: string;
}

const ROOT = resolve(import.meta.dirname, '../..');

function scan(dir?: string): Promise<Scan> {
  return new Promise((done, fail) => {
    execFile(process.execPath, [join(ROOT, 'scripts/electronegativity.mjs'), ...(dir ? [dir] : [])], { cwd: ROOT, maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      if (error) fail(new Error(`electronegativity failed: ${stderr}`));
      else done(JSON.parse(stdout) as Scan);
    });
  });
}

/** Findings no accepted entry covers, and accepted entries no finding needs (each entry covers one finding). */
function compare(findings: Finding[], accepted: Accepted[]) {
  const unused = [...accepted];
  const unaccepted = findings.filter((finding) => {
    const index = unused.findIndex((entry) => entry.id === finding.id && entry.file === finding.file && entry.code === finding.code);
    if (index === -1) return true;
    unused.splice(index, 1);
    return false;
  });
  return { unaccepted, stale: unused };
}

const accepted = (JSON.parse(readFileSync(join(ROOT, 'test/config/electronegativity-accepted.json'), 'utf8')) as { accepted: Accepted[] }).accepted;

afterAll(removeTempDirs);

describe('Electronegativity on the built app', () => {
  it('finds nothing that was not reviewed and accepted, and the accepted list has nothing stale', { timeout: 120_000 }, async () => {
    const result = await scan();
    expect(result.electronVersion).toBe(JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')).version);
    expect(result.atomicChecks).toBeGreaterThan(30); // the premise: the checks really ran
    expect(result.globalChecks).toBeGreaterThanOrEqual(4);
    const { unaccepted, stale } = compare(result.findings, accepted);
    expect(unaccepted.map(({ id, file, line, code, description }) => `${id} ${file}:${line} ${code} — ${description}`)).toEqual([]);
    expect(stale).toEqual([]);
  });

  it('each accepted finding has a one-line reason', () => {
    for (const entry of accepted) {
      expect(entry.reason, entry.id).toMatch(/^[^\n]{20,300}$/);
    }
  });

  it('fails on a new finding: a window with Node and without isolation is caught', { timeout: 120_000 }, async () => {
    const dir = makeTempDir('vertaistuki-electronegativity-');
    mkdirSync(join(dir, 'main'));
    writeFileSync(
      join(dir, 'main/index.js'),
      "import { BrowserWindow } from 'electron';\nconst w = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });\nw.loadURL('http://example.com/');\n",
    );
    const { unaccepted } = compare((await scan(dir)).findings, accepted);
    // Including the global checks our app passes: no navigation limits, no permission handler.
    expect(unaccepted.map((finding) => finding.id)).toEqual(
      expect.arrayContaining([
        'CONTEXT_ISOLATION_JS_CHECK',
        'SANDBOX_JS_CHECK',
        'HTTP_RESOURCES_JS_CHECK',
        'LIMIT_NAVIGATION_GLOBAL_CHECK',
        'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
      ]),
    );
  });
});
