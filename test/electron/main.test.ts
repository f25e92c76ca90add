import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDataKey } from '../../electron/main/data-key';
import { openFile } from '../../electron/main/services/db/driver';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { CSP } from '@shared/csp';
import { CALL_NAMES } from '@shared/contract';
import { channelOf, CALL_NAMES_CHANNEL } from '@shared/channels';
import { MAIN_BUNDLE, launchMain, quitAll, theWindow } from './main-harness';
import { removeFakeHomes, settle, type SaveDialogAnswer } from './fake-electron';
import { validSetup } from '../services/helpers';

/**
 * The built main bundle (out/main/index.js, what the installed app runs) under the fake `electron`.
 * `isPackaged` is what Electron reports for an installed app.
 */
afterEach(quitAll);
afterAll(removeFakeHomes);

const EVIL = 'http://evil.example:5173/';

describe('main: development switches', () => {
  it('the packaged app ignores ELECTRON_RENDERER_URL: it loads app:// and trusts nothing else', async () => {
    const electron = await launchMain({ isPackaged: true, env: { ELECTRON_RENDERER_URL: EVIL } });
    const window = theWindow(electron);
    expect(window.loaded).toEqual([{ kind: 'url', target: 'app://vertaistuki/index.html' }]);
    expect(readFileSync(MAIN_BUNDLE, 'utf8')).not.toMatch(/\.loadFile\(|["']file:\/\//); // file:// is not used at all
    expect(window.options.webPreferences).toMatchObject({ devTools: false, sandbox: true, contextIsolation: true });

    const ses = electron.session.defaultSession;
    expect(ses.requestAllowed(`${EVIL}src/main.tsx`)).toBe(false);
    expect(ses.requestAllowed('ws://evil.example:5173/')).toBe(false);
    expect(ses.requestAllowed('devtools://devtools/bundled/inspector.html')).toBe(false);
    expect(ses.requestAllowed('app://vertaistuki/assets/index.js')).toBe(true);

    // Even if the window were made to show that page, its calls would be refused.
    window.webContents.mainFrame.url = `${EVIL}index.html`;
    expect(await electron.ipcMain.invoke(channelOf('app.info'), { sender: window.webContents })).toMatchObject({
      ok: false,
      error: { code: 'unknown_call' },
    });
  });

  it('a development run (not packaged) uses the dev server and DevTools, so the check above can fail', async () => {
    const electron = await launchMain({ isPackaged: false, env: { ELECTRON_RENDERER_URL: EVIL } });
    const window = theWindow(electron);
    expect(window.loaded).toEqual([{ kind: 'url', target: EVIL }]);
    expect(window.options.webPreferences).toMatchObject({ devTools: true });
    expect(electron.session.defaultSession.requestAllowed(`${EVIL}src/main.tsx`)).toBe(true);
  });

  it.each(['--remote-debugging-port=9222', '--inspect=9229', '--inspect-brk', '--remote-debugging-pipe'])(
    'the packaged app refuses to start with %s',
    async (flag) => {
      const electron = await launchMain({ isPackaged: true, argv: [flag] });
      expect(electron.app.exitCode).toBe(1);
      expect(electron.BrowserWindow.getAllWindows()).toEqual([]);
      expect(electron.ipcMain.handlers.size).toBe(0);
    },
  );

  it('a development run accepts --inspect', async () => {
    const electron = await launchMain({ isPackaged: false, argv: ['--inspect=9229'] });
    expect(electron.app.exitCode).toBeNull();
    expect(electron.BrowserWindow.getAllWindows()).toHaveLength(1);
  });

  it('DevTools opened anyhow in the packaged app are closed at once', async () => {
    const electron = await launchMain({ isPackaged: true });
    const { webContents } = theWindow(electron);
    webContents.openDevTools();
    expect(webContents.isDevToolsOpened()).toBe(false);
  });
});

describe('main: every denial handler is installed', () => {
  it('on the session and on every page, before it loads anything', async () => {
    const electron = await launchMain();
    const ses = electron.session.defaultSession;
    for (const [name, handler] of Object.entries({
      permissionRequestHandler: ses.permissionRequestHandler,
      permissionCheckHandler: ses.permissionCheckHandler,
      devicePermissionHandler: ses.devicePermissionHandler,
      displayMediaRequestHandler: ses.displayMediaRequestHandler,
      bluetoothPairingHandler: ses.bluetoothPairingHandler,
      beforeRequest: ses.beforeRequest,
    })) {
      expect(handler, name).toBeTypeOf('function');
    }
    for (const event of ['will-download', 'select-hid-device', 'select-serial-port', 'select-usb-device']) {
      expect(ses.listenerCount(event), event).toBe(1);
    }
    // Any page, not only the app window: a page made later gets the same guards.
    const appWindow = theWindow(electron);
    const later = new electron.BrowserWindow();
    for (const contents of [appWindow.webContents, later.webContents]) {
      for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview', 'select-bluetooth-device', 'devtools-opened']) {
        expect(contents.listenerCount(event), event).toBe(1);
      }
      expect(contents.windowOpenHandler?.({ url: 'app://vertaistuki/index.html' })).toEqual({ action: 'deny' });
    }
  });
});

describe('main: one instance', () => {
  it('a second launch quits at once and opens nothing', async () => {
    const electron = await launchMain({ lock: false });
    expect(electron.app.quitCalls).toBe(1);
    expect(electron.BrowserWindow.getAllWindows()).toEqual([]);
    expect(electron.ipcMain.handlers.size).toBe(0);
  });

  it('the first instance restores and focuses its window when a second one starts', async () => {
    const electron = await launchMain();
    const window = theWindow(electron);
    window.minimize();
    expect(window.focused).toBe(false);
    electron.app.launchSecondInstance();
    expect(window.isMinimized()).toBe(false);
    expect(window.focused).toBe(true);
    expect(electron.BrowserWindow.getAllWindows()).toHaveLength(1);
  });
});

describe('main: the app:// protocol', () => {
  it('is registered as standard and secure before ready, and handled after', async () => {
    const electron = await launchMain();
    expect(electron.protocol.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true } }]);
    expect(electron.protocol.isProtocolHandled('app')).toBe(true);
    expect(electron.app.sandboxEnabled).toBe(true);
  });

  it('serves the built renderer with the CSP as a response header too', async () => {
    const electron = await launchMain();
    const page = await electron.protocol.fetch('app://vertaistuki/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CSP);
    const html = await page.text();
    expect(html).toContain(`content="${CSP}"`);
    const script = /src="\.?\/?(assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await electron.protocol.fetch(`app://vertaistuki/${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 outside the renderer folder, for other hosts and for writes', async () => {
    const electron = await launchMain();
    for (const url of [
      'app://vertaistuki/..%2Fmain%2Findex.js',
      'app://vertaistuki/..%2Fmain%2Fmigrations%2F0001_init.sql',
      'app://vertaistuki/nothing-here.js',
      'app://other/index.html',
    ]) {
      const reply = await electron.protocol.fetch(url);
      expect(reply.status, url).toBe(404);
      expect(await reply.text()).toBe('Not found');
    }
    expect((await electron.protocol.fetch('app://vertaistuki/index.html', { method: 'POST', body: 'x' })).status).toBe(404);
  });
});

