/**
 * The window's security settings and the rule for which addresses the app may load, kept
 * free of Electron imports so that tests check exactly what main uses.
 */
export const secureWebPreferences = (preload: string) =>
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
    spellcheck: true,
  }) as const;

/** Only the app's own files (and the dev server while developing) may ever be loaded. */
export function isAppUrl(url: string, appRoot: string, devServerUrl: string | undefined): boolean {
  if (devServerUrl) {
    const dev = new URL(devServerUrl);
    try {
      const candidate = new URL(url);
      if (candidate.origin === dev.origin) return true;
    } catch {
      return false;
    }
  }
  return url.startsWith(appRoot);
}
