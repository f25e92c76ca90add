import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { StoreOpenError } from './errors';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const FILE_PATTERN = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/** Reads `NNNN_name.sql` files; numbers must run 1, 2, 3… with no gaps or repeats. */
export function loadMigrations(dir: string): Migration[] {
  const migrations = readdirSync(dir)
    .filter((file) => file.toLowerCase().endsWith('.sql'))
    .map((file) => {
      const match = FILE_PATTERN.exec(file);
      if (!match) throw new Error(`Migration file name must look like 0001_name.sql: ${file}`);
      return { version: Number(match[1]), name: match[2] ?? file, sql: readFileSync(join(dir, file), 'utf8') };
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migrations must be numbered without gaps: expected ${index + 1}, found ${migration.version}`);
    }
  });
  return migrations;
}

export const schemaVersion = (db: Database): number => db.pragma('user_version', { simple: true }) as number;

/** A database written by a newer app is refused, not "repaired": this app cannot know its shape. */
export function refuseNewer(db: Database, latest: number, path: string): void {
  const version = schemaVersion(db);
  if (version > latest) {
    throw new StoreOpenError({
      kind: 'newerVersion',
      path,
      detail: `The data was saved by a newer version of the app (schema ${version}; this version knows ${latest}).`,
    });
  }
}

/**
 * Applies every pending migration in one transaction: either the database reaches the
 * latest version or it stays exactly as it was. A database written by a newer app is refused.
 */
export function migrate(db: Database, migrations: Migration[], path: string): { from: number; to: number } {
  const from = schemaVersion(db);
  const latest = migrations.length;
  refuseNewer(db, latest, path);
  const pending = migrations.slice(from);
  if (pending.length === 0) return { from, to: from };
  db.transaction(() => {
    for (const migration of pending) {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }
  })();
  return { from, to: latest };
}
