import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/** Makes a rename in `dir` durable (POSIX); Windows cannot open folders and needs no such step. */
export function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // EISDIR/EPERM on Windows: NTFS journals the rename itself.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Writes a small file all at once: a reader sees the old or the new contents, never half. 0600. */
export function writePrivateFileAtomic(path: string, data: Buffer | string): void {
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(tmp, path);
  fsyncDir(dirname(path));
}

/** Renames and makes the rename durable. */
export function replaceFile(from: string, to: string): void {
  renameSync(from, to);
  fsyncDir(dirname(to));
}

const CHUNK = 1024 * 1024;

/**
 * Overwrites a file's bytes with zeros, flushes, then removes it. On a plain hard disk this
 * destroys the old contents; SSDs and copy-on-write file systems may keep old blocks elsewhere,
 * which is why the data that replaces it is encrypted (README, "What is encrypted").
 */
export function shredFile(path: string): void {
  if (!existsSync(path)) return;
  const size = statSync(path).size;
  const fd = openSync(path, 'r+');
  try {
    const zeros = Buffer.alloc(Math.min(CHUNK, Math.max(size, 1)));
    for (let at = 0; at < size; at += zeros.length) writeSync(fd, zeros, 0, Math.min(zeros.length, size - at), at);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  rmSync(path, { force: true });
}
