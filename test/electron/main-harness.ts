import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { vi } from 'vitest';
import type * as FakeElectron from './fake-electron';

/** The built main bundle (`npm run build`): what the installed app runs, with its migrations beside it. */
export const MAIN_BUNDLE = resolve('out/main/index.js');

/** Refuses to test a bundle older than main's sources: a stale build would prove nothing. */
function assertBundleIsCurrent(): void {
  const built = statSync(MAIN_BUNDLE, { throwIfNoEntry: false });
  if (!built) throw new Error('out/main/index.js is missing: run `npm run build` first.');
  const sources = readdirSync(resolve('electron/main'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
  const newer = sources.find((file) => statSync(file).mtimeMs > built.mtimeMs);
  if (newer) throw new Error(`${newer} is newer than out/main/index.js: run \`npm run build\` first.`);
}

const launched: (typeof FakeElectron)[] = [];

/** Call from afterEach: quits every app launched, so each closes its store. */
export function quitAll(): void {
  for (const electron of launched.splice(0)) electron.app.quit();
}

export interface Launch {
  isPackaged?: boolean;
  env?: Record<string, string>;
  argv?: string[];
  /** False: another instance already holds the single-instance lock. */
  lock?: boolean;
}

/**
 * Starts the built main process under the fake `electron`, fresh each time, and waits for ready.
 * Returns the fake, whose state shows what main did.
 */
export async function launchMain({ isPackaged = true, env = {}, argv = [], lock = true }: Launch = {}): Promise<typeof FakeElectron> {
  assertBundleIsCurrent();
  vi.resetModules();
  const electron = (await import('./fake-electron')) as typeof FakeElectron;
  electron.app.isPackaged = isPackaged;
  electron.app.gotSingleInstanceLock = lock;
  const savedArgv = process.argv;
  const savedEnv = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  Object.assign(process.env, env);
  process.argv = [process.execPath, '.', ...argv];
  try {
    await import(/* @vite-ignore */ MAIN_BUNDLE);
  } finally {
    process.argv = savedArgv;
    for (const [key, value] of Object.entries(savedEnv)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
  launched.push(electron);
  await electron.settle();
  return electron;
}

/** The app's one window (fails the test if there is not exactly one). */
export function theWindow(electron: typeof FakeElectron): FakeElectron.FakeBrowserWindow {
  const windows = electron.BrowserWindow.getAllWindows();
  if (windows.length !== 1) throw new Error(`expected one window, found ${windows.length}`);
  return windows[0]!;
}
