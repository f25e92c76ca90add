import type { Database } from 'better-sqlite3';
import type { SummaryDocument } from '@shared/domain';
import { closedError } from '../closing/guard';
import { deleteConfidential, emptyLog, markClosed, wipeFile, WipeIncompleteError } from '../closing/shred';
import { AppError } from '../errors';
import { backupDatabase } from '../storage/backups';

/**
 * Closing the programme: the summary is frozen as it stands, the confidential material listed in
 * closing/plan.ts is deleted for good and the programme becomes read-only, all in one transaction.
 * Then the file itself is wiped (closing/shred.ts): the full-text index rebuilt, VACUUM, and the
 * write-ahead log emptied and checked. Only then is closing recorded as done; if the wipe could
 * not finish (another program held the file), closing again finishes it.
 */
type Stage = 'notSetUp' | 'open' | 'wipePending' | 'done';

function stageOf(db: Database): Stage {
  const row = db
    .prepare(
      `SELECT p.archived_at AS archivedAt, (SELECT wiped_at FROM summary_archive WHERE id = 1) AS wipedAt FROM shareable_programme p`,
    )
    .get() as { archivedAt: string | null; wipedAt: string | null } | undefined;
  if (!row) return 'notSetUp';
  if (!row.archivedAt) return 'open';
  return row.wipedAt ? 'done' : 'wipePending';
}

export function closeProgramme(db: Database, freeze: () => SummaryDocument): void {
  const stage = stageOf(db);
  if (stage === 'notSetUp') throw new AppError('not_set_up', 'The group has not been set up yet.');
  if (stage === 'done') throw closedError('The programme has already been closed and its confidential material deleted.');
  if (stage === 'open') {
    // A safety copy (encrypted, like the store) in case closing was a mistake; retention removes it.
    backupDatabase(db, 'beforeClose');
    db.transaction(() => {
      db.prepare('INSERT INTO summary_archive (id, document) VALUES (1, ?)').run(JSON.stringify(freeze()));
      deleteConfidential(db);
      markClosed(db);
    })();
  }
  try {
    wipeFile(db);
  } catch (error) {
    if (error instanceof WipeIncompleteError) throw new AppError('wipe_incomplete', error.message);
    throw error;
  }
  // The log was emptied, so what is written now holds nothing of what was deleted.
  db.prepare("UPDATE summary_archive SET wiped_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1").run();
  emptyLog(db, { required: false });
}
