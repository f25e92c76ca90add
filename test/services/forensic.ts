import { randomInt } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What an examiner with the data folder can see, without SQLite: raw bytes of every file, and the
 * cells of b-tree leaf pages in the database file and in every frame of its write-ahead log
 * (including frames an earlier checkpoint left behind).
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

/** Every regular file under `dir` (any depth). */
export function filesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Which words occur in which files, case-insensitively (the bytes read as Latin-1 and lower-cased). */
export function scanFolder(dir: string, words: readonly string[]): { file: string; word: string }[] {
  const found: { file: string; word: string }[] = [];
  for (const file of filesIn(dir)) {
    const text = readFileSync(file).toString('latin1').toLowerCase();
    for (const word of words) if (text.includes(scanFormOf(word))) found.push({ file, word });
  }
  return found;
}

export const fileSize = (path: string): number => (existsSync(path) ? statSync(path).size : 0);

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

/** Every row and key cell of the database file and of every frame its WAL holds, valid or stale. */
export function leafCells(databasePath: string): Sighting[] {
  const cells: Sighting[] = [];
  const db = readFileSync(databasePath);
  const rawSize = db.readUInt16BE(16);
  const pageSize = rawSize === 1 ? 65536 : rawSize;
  for (let page = 1; page * pageSize <= db.length; page += 1) {
    const image = db.subarray((page - 1) * pageSize, page * pageSize);
    cells.push(...cellsOf(image, page === 1 ? 100 : 0, 'db', page));
  }
  const walPath = `${databasePath}-wal`;
  if (fileSize(walPath) >= 32) {
    const wal = readFileSync(walPath);
    const walPageSize = wal.readUInt32BE(8);
    for (let frame = 0, at = 32; at + 24 + walPageSize <= wal.length; frame += 1, at += 24 + walPageSize) {
      const pageNumber = wal.readUInt32BE(at);
      const image = wal.subarray(at + 24, at + 24 + walPageSize);
      cells.push(...cellsOf(image, pageNumber === 1 ? 100 : 0, 'wal', frame));
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
