import type { Database } from 'better-sqlite3';
import type { ArchiveState, SummaryDocument, SummarySettings } from '@shared/domain';
import { SummaryDocument as SummaryDocumentSchema } from '@shared/domain';
import { summaryDocument } from './document';

export function archiveState(db: Database): ArchiveState {
  const row = db.prepare('SELECT document, archived_at AS archivedAt, wiped_at AS wipedAt FROM summary_archive WHERE id = 1').get() as
    | { document: string; archivedAt: string; wipedAt: string | null }
    | undefined;
  return row
    ? { archivedAt: row.archivedAt, wipedAt: row.wipedAt, frozen: SummaryDocumentSchema.parse(JSON.parse(row.document)) }
    : { archivedAt: null, wipedAt: null, frozen: null };
}

/** The document to show and export: the live one, or the frozen one once the programme is closed. */
export function currentDocument(db: Database, settings: SummarySettings): SummaryDocument {
  return archiveState(db).frozen ?? summaryDocument(db, settings);
}
