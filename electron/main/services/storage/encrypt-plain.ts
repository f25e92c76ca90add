import { closeSync, existsSync, fsyncSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import { openFile, vacuumInto, type DataKey } from '../db/driver';
import { StoreOpenError } from '../db/errors';
import { writeBackup } from './backups';
import { dumpDigest } from './dump';
import { replaceFile, shredFile } from './files';

/**
 * Version 0.1 kept the store as a plain SQLite file. On the first start of this version it is
 * encrypted in place, without losing a row:
 *  1. an encrypted backup is written (backups/…-beforeEncryption.sqlite);
 *  2. an encrypted copy is written beside the store and checked: integrity, and a full logical
 *     dump equal to the plain store's;
 *  3. the plain WAL is folded in and its bytes zeroed; the plain file is renamed aside, the copy
 *     takes its name (one atomic rename each), and the plain file is overwritten and removed.
 * A crash at any point leaves either the plain store or the encrypted one under the store's name;
 * `recoverInterrupted` finishes or undoes the step on the next start.
 */
const ENCRYPTING = '.encrypting';
const PLAIN_OLD = '.plain-old';
/** A restore's or an import's verified copy, before it takes the store's name. */
export const INCOMING = '.incoming';

/** Overwrites a file's bytes with zeros in place (the file stays; SQLite may still hold it). */
function zeroInPlace(path: string): void {
  if (!existsSync(path)) return;
  const size = statSync(path).size;
  const fd = openSync(path, 'r+');
  try {
    if (size > 0) writeSync(fd, Buffer.alloc(size), 0, size, 0);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function integrityOk(db: Database): boolean {
  return db.pragma('integrity_check', { simple: true }) === 'ok';
}

export function encryptPlainStore(path: string, key: DataKey, now = new Date()): void {
  let plain: Database | undefined;
  const copy = path + ENCRYPTING;
  try {
    plain = openFile(path, null, { fileMustExist: true, timeout: 5000 });
    if (!integrityOk(plain)) throw new StoreOpenError({ kind: 'corrupt', path, detail: 'integrity_check failed on the plain store' });
    writeBackup(plain, path, key, 'beforeEncryption', now);
    rmSync(copy, { force: true });
    vacuumInto(plain, copy, key);
    const check = openFile(copy, key, { readonly: true, fileMustExist: true });
    try {
      if (!integrityOk(check) || dumpDigest(check) !== dumpDigest(plain)) {
        throw new StoreOpenError({ kind: 'unavailable', path, detail: 'The encrypted copy did not match the plain store; nothing was changed.' });
      }
    } finally {
      check.close();
    }
    // The plain WAL may hold recent text: fold it into the file, zero it while we hold it, close.
    plain.pragma('wal_checkpoint(FULL)');
    zeroInPlace(`${path}-wal`);
    plain.close();
    plain = undefined;
    shredFile(`${path}-wal`);
    shredFile(`${path}-shm`);
    replaceFile(path, path + PLAIN_OLD);
    replaceFile(copy, path);
    shredFile(path + PLAIN_OLD);
  } catch (error) {
    plain?.close();
    rmSync(copy, { force: true });
    throw error;
  }
}

/** Finishes or undoes what a stopped encryption, restore or import left behind. */
export function recoverInterrupted(path: string): void {
  const old = path + PLAIN_OLD;
  if (existsSync(old)) {
    if (existsSync(path)) shredFile(old);
    else replaceFile(old, path);
  }
  // Each half-written copy, with the rollback journal VACUUM INTO keeps while it writes.
  for (const copy of [path + ENCRYPTING, path + INCOMING]) {
    rmSync(copy, { force: true });
    rmSync(`${copy}-journal`, { force: true });
  }
}
