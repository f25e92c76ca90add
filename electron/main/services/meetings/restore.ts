import type { Database } from 'better-sqlite3';
import { AppError } from '../errors';

/**
 * Closing the programme deleted the confidential material for good: Undo must not bring any of
 * it back afterwards.
 */
export function refuseWhenClosed(db: Database): void {
  const row = db.prepare('SELECT archived_at AS archivedAt FROM programme WHERE id = 1').get() as { archivedAt: string | null } | undefined;
  if (row?.archivedAt) throw new AppError('conflict', 'The programme has been closed; its confidential material cannot be restored.');
}
