import type { Database } from 'better-sqlite3';
import type { SummarySettings } from '@shared/domain';
import { todayIso } from '@shared/vocabulary';
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
  const document = currentDocument(db, settings) as ExportDocument;
  // The programme's name is the document's subtitle (the frozen copy of a closed programme has it too).
  const programme = document.blocks.find((block) => block.type === 'subtitle')?.text;
  return {
    document,
    format,
    stem: [SUMMARY_LABELS[settings.language].title, programme, todayIso()].filter(Boolean).join('-'),
    meta: settings,
  };
}
