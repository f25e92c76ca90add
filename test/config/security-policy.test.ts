import { describe, expect, it } from 'vitest';
import { isAppUrl, secureWebPreferences } from '../../electron/main/security-policy';

describe('window security policy', () => {
  it('isolates the renderer: sandbox, context isolation, no Node, no webview', () => {
    expect(secureWebPreferences('/app/out/preload/index.cjs')).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  const root = 'file:///opt/Vertaistuki/resources/app.asar/out/';

  it("allows only the app's own files", () => {
    expect(isAppUrl(`${root}renderer/index.html`, root, undefined)).toBe(true);
    expect(isAppUrl(`${root}renderer/assets/index.js`, root, undefined)).toBe(true);
  });

  it('refuses other files, look-alike folders and every network address', () => {
    for (const url of [
      'file:///etc/passwd',
      'file:///opt/Vertaistuki/resources/app.asar/outside/x.html',
      'https://example.com/',
      'http://127.0.0.1:5173/',
      'data:text/html,<script>alert(1)</script>',
      'not a url',
    ]) {
      expect(isAppUrl(url, root, undefined), url).toBe(false);
    }
  });

  it('allows the dev server only while developing, and only its exact origin', () => {
    expect(isAppUrl('http://localhost:5173/src/main.tsx', root, 'http://localhost:5173/')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', root, 'http://localhost:5173/')).toBe(false);
    expect(isAppUrl('http://localhost.evil.example:5173/', root, 'http://localhost:5173/')).toBe(false);
  });
});