describe('main: IPC', () => {
  it('registers one handler per contract entry, and answers the trusted window', async () => {
    const electron = await launchMain();
    const { webContents } = theWindow(electron);
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual(CALL_NAMES.map(channelOf).sort());
    expect(electron.ipcMain.sendSync(CALL_NAMES_CHANNEL, { sender: webContents })).toEqual(CALL_NAMES);
    expect(await electron.ipcMain.invoke(channelOf('app.info'), { sender: webContents })).toMatchObject({
      ok: true,
      value: { mode: 'desktop', dataDir: electron.app.getPath('userData'), storeProblem: null },
    });
  });
});

describe('main: closing waits for pending saves', () => {
  const databaseOf = (userData: string) => join(userData, 'vertaistuki.sqlite');
  /** Reads the store as the installed app would: with the key its safeStorage sealed. */
  const storedLanguage = async (file: string, electron: Awaited<ReturnType<typeof launchMain>>) => {
    const access = await openDataKey({ safeStorage: electron.safeStorage, platform: 'linux', dataDir: electron.app.getPath('userData') });
    if (access.start.kind !== 'key') throw new Error(`the installation's key is not readable: ${access.start.kind}`);
    const db = openFile(file, access.start.key, { readonly: true });
    try {
      return (db.prepare("SELECT value FROM setting WHERE key = 'language'").get() as { value: string } | undefined)?.value;
    } finally {
      db.close();
    }
  };

  it("a close the page holds open (its beforeunload flush) keeps the app and its store open; the flushed save is on disk after quitting", async () => {
    const electron = await launchMain();
    const window = theWindow(electron);
    let quit = 0;
    electron.app.on('quit', () => (quit += 1));

    window.preventClose = true; // the renderer's beforeunload: unsaved text, flushing first
    window.close();
    expect(window.isDestroyed()).toBe(false);
    expect(electron.app.quitCalls).toBe(0);

    expect(await electron.ipcMain.invoke(channelOf('settings.update'), { sender: window.webContents }, { language: 'en' })).toMatchObject({ ok: true });
    window.preventClose = false; // flushed: the renderer closes the window again
    window.close();
    await settle();
    expect(quit).toBe(1);
    const file = databaseOf(electron.app.getPath('userData'));
    expect(existsSync(`${file}-wal`) ? readFileSync(`${file}-wal`).length : 0).toBe(0); // closed and checkpointed
    expect(await storedLanguage(file, electron)).toBe('en');
  });

  it('a call still on its way when the window closes is answered before the store closes', async () => {
    const electron = await launchMain();
    const window = theWindow(electron);
    const sender = { sender: window.webContents };
    let quit = 0;
    electron.app.on('quit', () => (quit += 1));
    await electron.ipcMain.invoke(channelOf('programme.setup'), sender, validSetup());
    await electron.ipcMain.invoke(channelOf('agreement.start'), sender, { template: 'fi' });

    let answer: ((value: SaveDialogAnswer) => void) | undefined;
    electron.dialog.saveAnswers.push(() => new Promise((resolve) => (answer = resolve)));
    const target = join(electron.app.getPath('documents'), 'Sopimus.pdf');
    const exported = electron.ipcMain.invoke(channelOf('agreement.export'), sender, { version: null, language: 'fi', format: 'pdf' });
    await settle();

    // Closed while the export worker is still rendering: no dialog has been shown yet.
    expect(electron.dialog.saveDialogs).toHaveLength(0);
    window.close(); // -> window-all-closed -> quit -> will-quit, held while the call is pending
    await settle();
    expect(electron.app.quitCalls).toBe(1);
    expect(quit).toBe(0);

    // The worker's file still reaches its save dialog, with the store open; quitting waits for the answer.
    await vi.waitFor(() => expect(electron.dialog.saveDialogs).toHaveLength(1), { timeout: 30_000, interval: 20 });
    await settle();
    expect(quit).toBe(0);
    answer!({ canceled: false, filePath: target });
    expect(await exported).toMatchObject({ ok: true, value: { delivery: 'saved', path: target } });
    await settle();
    expect(quit).toBe(1);
    expect(readFileSync(target).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
