import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { openFile } from '../../electron/main/services/db/driver';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
/** The built renderer to serve; another folder can be given so parallel builds do not collide. */
const WEB_DIR = process.env['VERTAISTUKI_WEB_DIR'] ?? join(ROOT, 'out/web');

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  process: ChildProcess;
}

/** Starts browser mode as its own process, as a user would, and waits for its READY line. */
export function startServer(dataDir: string, extraArgs: string[] = []): Promise<RunningServer> {
  return new Promise((resolveStart, reject) => {
    // Browser mode keeps the store's key in a key file in the data folder (made on its first start).
    const child = spawn(TSX, ['electron/main/browser-mode/cli.ts', '--data-dir', dataDir, '--static', WEB_DIR, ...extraArgs], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const timer = setTimeout(() => reject(new Error(`browser mode did not start:\n${output}`)), 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((l) => l.startsWith('READY '));
      if (!line) return;
      clearTimeout(timer);
      const ready = JSON.parse(line.slice('READY '.length)) as Omit<RunningServer, 'process'>;
      resolveStart({ ...ready, process: child });
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser mode exited with ${code}:\n${output}`));
    });
  });
}

/** Opens browser mode's encrypted store directly (read-only), with the key from its key file. */
export function openStore(dataDir: string) {
  const keyFile = JSON.parse(readFileSync(join(dataDir, 'vertaistuki.key'), 'utf8')) as { os: { data: string } };
  return openFile(join(dataDir, 'vertaistuki.sqlite'), Buffer.from(keyFile.os.data, 'base64'), { readonly: true, fileMustExist: true });
}

/** Stops the server the way a window close does (SIGTERM: the store is closed cleanly). */
export async function stopServer(server: RunningServer, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (server.process.exitCode !== null || server.process.signalCode !== null) return;
  await new Promise<void>((done) => {
    const force = setTimeout(() => server.process.kill('SIGKILL'), 10_000);
    server.process.once('exit', () => {
      clearTimeout(force);
      done();
    });
    server.process.kill(signal);
  });
}

interface AppFixture {
  dataDir: string;
  server: RunningServer;
  /** Stops the server and starts a new one on the same data folder; opens the app again. */
  restart: (whileStopped?: () => Promise<void>) => Promise<RunningServer>;
  open: () => Promise<void>;
}

export const test = base.extend<{ app: AppFixture; cspViolations: string[] }>({
  cspViolations: async ({ page }, use) => {
    const violations: string[] = [];
    await page.exposeFunction('__reportCsp', (text: string) => violations.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        (window as unknown as { __reportCsp: (t: string) => void }).__reportCsp(
          `${event.violatedDirective} ${event.sourceFile}:${event.lineNumber}`,
        );
      });
    });
    await use(violations);
    expect(violations, 'no Content-Security-Policy violations').toEqual([]);
  },
  app: async ({ page, cspViolations: _csp }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'vertaistuki-e2e-'));
    let server = await startServer(dataDir);
    const fixture: AppFixture = {
      dataDir,
      get server() {
        return server;
      },
      restart: async (whileStopped) => {
        await stopServer(server);
        await whileStopped?.();
        server = await startServer(dataDir);
        await page.goto(server.url);
        await page.waitForFunction(() => 'vertaistuki' in window);
        return server;
      },
      open: async () => {
        await page.goto(server.url);
        await page.waitForFunction(() => 'vertaistuki' in window);
      },
    };
    await use(fixture);
    await stopServer(server);
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };

/** Types a date into a react-aria date field (day, month, year in both fi-FI and en-GB). */
export async function fillDate(page: Page, label: string, iso: string): Promise<void> {
  const [year, month, day] = iso.split('-');
  const group = page.getByRole('group', { name: label, exact: true });
  await group.getByRole('spinbutton').first().click();
  await page.keyboard.type(`${day}${month}${year}`);
}

export const SEED = {
  programme: {
    name: 'Esihenkilöiden vertaismentorointi 2026–2027',
    organisation: 'Itä-Suomen ulosottovirasto',
    facilitatorName: 'Päivi Äijälä',
    startDate: '2026-09-01',
    endDate: '2027-02-28',
  },
  members: [
    { name: 'Önni Mäkelä', role: 'Toimistopäällikkö', email: 'onni.makela@example.fi' },
    { name: 'Sari Järvinen', role: 'Esihenkilö', email: '' },
    { name: 'Jukka Kärkkäinen', role: '', email: '' },
    { name: 'Liisa Öhman', role: 'Tiiminvetäjä', email: '' },
  ],
};

/** Sets the group up through the same API the set-up screen uses, then shows the app. */
export async function seedGroup(page: Page, app: { open: () => Promise<void> }): Promise<void> {
  await app.open();
  const result = await page.evaluate(
    (input) => (window as unknown as { vertaistuki: Record<string, (i: unknown) => Promise<{ ok: boolean }>> }).vertaistuki['programme.setup']!(input),
    SEED,
  );
  expect(result.ok).toBe(true);
  await page.reload();
  await page.waitForFunction(() => 'vertaistuki' in window);
}

/** Calls the app's API from the page, exactly as the renderer does. */
export function apiCall(page: Page, name: string, input?: unknown) {
  return page.evaluate(
    ([callName, callInput]) =>
      (window as unknown as { vertaistuki: Record<string, (i: unknown) => Promise<unknown>> }).vertaistuki[callName as string]!(callInput),
    [name, input] as const,
  ) as Promise<{ ok: true; value: unknown } | { ok: false; error: { code: string; message: string; issues?: { path: string; message: string }[] } }>;
}
