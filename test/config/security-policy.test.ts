import { describe, expect, it } from 'vitest';
import { readLaunchOptions } from '../../electron/main/launch-policy';
import { APP_ENTRY, isAppOrigin, resolveAppFile } from '../../electron/main/protocol-policy';
import { isAllowedRequest, isAppUrl, secureWebPreferences, spellcheckWithoutNetwork } from '../../electron/main/security-policy';

const DEV = 'http://localhost:5173/';

describe('window security policy', () => {
  it('isolates the renderer: sandbox, context isolation, no Node, no webview', () => {
    expect(secureWebPreferences('/app/out/preload/index.cjs', { devTools: false, platform: 'linux' })).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      devTools: false,
    });
  });

  it('checks spelling only where the system does it (macOS); Windows and Linux would download dictionaries', () => {
    expect(spellcheckWithoutNetwork('darwin')).toBe(true);
    expect(spellcheckWithoutNetwork('win32')).toBe(false);
    expect(spellcheckWithoutNetwork('linux')).toBe(false);
    expect(secureWebPreferences('p', { devTools: false, platform: 'win32' }).spellcheck).toBe(false);
    expect(secureWebPreferences('p', { devTools: false, platform: 'darwin' }).spellcheck).toBe(true);
  });
});

describe('the app:// origin', () => {
  it("allows only the app's own origin", () => {
    expect(isAppUrl(APP_ENTRY, undefined)).toBe(true);
    expect(isAppUrl('app://vertaistuki/assets/index.js', undefined)).toBe(true);
  });

  it('refuses files, look-alike hosts and every network address', () => {
    for (const url of [
      'file:///opt/Vertaistuki/resources/app.asar/out/renderer/index.html',
      'file:///etc/passwd',
      'app://vertaistuki.evil.example/index.html',
      'app://evil@vertaistuki/index.html',
      'app://other/index.html',
      'apps://vertaistuki/index.html',
      'https://vertaistuki/index.html',
      'https://example.com/',
      'http://127.0.0.1:5173/',
      'data:text/html,<script>alert(1)</script>',
      'devtools://devtools/bundled/inspector.html',
      'not a url',
    ]) {
      expect(isAppUrl(url, undefined), url).toBe(false);
      expect(isAllowedRequest(url, undefined), url).toBe(false);
    }
  });

  it('allows the dev server only while developing, and only its exact origin', () => {
    expect(isAppUrl('http://localhost:5173/src/main.tsx', DEV)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', DEV)).toBe(false);
    expect(isAppUrl('http://localhost.evil.example:5173/', DEV)).toBe(false);
    expect(isAllowedRequest('ws://localhost:5173/', DEV)).toBe(true);
    expect(isAllowedRequest('ws://localhost:5174/', DEV)).toBe(false);
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html', DEV)).toBe(true);
    expect(isAllowedRequest('https://example.com/', DEV)).toBe(false);
  });

  it('serves files from the renderer folder and nothing outside it', () => {
    const root = '/opt/Vertaistuki/resources/app.asar/out/renderer';
    expect(resolveAppFile('app://vertaistuki/', root)).toBe(`${root}/index.html`);
    expect(resolveAppFile('app://vertaistuki/assets/index-1.js?x=1#y', root)).toBe(`${root}/assets/index-1.js`);
    // The URL parser folds `..` away; what is left must still name a file inside the renderer folder.
    expect(resolveAppFile('app://vertaistuki/../main/index.js', root)).toBe(`${root}/main/index.js`);
    for (const url of [
      'app://vertaistuki/..%2Fmain%2Findex.js',
      'app://vertaistuki/assets/..%2F..%2F..%2Fapp.asar.unpacked/x',
      'app://vertaistuki/%2e%2e%2f%2e%2e%2fetc/passwd',
      'app://vertaistuki/%E0%A4%A',
      'app://vertaistuki/a%00.js',
      'app://other/index.html',
    ]) {
      expect(resolveAppFile(url, root), url).toBeNull();
    }
    // Chromium lower-cases the host of a standard scheme before main sees it; anything else is refused.
    expect(isAppOrigin('app://VERTAISTUKI/index.html')).toBe(false);
  });
});

describe('launch switches', () => {
  const env = { ELECTRON_RENDERER_URL: 'http://evil.example/' };

  it('the installed app ignores ELECTRON_RENDERER_URL and has no DevTools', () => {
    expect(readLaunchOptions({ isPackaged: true, env, argv: [] })).toEqual({ devServerUrl: undefined, devTools: false, refusedSwitch: null });
  });

  it('a development run uses the dev server and DevTools', () => {
    expect(readLaunchOptions({ isPackaged: false, env, argv: [] })).toEqual({ devServerUrl: env.ELECTRON_RENDERER_URL, devTools: true, refusedSwitch: null });
  });

  it.each([
    ['--remote-debugging-port=9222', 'remote-debugging-port'],
    ['--remote-debugging-pipe', 'remote-debugging-pipe'],
    ['--inspect', 'inspect'],
    ['--inspect=9229', 'inspect'],
    ['--inspect-brk=0.0.0.0:9229', 'inspect-brk'],
    ['--inspect-port=9229', 'inspect-port'],
  ])('the installed app refuses %s', (arg, name) => {
    expect(readLaunchOptions({ isPackaged: true, env: {}, argv: ['/opt/Vertaistuki/vertaistuki', arg] }).refusedSwitch).toBe(name);
    expect(readLaunchOptions({ isPackaged: false, env: {}, argv: ['electron', arg] }).refusedSwitch).toBeNull();
  });

  it('does not mistake ordinary arguments for debugging switches', () => {
    expect(readLaunchOptions({ isPackaged: true, env: {}, argv: ['/x', '--inspector', 'inspect', '--no-sandbox-x'] }).refusedSwitch).toBeNull();
  });
});
