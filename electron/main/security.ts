import { app, session, type BrowserWindowConstructorOptions, type WebContents } from 'electron';

export const secureWebPreferences = (preload: string): BrowserWindowConstructorOptions['webPreferences'] => ({
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
});

/** Only the app's own files (and the dev server while developing) may ever be loaded. */
export const isAppUrl = (url: string, devServerUrl: string | undefined): boolean => {
  if (devServerUrl && url.startsWith(devServerUrl)) return true;
  return url.startsWith('file://');
};

/**
 * Everything a hostile page could try is refused in one place: navigation, redirects,
 * new windows, <webview>, permissions, and any request that would leave the machine.
 */
export function hardenApp(devServerUrl: string | undefined): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAppUrl(details.url, devServerUrl) || details.url.startsWith('devtools://');
    callback({ cancel: !allowed });
  });
}
