import { randomInt } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { stemOf } from '../../electron/main/services/db/stems';
import { WAL_FRAME_HEADER_BYTES, WAL_HEADER_BYTES, decryptDatabasePages, decryptWal, isEncryptedDatabase, isPlainSqlite, isWal, saltOf } from './sqlcipher';

/**
 * What an examiner with the data folder can see, without SQLite: the raw bytes of every file and,
 * since the examiner may hold the key (the facilitator's own keychain does), the decrypted pages of
 * the store, its write-ahead log (every frame, stale ones included) and its backups; and the cells
 * of b-tree pages in the decrypted file and log.
 */

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** A distinctive lower-case word (14 random letters) that no other text in the store contains. */
export const distinctiveWord = (): string => Array.from({ length: 14 }, () => LETTERS[randomInt(LETTERS.length)]).join('');

/**
 * The part of a word the scan looks for. FTS5 stores each term with its prefix shared with the
 * term before it on the page, so only a suffix is guaranteed to sit in the file as contiguous
 * bytes; the last 8 random letters are still unique.
 */
export const scanFormOf = (word: string): string => word.slice(-8).toLowerCase();

/**
 * The forms a word leaves in the file: its own, and its Finnish stem's (the index keeps the stem
 * beside the word, 0007; the word then often sits as a short suffix after its stem).
 */
export const scanFormsOf = (word: string): string[] => [...new Set([scanFormOf(word), scanFormOf(stemOf(word))])];

/** Every regular file under `dir` (any depth). */
export function filesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

export const fileSize = (path: string): number => (existsSync(path) ? statSync(path).size : 0);

/** How a file was read: decrypted as a database or as a write-ahead log under the key, or only as its bytes. */
export type FileForm = 'database' | 'log' | 'bytes';

export interface ExaminedFile {
  file: string;
  form: FileForm;
  /** The raw bytes, lower-cased (Latin-1), as `strings` or a hex editor would show them. */
  raw: string;
  /** The decrypted pages (database) or frames (log), lower-cased; empty for 'bytes'. */
  decrypted: string;
}

const lower = (bytes: Buffer) => bytes.toString('latin1').toLowerCase();

/** The salt a log's pages were encrypted with: its database's, when that file is an encrypted store. */
function saltForLog(walPath: string, key: Buffer): Buffer | null {
  const database = walPath.replace(/-wal$/, '');
  if (database === walPath || !existsSync(database)) return null;
  const bytes = readFileSync(database);
  return isEncryptedDatabase(bytes, key) ? saltOf(bytes) : null;
}

/** A log of a plain database (its database file, or its own first page, starts with SQLite's header). */
function isPlainLog(walPath: string, wal: Buffer): boolean {
  const database = walPath.replace(/-wal$/, '');
  if (existsSync(database) && isPlainSqlite(readFileSync(database))) return true;
  const firstPage = WAL_HEADER_BYTES + WAL_FRAME_HEADER_BYTES;
  return wal.readUInt32BE(WAL_HEADER_BYTES) === 1 && isPlainSqlite(wal.subarray(firstPage));
}

/**
 * Reads one file as an examiner with the key would: a write-ahead log (its magic number) is
 * decrypted frame by frame, a file whose page 1 authenticates under the key page by page;
 * anything else (the -shm, the key file, a plain database and its log) is plain bytes. A log
 * that is not plain and does not decrypt throws: the examination must never quietly see nothing.
 */
export function examineFile(file: string, key: Buffer): ExaminedFile {
  const bytes = readFileSync(file);
  const raw = lower(bytes);
  if (isWal(bytes) && !isPlainLog(file, bytes)) {
    const { frames } = decryptWal(bytes, key, saltForLog(file, key));
    return { file, form: 'log', raw, decrypted: lower(Buffer.concat(frames.map((frame) => frame.page))) };
  }
  if (isEncryptedDatabase(bytes, key)) {
    return { file, form: 'database', raw, decrypted: lower(Buffer.concat(decryptDatabasePages(bytes, key))) };
  }
  return { file, form: 'bytes', raw, decrypted: '' };
}

export const examineFolder = (dir: string, key: Buffer): ExaminedFile[] => filesIn(dir).map((file) => examineFile(file, key));

export interface Hit {
  file: string;
  word: string;
  /** Seen in the raw bytes (readable without the key) or only once decrypted. */
  seen: 'raw' | 'decrypted';
}

/** Which words occur in which files, case-insensitively: raw, and in what the key decrypts. */
export function scanFiles(files: readonly ExaminedFile[], words: readonly string[]): Hit[] {
  const hits: Hit[] = [];
  for (const { file, raw, decrypted } of files) {
    for (const word of words) {
      const forms = scanFormsOf(word);
      if (forms.some((form) => raw.includes(form))) hits.push({ file, word, seen: 'raw' });
      if (forms.some((form) => decrypted.includes(form))) hits.push({ file, word, seen: 'decrypted' });
    }
  }
  return hits;
}

