import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';

/**
 * Every row of every table, the schema and user_version: what "nothing was lost" is checked
 * against when the store is encrypted in place or copied. WITHOUT ROWID tables (full-text search
 * keeps some) are ordered by their first column.
 */
export function logicalDump(db: Database) {
  const schema = db
    .prepare(`SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`)
    .all() as { type: string; name: string; sql: string | null }[];
  const rows: Record<string, unknown[]> = {};
  for (const { type, name, sql } of schema) {
    const withoutRowid = /WITHOUT ROWID/i.test(sql ?? '');
    if (type === 'table') {
      rows[name] = db.prepare(`SELECT * FROM "${name.replaceAll('"', '""')}" ORDER BY ${withoutRowid ? 1 : 'rowid'}`).all();
    }
  }
  return { userVersion: db.pragma('user_version', { simple: true }) as number, schema, rows };
}

/** A digest of the logical dump, to compare two databases without holding both dumps. */
export const dumpDigest = (db: Database): string => createHash('sha256').update(JSON.stringify(logicalDump(db))).digest('hex');
