import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DebugLogger } from 'builder-util';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain ES module script without types; its shape is checked here.
import { describePlan, signingPlan } from '../../scripts/signing.mjs';

const text = readFileSync(resolve('electron-builder.yml'), 'utf8');
const config = parse(text) as Record<string, unknown> & {
  files: string[];
  asarUnpack: string[];
  electronFuses: Record<string, boolean>;
  mac: Record<string, unknown>;
};

interface SigningPlan {
  windows: boolean;
  mac: boolean;
  notarize: boolean;
  problems: string[];
  args: string[];
  env: Record<string, string>;
}
const plan = signingPlan as (env: Record<string, string | undefined>) => SigningPlan;
const describe_ = describePlan as (plan: SigningPlan) => string;

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema validation (offline)", async () => {
    await expect(validateConfiguration(config as never, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('the same validation rejects a misspelt option, so the check above can fail', async () => {
    await expect(validateConfiguration({ ...config, asarUnpak: ['x'] } as never, new DebugLogger(false))).rejects.toThrow(/asarUnpak/);
  });

  it('targets Windows, macOS and Linux with the installers we ship', () => {
    expect(config).toMatchObject({
      appId: 'fi.vertaistuki.app',
      productName: 'Vertaistuki',
      asar: true,
      win: { target: ['nsis'] },
      mac: { target: ['dmg'] },
      linux: { target: ['AppImage', 'deb'] },
    });
  });

  it('never publishes or updates itself, and does not rebuild native modules', () => {
    expect(config['publish']).toBeNull();
    expect(config['npmRebuild']).toBe(false);
    expect(JSON.stringify(config)).not.toMatch(/autoUpdate|electron-updater/i);
  });

  it('unpacks the SQLCipher driver from the asar so its prebuilt binary can load, and ships no second SQLite driver', () => {
    expect(config.asarUnpack).toEqual(['node_modules/better-sqlite3-multiple-ciphers/**']);
    const pkg = JSON.parse(readFileSync(resolve('package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(pkg.dependencies)).toContain('better-sqlite3-multiple-ciphers');
    expect(Object.keys(pkg.dependencies)).not.toContain('better-sqlite3');
  });

  it('leaves browser mode and sources out of the package', () => {
    expect(config.files).toEqual(expect.arrayContaining(['out/main/**', 'out/preload/**', 'out/renderer/**', '!out/web/**', '!electron/**']));
  });
});

describe('electron-builder.yml: fuses', () => {
  it('flips the fuses that close the installed app to other code: no run-as-node, NODE_OPTIONS or --inspect, asar only and checked', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
      loadBrowserProcessSpecificV8Snapshot: false,
    });
  });

  it("names every fuse electron-builder knows (its schema), so a new fuse is a decision, not a default", async () => {
    const schema = JSON.parse(readFileSync(resolve('node_modules/app-builder-lib/scheme.json'), 'utf8')) as {
      definitions: Record<string, { properties?: Record<string, unknown> }>;
    };
    const known = Object.keys(schema.definitions['FuseOptionsV1']?.properties ?? {}).filter((fuse) => fuse !== 'resetAdHocDarwinSignature');
    expect(known.length).toBeGreaterThan(5);
    expect(Object.keys(config.electronFuses).sort()).toEqual(known.sort());
    await expect(
      validateConfiguration({ ...config, electronFuses: { ...config.electronFuses, runAsNod: false } } as never, new DebugLogger(false)),
    ).rejects.toThrow(/electronFuses/);
  });
});

describe('code signing from environment variables', () => {
  it('holds no secret and no identity in the file', () => {
    expect(text).not.toMatch(/password|\.p12|\.pfx|APPLE_API_KEY\s*:|identity:|certificateFile|cscLink/i);
  });

  it('is off when nothing is set: no keychain identity, no notarization, and the result still validates', async () => {
    const off = plan({});
    expect(off).toEqual({
      windows: false,
      mac: false,
      notarize: false,
      problems: [],
      args: ['-c.mac.identity=null', '-c.mac.notarize=false'],
      env: { CSC_IDENTITY_AUTO_DISCOVERY: 'false' },
    });
    expect(describe_(off)).toBe('Code signing: Windows off, macOS off, notarization off (set by environment variables; see README, "Code signing").');
    const overridden = { ...config, mac: { ...config.mac, identity: null, notarize: false } };
    await expect(validateConfiguration(overridden as never, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('signs Windows with WIN_CSC_LINK, and macOS too with CSC_LINK, notarizing with an API key', () => {
    expect(plan({ WIN_CSC_LINK: 'C:/certs/v.pfx', WIN_CSC_KEY_PASSWORD: 'x' })).toMatchObject({ windows: true, mac: false, notarize: false, problems: [] });
    const full = plan({
      CSC_LINK: 'base64…',
      CSC_KEY_PASSWORD: 'x',
      APPLE_API_KEY: '/keys/AuthKey.p8',
      APPLE_API_KEY_ID: 'ABC',
      APPLE_API_ISSUER: 'uuid',
    });
    expect(full).toEqual({ windows: true, mac: true, notarize: true, problems: [], args: [], env: {} });
    expect(plan({ CSC_NAME: 'Developer ID Application: Vertaistuki', APPLE_ID: 'a@b.fi', APPLE_APP_SPECIFIC_PASSWORD: 'p', APPLE_TEAM_ID: 'T' })).toMatchObject({
      mac: true,
      notarize: true,
      windows: false,
    });
  });

  it('stops on a half-set group instead of building unsigned by surprise', () => {
    expect(plan({ CSC_LINK: 'base64…' }).problems).toEqual(['CSC_LINK needs CSC_KEY_PASSWORD as well.']);
    expect(plan({ APPLE_API_KEY: 'k', APPLE_API_ISSUER: 'i' }).problems).toEqual([
      'Notarizing with an API key needs APPLE_API_KEY_ID as well.',
    ]);
    expect(plan({ APPLE_ID: 'a', APPLE_APP_SPECIFIC_PASSWORD: 'p', APPLE_TEAM_ID: 't' }).problems).toEqual([
      'Notarizing needs a signed macOS app: set CSC_LINK and CSC_KEY_PASSWORD, or CSC_NAME.',
    ]);
    expect(plan({ CSC_LINK: '  ', CSC_KEY_PASSWORD: '' }).problems).toEqual([]); // blank counts as unset
  });
});
