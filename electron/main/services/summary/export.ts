import type { Database } from 'better-sqlite3';
import type { SummarySettings } from '@shared/domain';
import type { ExportSource } from '../export/jobs';
import type { ExportDocument, FileFormat } from '../export/model';
import { currentDocument } from './current';
import { SUMMARY_LABELS } from './labels';
import { getSummarySettings } from './settings';

/**
 * What the summary file prints, read in the export worker's snapshot: the current document and
 * the settings it was made with (the export log records them once the file exists).
 */
export function summaryExport(db: Database, format: FileFormat): ExportSource<SummarySettings> {
  const settings = getSummarySettings(db);
  return {
    document: currentDocument(db, settings) as ExportDocument,
    format,
    stem: `${SUMMARY_LABELS[settings.language].title}-${new Date().toISOString().slice(0, 10)}`,
    meta: settings,
  };
}
