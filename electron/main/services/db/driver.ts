import { closeSync, fsyncSync, openSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type BetterSqlite3 from 'better-sqlite3';
import type { Database, Options } from 'better-sqlite3';
import { registerStems } from './stems';

/**
 * The one place that loads the SQLite driver. `better-sqlite3-multiple-ciphers` is better-sqlite3
 * with SQLite3 Multiple Ciphers compiled in: the same API, plus page-level encryption. Services keep
 * better-sqlite3's types; swapping the driver is this file only.
 *
 * URI file names are switched on before the driver loads (it reads the setting once) so that
 * `VACUUM INTO 'file:…?key=…'` can name the key of the copy it writes. Our own paths are absolute
 * file paths, never `file:` URIs, so nothing else changes meaning.
 */
process.env['SQLITE_USE_URI'] = '1';
const require = createRequire(import.meta.url);
const Driver = require('better-sqlite3-multiple-ciphers') as typeof BetterSqlite3;

/** A 256-bit key for the store; random per installation (see data-key.ts). */
export type DataKey = Buffer;
export const KEY_BYTES = 32;

/** SQLCipher 4's page format (AES-256-CBC, HMAC-SHA512 per page), with a raw key: no KDF on open. */
const CIPHER = { cipher: 'sqlcipher', legacy: '4' } as const;

const rawKey = (key: DataKey): string => {
  if (key.length !== KEY_BYTES) throw new Error(`A data key has ${KEY_BYTES} bytes, not ${key.length}.`);
  return `x'${key.toString('hex')}'`;
};

/** Opens a database file with the driver. Without a key the file is read as plain SQLite. */
export function openFile(path: string | Buffer, key: DataKey | null, options: Options = {}): Database {
  const db = new Driver(path as string, options);
  // The search index's triggers compute Finnish stems (0007): every connection can run them.
  registerStems(db);
  if (key) {
    try {
      db.pragma(`cipher='${CIPHER.cipher}'`);
      db.pragma(`legacy=${CIPHER.legacy}`);
      db.pragma(`key="${rawKey(key)}"`);
    } catch (error) {
      db.close();
      throw error;
    }
  }
  return db;
}

/** An in-memory database made from a serialized file (an export's contents). */
export const openSerialized = (bytes: Buffer): Database => {
  const db = new Driver(bytes);
  registerStems(db);
  return db;
};

/** Creates an empty file that only this user can read, failing if it exists: never widened later. */
export function createPrivateFile(path: string): void {
  closeSync(openSync(path, 'wx', 0o600));
}

/** Flushes a file's contents to the disk. */
export function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes a compact, consistent copy of `source` to `target`, encrypted with `key` whatever the
 * source is (plain, encrypted, in memory). The target is created 0600 first and flushed after.
 */
export function vacuumInto(source: Database, target: string, key: DataKey): void {
  createPrivateFile(target);
  const uri = `${pathToFileURL(target).href}?cipher=${CIPHER.cipher}&legacy=${CIPHER.legacy}&key=${encodeURIComponent(rawKey(key))}`;
  source.prepare('VACUUM INTO ?').run(uri);
  fsyncFile(target);
}

/** The first 16 bytes of every plain SQLite file; an encrypted file starts with random salt. */
const PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export const isPlainHeader = (head: Buffer): boolean => head.length >= 16 && head.subarray(0, 16).equals(PLAIN_HEADER);
