import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { call, createTestBackend, makeTempDir, removeTempDirs, testKeyFor, validSetup } from '../services/helpers';

/**
 * Checks the built bundles (`npm run build` and `npm run build:web` run before the tests):
 * the desktop renderer carries no browser-mode shim, and the sandboxed preload loads nothing but electron.
 */
const out = resolve('out');
const read = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'))
    .join('\n');

afterEach(removeTempDirs);

describe('built bundles', () => {
  it('exist (run `npm run build && npm run build:web` first)', () => {
    expect(existsSync(join(out, 'renderer')) && existsSync(join(out, 'web'))).toBe(true);
  });

  it('the desktop renderer does not contain the browser-mode shim', () => {
    expect(read(join(out, 'web'))).toContain('x-vertaistuki-token');
    expect(read(join(out, 'renderer'))).not.toContain('x-vertaistuki-token');
  });

  it('the preload is one CommonJS file that requires only electron', () => {
    const preload = readFileSync(join(out, 'preload/index.cjs'), 'utf8');
    const required = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(required).toEqual(['electron']);
    expect(preload).not.toMatch(/ipcRenderer\s*[,}]/); // never handed to the page as such
  });

  it('the desktop renderer ships its CSP, and the migrations and fonts travel with main', () => {
    const html = readFileSync(join(out, 'renderer/index.html'), 'utf8');
    expect(html).toMatch(/Content-Security-Policy" content="default-src 'none'; script-src 'self'/);
    expect(html).not.toContain('unsafe-eval');
    expect(readdirSync(join(out, 'main/migrations'))).toContain('0001_init.sql');
    expect(readdirSync(join(out, 'main/fonts'))).toEqual(expect.arrayContaining(['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf']));
  });

  it('each section of the renderer is a chunk of its own that the app frame does not load', () => {
    const pages = ['GroupPage', 'AgreementPage', 'MeetingsPage', 'ActionsPage', 'FeedbackPage', 'SummaryPage', 'SettingsPage'];
    for (const build of ['renderer', 'web']) {
      const assets = join(out, build, 'assets');
      const files = readdirSync(assets).filter((file) => file.endsWith('.js'));
      const chunkOf = (name: string) => files.find((file) => file.startsWith(`${name}-`));
      for (const page of pages) expect(chunkOf(page), `${build}: a chunk for ${page}`).toBeDefined();
      // what loads before the frame: the entry, the app (render) and what they import statically
      const staticImports = (file: string) => [...readFileSync(join(assets, file), 'utf8').matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)].map((m) => m[1]!);
      const frame = new Set<string>();
      const visit = (file: string | undefined) => {
        if (!file || frame.has(file)) return;
        frame.add(file);
        staticImports(file).forEach(visit);
      };
      visit(chunkOf('index'));
      visit(chunkOf('render'));
      expect(frame.size, `${build}: the frame's chunks`).toBeGreaterThan(1);
      for (const page of pages) expect(frame.has(chunkOf(page)!), `${build}: ${page} loads with the frame`).toBe(false);
    }
  });

  it('the screens a started app does not show (set-up, unlock, store problem) are chunks of their own, loaded only when shown', () => {
    const screens = ['SetupWizard', 'UnlockScreen', 'StoreProblemScreen'];
    for (const build of ['renderer', 'web']) {
      const assets = join(out, build, 'assets');
      const files = readdirSync(assets).filter((file) => file.endsWith('.js'));
      const chunkOf = (name: string) => files.find((file) => file.startsWith(`${name}-`));
      for (const screen of screens) expect(chunkOf(screen), `${build}: a chunk for ${screen}`).toBeDefined();
      const render = readFileSync(join(assets, chunkOf('render')!), 'utf8');
      // The app's own chunk names each screen only as a chunk it loads on demand.
      for (const screen of screens) expect(render, `${build}: ${screen} is imported on demand`).toMatch(new RegExp(`import\\(.\\./${screen}-[\\w-]+\\.js.\\)`));
    }
  });

  it('the export worker is built next to the main bundle, which starts it from there, and it renders in plain Node', async () => {
    expect(readFileSync(join(out, 'main/index.js'), 'utf8')).toContain('export-worker.js');
    const dataDir = makeTempDir();
    const backend = createTestBackend(dataDir);
    call(backend, 'programme.setup', validSetup());
    call(backend, 'agreement.start', { template: 'fi' });
    const worker = new Worker(join(out, 'main/export-worker.js'));
    try {
      const answer = await new Promise<{ ok: boolean; bytes?: Uint8Array; fileName?: string }>((resolveAnswer, reject) => {
        worker.once('message', resolveAnswer);
        worker.once('error', reject);
        worker.postMessage({
          id: 1,
          databasePath: backend.databasePath,
          key: testKeyFor(dataDir),
          fontsDir: join(out, 'main/fonts'),
          job: { kind: 'agreement', input: { version: null, language: 'fi', format: 'pdf' } },
        });
      });
      expect(answer.ok).toBe(true);
      expect(Buffer.from(answer.bytes!).subarray(0, 5).toString()).toBe('%PDF-');
      expect(answer.fileName).toMatch(/\.pdf$/);
    } finally {
      await worker.terminate();
      backend.close();
    }
  });
});
