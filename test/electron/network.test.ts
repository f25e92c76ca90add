import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { hardenApp } from '../../electron/main/security';
import { secureWebPreferences } from '../../electron/main/security-policy';
import * as fake from './fake-electron';
import { MAIN_BUNDLE, launchMain, quitAll, theWindow } from './main-harness';

/**
 * "No network by any door": every feature that Electron's own API documentation says reaches the
 * network by default, and how the app keeps it shut. Each door first proves its premise (the
 * sentence is in the installed Electron's typings, node_modules/electron/electron.d.ts), then
 * shows the running app (the built main bundle under the fake `electron`) has it closed.
 */
const typings = readFileSync(resolve('node_modules/electron/electron.d.ts'), 'utf8').replace(/\s*\n\s*\*\s*/g, ' ');

type Electron = typeof fake;
interface Door {
  feature: string;
  /** Words of Electron's documentation that say the feature reaches out by default. */
  documented: string;
  closed: (electron: Electron, window: fake.FakeBrowserWindow) => void | Promise<void>;
}

const NETWORK_DOORS: Door[] = [
  {
    feature: 'spellchecker dictionaries (Windows, Linux)',
    documented: 'By default Electron will download hunspell dictionaries from the Chromium CDN.',
    closed: ({ session }, window) => {
      expect(window.options.webPreferences?.['spellcheck']).toBe(false);
      expect(session.defaultSession.isSpellCheckerEnabled()).toBe(false);
      expect(session.defaultSession.getSpellCheckerLanguages()).toEqual([]);
      expect(session.defaultSession.spellCheckerDictionaryDownloadURL).toBe('app://vertaistuki/no-dictionaries/');
    },
  },
  {
    feature: 'proxy auto-configuration (PAC script, WPAD look-up)',
    documented: 'The proxy mode. Should be one of `direct`, `auto_detect`, `pac_script`, `fixed_servers` or `system`.',
    closed: ({ session }) => expect(session.defaultSession.proxy).toEqual({ mode: 'direct' }),
  },
  {
    feature: 'DNS-over-HTTPS (and its probes)',
    documented: 'DNS-over-HTTPS, if the DNS provider supports it',
    closed: ({ app }) => expect(app.hostResolver).toMatchObject({ secureDnsMode: 'off' }),
  },
  {
    feature: 'WebRTC (STUN and ICE, which the CSP does not govern)',
    documented: 'Setting the WebRTC IP handling policy allows you to control which IPs are exposed via WebRTC.',
    closed: (_electron, window) => expect(window.webContents.getWebRTCIPHandlingPolicy()).toBe('disable_non_proxied_udp'),
  },
  {
    feature: "the page's own requests: fetch, XHR, images, fonts, scripts, prefetch, websockets, files",
    documented: 'The `listener` will be called with `listener(details, callback)` when a request is about to occur.',
    closed: ({ session }) => {
      for (const url of [
        'https://example.com/',
        'http://127.0.0.1:8080/',
        'wss://example.com/socket',
        'ws://localhost:5173/',
        'ftp://example.com/x',
        'file:///etc/passwd',
        'https://redirector.gvt1.com/edgedl/chrome/dict/fi-FI-3-0.bdic',
      ]) {
        expect(session.defaultSession.requestAllowed(url), url).toBe(false);
      }
      expect(session.defaultSession.requestAllowed('app://vertaistuki/index.html')).toBe(true);
    },
  },
  {
    feature: 'navigation, redirects and new windows to another site',
    documented: 'Emitted when a user or the page wants to start navigation on the main frame.',
    closed: (_electron, window) => {
      const contents = window.webContents;
      expect(contents.emitCancellable('will-navigate', 'https://example.com/').defaultPrevented).toBe(true);
      expect(contents.emitCancellable('will-frame-navigate').defaultPrevented).toBe(true);
      expect(contents.emitCancellable('will-redirect', 'https://example.com/').defaultPrevented).toBe(true);
      expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    },
  },
  {
    feature: 'downloads',
    documented: 'Emitted when Electron is about to download `item` in `webContents`.',
    closed: ({ session }) => expect(session.defaultSession.emitCancellable('will-download', {}, {}).defaultPrevented).toBe(true),
  },
  {
    feature: "geolocation (Chromium's network location provider) and every other permission",
    documented: 'To clear the handler, call `setPermissionRequestHandler(null)`.',
    closed: ({ session }) => {
      const ses = session.defaultSession;
      for (const permission of ['geolocation', 'media', 'notifications', 'midi', 'openExternal', 'clipboard-read', 'speaker-selection']) {
        let granted: boolean | undefined;
        ses.permissionRequestHandler?.({}, permission, (answer) => (granted = answer), {});
        expect(granted, permission).toBe(false);
        expect(ses.permissionCheckHandler?.({}, permission, 'app://vertaistuki', {}), permission).toBe(false);
      }
    },
  },
  {
    feature: 'Bluetooth, HID, serial and USB devices',
    documented: 'If `event.preventDefault` is not called when handling this event, the first available device will be automatically selected.',
    closed: ({ session }, window) => {
      const ses = session.defaultSession;
      expect(ses.devicePermissionHandler?.({ deviceType: 'usb' })).toBe(false);
      const answers: unknown[] = [];
      expect(window.webContents.emitCancellable('select-bluetooth-device', [{ deviceId: 'b' }], (id: unknown) => answers.push(id)).defaultPrevented).toBe(true);
      expect(ses.emitCancellable('select-hid-device', { deviceList: [{ deviceId: 'h' }] }, (id?: unknown) => answers.push(id)).defaultPrevented).toBe(true);
      expect(ses.emitCancellable('select-serial-port', [{ portId: 's' }], window.webContents, (id: unknown) => answers.push(id)).defaultPrevented).toBe(true);
      expect(ses.emitCancellable('select-usb-device', { deviceList: [{ deviceId: 'u' }] }, (id?: unknown) => answers.push(id)).defaultPrevented).toBe(true);
      expect(answers).toEqual(['', undefined, '', undefined]);
      let pairing: unknown;
      ses.bluetoothPairingHandler?.({}, (response) => (pairing = response));
      expect(pairing).toEqual({ confirmed: false });
    },
  },
  {
    feature: 'screen capture',
    documented: 'This handler will be called when web content requests access to display media via the `navigator.mediaDevices.getDisplayMedia` API.',
    closed: ({ session }) => {
      let streams: unknown = 'unanswered';
      session.defaultSession.displayMediaRequestHandler?.({}, (answer) => (streams = answer));
      expect(streams).toBeNull();
    },
  },
  {
    feature: '<webview> (a browser inside the page)',
    documented: "Emitted when a `<webview>`'s web contents is being attached to this web contents.",
    closed: (_electron, window) => {
      expect(window.options.webPreferences?.['webviewTag']).toBe(false);
      expect(window.webContents.emitCancellable('will-attach-webview', {}, {}).defaultPrevented).toBe(true);
    },
  },
  {
    feature: 'crash reports, updates, the net module and opening links in a browser',
    documented: 'URL that crash reports will be sent to as POST.',
    closed: () => {
      // Never imported by main at all: the bundle's import list from `electron` is fixed.
      const bundle = readFileSync(MAIN_BUNDLE, 'utf8');
      const imported = [...bundle.matchAll(/import\s*\{([^}]*)\}\s*from\s*["']electron["']/g)].flatMap((m) => m[1]!.split(',').map((name) => name.trim()));
      expect(imported.length).toBeGreaterThan(0);
      expect(imported.filter((name) => !ELECTRON_IMPORTS_WITHOUT_NETWORK.has(name))).toEqual([]);
      expect(bundle).not.toMatch(/crashReporter|autoUpdater|openExternal|\bnet\.(request|fetch)/);
    },
  },
];

/** What main may take from `electron`: none of these reaches the network by itself. */
const ELECTRON_IMPORTS_WITHOUT_NETWORK = new Set(['app', 'BrowserWindow', 'dialog', 'ipcMain', 'Menu', 'protocol', 'session', 'safeStorage']);

afterEach(quitAll);
afterAll(fake.removeFakeHomes);

describe('no network by any door: what Electron documents as reaching out by default is shut', () => {
  it.each(NETWORK_DOORS.map((door) => [door.feature, door] as const))('%s', async (_feature, door) => {
    expect(typings.includes(door.documented), `the premise, in electron.d.ts: ${door.documented}`).toBe(true);
    const electron = await launchMain({ isPackaged: true });
    await door.closed(electron, theWindow(electron));
  });

  it('each door can fail: with no hardening, Electron’s defaults leave them open', async () => {
    fake.resetFakeElectron();
    await fake.app.whenReady();
    const window = new fake.BrowserWindow({ webPreferences: {} });
    const failures = await Promise.all(
      NETWORK_DOORS.filter((door) => !door.feature.startsWith('crash reports')).map(async (door) => {
        try {
          await door.closed(fake, window);
          return null;
        } catch {
          return door.feature;
        }
      }),
    );
    expect(failures.filter((feature) => feature === null)).toEqual([]);
  });
});

describe('spellcheck by platform (security.ts from source)', () => {
  const harden = async (platform: NodeJS.Platform) => {
    fake.resetFakeElectron();
    await fake.app.whenReady();
    hardenApp({ devServerUrl: undefined, devTools: false, platform });
    return fake.session.defaultSession;
  };

  it.each(['win32', 'linux'] as const)('is off on %s, where Chromium would download dictionaries', async (platform) => {
    const ses = await harden(platform);
    expect(ses.isSpellCheckerEnabled()).toBe(false);
    expect(secureWebPreferences('p', { devTools: false, platform }).spellcheck).toBe(false);
  });

  it('stays on macOS, which checks spelling with the system and downloads nothing', async () => {
    const ses = await harden('darwin');
    expect(ses.isSpellCheckerEnabled()).toBe(true);
    expect(secureWebPreferences('p', { devTools: false, platform: 'darwin' }).spellcheck).toBe(true);
    expect(ses.spellCheckerDictionaryDownloadURL).toBe('app://vertaistuki/no-dictionaries/');
  });
});
