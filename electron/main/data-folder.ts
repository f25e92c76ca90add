import { cpSync, existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_FILE } from './services/backend';
import { makePrivateFolder } from './services/db/connection';
import { BACKUPS_DIR } from './services/storage/backups';
import { KEY_FILE } from './services/storage/keyring';

/**
 * On Windows the data lives in the local application data folder (`%LOCALAPPDATA%\Vertaistuki`),
 * not the roaming one (`%APPDATA%`), so a roaming profile never copies it to a server.
 * Electron-free so plain Node tests cover it.
 */
export function localDataFolder(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, appName: string): string | null {
  if (platform !== 'win32') return null;
  const local = env['LOCALAPPDATA'];
  return local ? join(local, appName) : null;
}

/** Our files in the data folder (Chromium's own files there are left alone). */
const OWN_FILES = [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`, KEY_FILE, BACKUPS_DIR];

function move(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    // Another volume: copy, then remove the original only once the copy is complete.
    cpSync(from, to, { recursive: true, errorOnExist: true, force: false });
    rmSync(from, { recursive: true, force: true });
  }
}

/**
 * Moves an existing (roaming) data folder's store, key and backups to the new folder, once:
 * nothing is moved if the new folder already has a store, so no data is ever overwritten.
 * Returns what was moved.
 */
export function moveDataFolder(from: string, to: string): string[] {
  if (from === to || !existsSync(join(from, DATABASE_FILE)) || existsSync(join(to, DATABASE_FILE))) return [];
  makePrivateFolder(to);
  const moved: string[] = [];
  // The store last: if the move stops half way, the next start finds the store still in the old place and tries again.
  for (const name of [...OWN_FILES.filter((n) => n !== DATABASE_FILE), DATABASE_FILE]) {
    const source = join(from, name);
    if (!existsSync(source) || existsSync(join(to, name))) continue;
    move(source, join(to, name));
    moved.push(name);
  }
  return moved;
}