export const scanFolder = (dir: string, words: readonly string[], key: Buffer): Hit[] => scanFiles(examineFolder(dir, key), words);

function varint(buf: Buffer, pos: number): [value: number, length: number] {
  let value = 0;
  for (let i = 0; i < 8; i += 1) {
    const byte = buf[pos + i] ?? 0;
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) return [value, i + 1];
  }
  return [value * 256 + (buf[pos + 8] ?? 0), 9];
}

/** The first column of a record, when it is an integer (the key of the rows we look for). */
function firstInteger(buf: Buffer, pos: number): number | null {
  const [headerSize, headerLength] = varint(buf, pos);
  const [serialType] = varint(buf, pos + headerLength);
  const body = pos + headerSize;
  const sizes: Record<number, number> = { 1: 1, 2: 2, 3: 3, 4: 4, 5: 6, 6: 8 };
  if (serialType === 8) return 0;
  if (serialType === 9) return 1;
  const size = sizes[serialType];
  if (!size || body + size > buf.length) return null;
  return size === 8 ? Number(buf.readBigInt64BE(body)) : buf.readIntBE(body, size);
}

export interface Sighting {
  /** The database file or the write-ahead log. */
  source: 'db' | 'wal';
  /** Page number in the file, or frame index in the log. */
  position: number;
  /** Where the cell starts inside the page. */
  offset: number;
  /** The rowid (table leaf) or the first column of the key (index leaf, WITHOUT ROWID table). */
  key: number;
  kind: 'table' | 'index';
}

function cellsOf(page: Buffer, headerAt: number, source: Sighting['source'], position: number): Sighting[] {
  const type = page[headerAt];
  // Table leaves hold rows; index pages (leaf and interior) hold whole keys, and the rows of a
  // WITHOUT ROWID table are such keys.
  if (type !== 0x0d && type !== 0x0a && type !== 0x02) return [];
  const headerSize = type === 0x02 ? 12 : 8;
  const count = page.readUInt16BE(headerAt + 3);
  const cells: Sighting[] = [];
  for (let i = 0; i < count; i += 1) {
    const pointerAt = headerAt + headerSize + i * 2;
    if (pointerAt + 2 > page.length) break;
    const cellAt = page.readUInt16BE(pointerAt);
    if (cellAt === 0 || cellAt >= page.length) continue;
    const offset = type === 0x02 ? cellAt + 4 : cellAt;
    const [, payloadLength] = varint(page, offset);
    if (type === 0x0d) {
      const [rowid] = varint(page, offset + payloadLength);
      cells.push({ source, position, offset: cellAt, key: rowid, kind: 'table' });
    } else {
      const key = firstInteger(page, offset + payloadLength);
      if (key !== null) cells.push({ source, position, offset: cellAt, key, kind: 'index' });
    }
  }
  return cells;
}

/**
 * Every row and key cell of the database file and of every frame its WAL holds, valid or stale,
 * read from the pages decrypted with the store's key.
 */
export function leafCells(databasePath: string, key: Buffer): Sighting[] {
  const cells: Sighting[] = [];
  const file = readFileSync(databasePath);
  for (const [index, image] of decryptDatabasePages(file, key).entries()) {
    cells.push(...cellsOf(image, index === 0 ? 100 : 0, 'db', index + 1));
  }
  const walPath = `${databasePath}-wal`;
  if (fileSize(walPath) > 0) {
    for (const frame of decryptWal(readFileSync(walPath), key, saltOf(file)).frames) {
      cells.push(...cellsOf(frame.page, frame.pageNumber === 1 ? 100 : 0, 'wal', frame.index));
    }
  }
  return cells;
}

/**
 * Kendall's tau-b between two rankings of the same items: 1 or -1 when one order follows the other,
 * about 0 when they are unrelated. Ties (several rows first seen in the same WAL frame) count as neither.
 */
export function kendallTau(a: readonly number[], b: readonly number[]): number {
  let concordant = 0;
  let discordant = 0;
  let tiesA = 0;
  let tiesB = 0;
  for (let i = 0; i < a.length; i += 1) {
    for (let j = i + 1; j < a.length; j += 1) {
      const da = Math.sign(a[i]! - a[j]!);
      const db = Math.sign(b[i]! - b[j]!);
      if (da === 0 && db === 0) continue;
      if (da === 0) tiesA += 1;
      else if (db === 0) tiesB += 1;
      else if (da === db) concordant += 1;
      else discordant += 1;
    }
  }
  const denominator = Math.sqrt((concordant + discordant + tiesA) * (concordant + discordant + tiesB));
  return denominator === 0 ? 0 : (concordant - discordant) / denominator;
}
