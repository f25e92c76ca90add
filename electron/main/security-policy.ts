import { isAppOrigin } from './protocol-policy';

/**
 * The window's security settings and the rules for which addresses the app may load, kept
 * free of Electron imports so that tests check exactly what main uses.
 */
export interface WindowPolicy {
  /** DevTools only while developing (see launch-policy.ts). */
  devTools: boolean;
  platform: NodeJS.Platform;
}

/**
 * Chromium's spellchecker downloads Hunspell dictionaries from Google's CDN on Windows and Linux
 * (Electron's docs for `ses.setSpellCheckerDictionaryDownloadURL`); only macOS checks spelling with
 * the system's own checker. Where it would download, it is off: nothing leaves the machine.
 */
export const spellcheckWithoutNetwork = (platform: NodeJS.Platform): boolean => platform === 'darwin';

export const secureWebPreferences = (preload: string, policy: WindowPolicy) =>
  ({
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    devTools: policy.devTools,
    spellcheck: spellcheckWithoutNetwork(policy.platform),
  }) as const;

const sameOrigin = (url: string, other: string): boolean => {
  try {
    return new URL(url).origin === new URL(other).origin;
  } catch {
    return false;
  }
};

/** Pages the app may show and trust: its own `app://` origin, and the dev server while developing. */
export function isAppUrl(url: string, devServerUrl: string | undefined): boolean {
  return isAppOrigin(url) || (devServerUrl !== undefined && sameOrigin(url, devServerUrl));
}

/**
 * Requests the session lets through: the app's own origin, and while developing the dev server
 * (with its hot-reload websocket) and DevTools. Everything else is cancelled before it is sent.
 */
export function isAllowedRequest(url: string, devServerUrl: string | undefined): boolean {
  if (isAppUrl(url, devServerUrl)) return true;
  if (devServerUrl === undefined) return false;
  if (url.startsWith('devtools://')) return true;
  const dev = new URL(devServerUrl);
  return sameOrigin(url.replace(/^ws(s?):/, 'http$1:'), dev.href);
}
