import { app, session, type Session, type WebContents } from 'electron';
import { APP_ORIGIN } from './protocol-policy';
import { isAllowedRequest, spellcheckWithoutNetwork } from './security-policy';

export interface HardeningOptions {
  devServerUrl: string | undefined;
  devTools: boolean;
  platform: NodeJS.Platform;
}

/** Navigation, redirects, new windows, <webview>, device pickers and DevTools, for every page. */
function hardenContents(contents: WebContents, options: HardeningOptions): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('select-bluetooth-device', (event, _devices, callback) => {
    event.preventDefault();
    callback('');
  });
  // WebRTC is not governed by the CSP: without this a page could reach STUN servers.
  contents.setWebRTCIPHandlingPolicy('disable_non_proxied_udp');
  if (!options.devTools) contents.on('devtools-opened', () => contents.closeDevTools());
}

/** Chromium features that reach the network by default (Electron's docs), each switched off. */
function closeNetworkDoors(ses: Session, options: HardeningOptions): void {
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url, options.devServerUrl) }));
  // No PAC script or WPAD look-up: the app never uses a proxy because it never goes online.
  void ses.setProxy({ mode: 'direct' });
  if (!spellcheckWithoutNetwork(options.platform)) {
    ses.setSpellCheckerEnabled(false);
    ses.setSpellCheckerLanguages([]);
  }
  // Should anything ever ask for a dictionary, it asks the app's own origin, which has none.
  ses.setSpellCheckerDictionaryDownloadURL(`${APP_ORIGIN}/no-dictionaries/`);
  ses.on('will-download', (event) => event.preventDefault());
  app.configureHostResolver({ secureDnsMode: 'off', enableBuiltInResolver: false });
}

/** Permissions, device access and screen capture: all refused. */
function refusePermissions(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.setDisplayMediaRequestHandler((_request, callback) => callback(null));
  ses.setBluetoothPairingHandler((_details, callback) => callback({ confirmed: false }));
  ses.on('select-hid-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
  ses.on('select-serial-port', (event, _ports, _contents, callback) => {
    event.preventDefault();
    callback('');
  });
  ses.on('select-usb-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
}

/**
 * Everything a hostile page could try is refused in one place: navigation, redirects, new windows,
 * <webview>, permissions, devices, downloads, and any request that would leave the machine.
 * Call once the app is ready.
 */
export function hardenApp(options: HardeningOptions): void {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, options));
  const ses = session.defaultSession;
  closeNetworkDoors(ses, options);
  refusePermissions(ses);
}
