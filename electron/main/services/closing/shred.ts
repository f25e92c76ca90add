import { statSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import { CLOSING_DELETES, SEARCH_INDEX } from './plan';

/**
 * Shredding the confidential material so that a forensic look at the data folder finds nothing:
 * rows are deleted with secure_delete on (freed space is zeroed), the full-text index is rebuilt
 * from what remains (FTS5 secure-delete removes the deleted entries, and the rebuild writes every
 * index page anew), VACUUM rewrites the whole file without free pages, and only then is the
 * write-ahead log folded back and truncated, so that no earlier page image survives in it.
 */

/** Deletes every confidential row (inside the caller's transaction). */
export function deleteConfidential(db: Database): void {
  for (const { tables } of [...CLOSING_DELETES].reverse()) {
    for (const table of [...tables].reverse()) db.prepare(`DELETE FROM "${table}"`).run();
  }
  // Nothing is collected any more: sessions end, and no PIN hash is kept.
  db.prepare(
    `UPDATE feedback_survey SET status = 'closed', ended_at = coalesce(ended_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
       pin_hash = NULL, pin_failures = 0, pin_retry_at = NULL, locked_at = NULL
     WHERE status = 'open' OR pin_hash IS NOT NULL`,
  ).run();
}

export class WipeIncompleteError extends Error {
  constructor(detail: string) {
    super(`The data file could not be wiped clean: ${detail}`);
    this.name = 'WipeIncompleteError';
  }
}

/**
 * Folds the write-ahead log into the file and truncates it to nothing. Refused inside a
 * transaction (SQLite could not finish it there); throws if another connection kept it busy.
 */
export function emptyLog(db: Database, { required }: { required: boolean }): boolean {
  if (db.inTransaction) throw new Error('The write-ahead log cannot be emptied inside a transaction.');
  const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
  const walSize = (() => {
    try {
      return statSync(`${db.name}-wal`).size;
    } catch {
      return 0;
    }
  })();
  const done = result !== undefined && result.busy === 0 && walSize === 0;
  if (!done && required) throw new WipeIncompleteError(`the write-ahead log is in use (busy ${result?.busy}, ${walSize} bytes left)`);
  return done;
}

/** Rewrites the file from the remaining data; confirmed only when the log is empty as well. */
export function wipeFile(db: Database): void {
  if (db.inTransaction) throw new Error('The file cannot be wiped inside a transaction.');
  db.prepare(`INSERT INTO ${SEARCH_INDEX} (${SEARCH_INDEX}) VALUES ('rebuild')`).run();
  db.prepare(`INSERT INTO ${SEARCH_INDEX} (${SEARCH_INDEX}) VALUES ('optimize')`).run();
  db.exec('VACUUM');
  emptyLog(db, { required: true });
}

/** The moment the programme becomes closed (inside the closing transaction, after the deletes). */
export function markClosed(db: Database): void {
  db.prepare("UPDATE programme SET archived_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1").run();
}
