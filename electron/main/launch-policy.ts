/**
 * What a launch may switch on, decided from `app.isPackaged` alone. Kept free of Electron imports
 * so that tests check exactly what main uses.
 *
 * The installed app honours no development switch: a packaged app launched with
 * ELECTRON_RENDERER_URL set would otherwise load (and trust) whatever page it names.
 */
export interface LaunchOptions {
  /** electron-vite's dev server, only while developing. */
  devServerUrl: string | undefined;
  /** DevTools only while developing. */
  devTools: boolean;
  /** A debugging switch the installed app refuses to start with, if one was given. */
  refusedSwitch: string | null;
}

/** Switches that would let another process drive or read the app (Chromium's and Node's debuggers). */
const DEBUG_SWITCH = /^--?(remote-debugging-(?:port|pipe|address|targets)|inspect(?:-brk|-port|-publish-uid|-wait)?)(?:=|$)/;

export function readLaunchOptions(input: {
  isPackaged: boolean;
  env: Record<string, string | undefined>;
  argv: readonly string[];
}): LaunchOptions {
  if (!input.isPackaged) {
    return { devServerUrl: input.env['ELECTRON_RENDERER_URL'] || undefined, devTools: true, refusedSwitch: null };
  }
  const refused = input.argv.map((arg) => DEBUG_SWITCH.exec(arg)?.[1]).find((name) => name !== undefined);
  return { devServerUrl: undefined, devTools: false, refusedSwitch: refused ?? null };
}
