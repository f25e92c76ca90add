import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { logicalDump } from '../../../electron/main/services/storage/dump';
import type { ScryptParams } from '../../../electron/main/services/storage/crypto';

/** Cheap scrypt for tests (the stored parameters are honoured on reading, so the code path is the same). */
export const FAST_SCRYPT: ScryptParams = { N: 2 ** 12, r: 8, p: 1 };

/** Every file under a folder, recursively. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * Distinctive words from every table that holds text, lower-cased (FTS5 keeps tokens lower-case,
 * so a case-insensitive scan is the only one that can find them): table -> words.
 */
export function wordsByTable(db: Database): Map<string, string[]> {
  const { rows } = logicalDump(db);
  const words = new Map<string, string[]>();
  for (const [table, tableRows] of Object.entries(rows)) {
    const found = new Set<string>();
    for (const row of tableRows as Record<string, unknown>[]) {
      for (const value of Object.values(row)) {
        if (typeof value !== 'string') continue;
        for (const word of value.toLowerCase().match(/[a-zäöå]{8,}/g) ?? []) found.add(word);
      }
    }
    if (found.size > 0) words.set(table, [...found]);
  }
  return words;
}

/** The words found in a file's raw bytes, case-insensitively (UTF-8 lower-cased as bytes and as text). */
export function wordsInBytes(bytes: Buffer, words: string[]): string[] {
  const text = bytes.toString('utf8').toLowerCase();
  const latin = bytes.toString('latin1').toLowerCase();
  return words.filter((word) => text.includes(word) || latin.includes(word));
}

export const modeOf = (path: string) => statSync(path).mode & 0o777;

export const readBytes = (path: string) => readFileSync(path);
