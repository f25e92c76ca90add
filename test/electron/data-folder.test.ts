import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { localDataFolder, moveDataFolder } from '../../electron/main/data-folder';
import { makeTempDir, removeTempDirs } from '../services/helpers';

afterEach(() => removeTempDirs());

describe('the Windows data folder', () => {
  it('is the local, non-roaming application data folder on Windows only', () => {
    expect(localDataFolder('win32', { LOCALAPPDATA: 'C:\\Users\\p\\AppData\\Local' }, 'Vertaistuki')).toContain('Local');
    expect(localDataFolder('win32', {}, 'Vertaistuki')).toBeNull();
    expect(localDataFolder('darwin', { LOCALAPPDATA: 'x' }, 'Vertaistuki')).toBeNull();
    expect(localDataFolder('linux', { LOCALAPPDATA: 'x' }, 'Vertaistuki')).toBeNull();
  });

  it('moves the store, its WAL, the key and the backups once, and leaves other files', () => {
    const roaming = makeTempDir();
    const local = join(makeTempDir(), 'Vertaistuki');
    writeFileSync(join(roaming, 'vertaistuki.sqlite'), 'store');
    writeFileSync(join(roaming, 'vertaistuki.sqlite-wal'), 'wal');
    writeFileSync(join(roaming, 'vertaistuki.key'), 'key');
    mkdirSync(join(roaming, 'backups'));
    writeFileSync(join(roaming, 'backups', 'b.sqlite'), 'backup');
    writeFileSync(join(roaming, 'Local State'), 'chromium');

    expect(moveDataFolder(roaming, local).sort()).toEqual(['backups', 'vertaistuki.key', 'vertaistuki.sqlite', 'vertaistuki.sqlite-wal']);

    expect(readFileSync(join(local, 'vertaistuki.sqlite'), 'utf8')).toBe('store');
    expect(readFileSync(join(local, 'backups', 'b.sqlite'), 'utf8')).toBe('backup');
    expect(existsSync(join(roaming, 'vertaistuki.sqlite'))).toBe(false);
    expect(existsSync(join(roaming, 'Local State'))).toBe(true);
    expect(moveDataFolder(roaming, local)).toEqual([]);
  });

  it('never overwrites a store already in the new folder', () => {
    const roaming = makeTempDir();
    const local = makeTempDir();
    writeFileSync(join(roaming, 'vertaistuki.sqlite'), 'old');
    writeFileSync(join(local, 'vertaistuki.sqlite'), 'new');
    expect(moveDataFolder(roaming, local)).toEqual([]);
    expect(readFileSync(join(local, 'vertaistuki.sqlite'), 'utf8')).toBe('new');
    expect(readFileSync(join(roaming, 'vertaistuki.sqlite'), 'utf8')).toBe('old');
  });
});
