import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DebugLogger } from 'builder-util';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const config = parse(readFileSync(resolve('electron-builder.yml'), 'utf8')) as Record<string, unknown> & {
  files: string[];
  asarUnpack: string[];
};

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

  it('unpacks better-sqlite3 from the asar so its prebuilt binary can load', () => {
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
  });

  it('leaves browser mode and sources out of the package', () => {
    expect(config.files).toEqual(expect.arrayContaining(['out/main/**', 'out/preload/**', 'out/renderer/**', '!out/web/**', '!electron/**']));
  });
});
