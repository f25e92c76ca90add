import type { Database } from 'better-sqlite3';
import type { SummaryDocument } from '@shared/domain';
import { AppError } from '../errors';
import { backupDatabase } from '../storage/backups';

/**
 * Closing the programme: the summary is frozen as it stands, then the confidential material is
 * deleted for good — meeting notes, reasons for absence, agreed actions, between-meeting tasks and
 * every raw feedback answer. What stays: the programme, members, the agreement, the meeting plan
 * and themes, the ideas forwarded, the frozen summary and the export log. One transaction.
 *
 * The deletes name tables directly because they are the one place that must reach the
 * confidential data; the summary's read model (document.ts, sources.ts) never does.
 */
export function closeProgramme(db: Database, summary: SummaryDocument): void {
  backupDatabase(db, 'beforeClose');
  db.transaction(() => {
    const programme = db.prepare('SELECT archived_at AS archivedAt FROM programme WHERE id = 1').get() as { archivedAt: string | null } | undefined;
    if (!programme) throw new AppError('not_set_up', 'The group has not been set up yet.');
    if (programme.archivedAt) throw new AppError('conflict', 'The programme has already been closed.');
    db.prepare('INSERT INTO summary_archive (id, document) VALUES (1, ?)').run(JSON.stringify(summary));
    db.prepare("UPDATE meeting SET notes = '' WHERE notes <> ''").run();
    db.prepare("UPDATE attendance SET absence_reason = '' WHERE absence_reason <> ''").run();
    db.prepare('DELETE FROM action').run();
    db.prepare('DELETE FROM task').run();
    db.prepare('DELETE FROM feedback_answer').run();
    db.prepare('DELETE FROM feedback_response').run();
    db.prepare("UPDATE programme SET archived_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1").run();
  })();
  // Deleted pages may still hold the old text until reused; rewrite the file without them.
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('VACUUM');
}
