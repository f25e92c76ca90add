import { app, session, type WebContents } from 'electron';
import { isAppUrl } from './security-policy';

/**
 * Everything a hostile page could try is refused in one place: navigation, redirects,
 * new windows, <webview>, permissions, and any request that would leave the machine.
 */
export function hardenApp(appRoot: string, devServerUrl: string | undefined): void {
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
    const allowed = isAppUrl(details.url, appRoot, devServerUrl) || details.url.startsWith('devtools://');
    callback({ cancel: !allowed });
  });
}
