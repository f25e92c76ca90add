import type { Database } from 'better-sqlite3';
import type { ArchiveState, ExportResult, SummaryDocument, SummarySettings } from '@shared/domain';
import { SummaryDocument as SummaryDocumentSchema } from '@shared/domain';
import { AppError } from '../errors';
import { renderDocx } from '../export/docx';
import { fontSetIn } from '../export/fonts';
import { safeFileName, type ExportDocument } from '../export/model';
import { renderPdf } from '../export/pdf';
import type { HandlersOf } from '../handlers';
import { summaryDocument } from './document';
import { SUMMARY_LABELS } from './labels';
import { closeProgramme } from './archive';
import { closingPlan } from '../closing/plan';
import { getSummarySettings, listExports, logExport, saveSummarySettings } from './settings';

const MIME = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

export interface SummaryOptions {
  /** Folder with the TTF fonts the PDF embeds (see export/fonts.ts). */
  fontsDir: string;
}

function archiveState(db: Database): ArchiveState {
  const row = db.prepare('SELECT document, archived_at AS archivedAt, wiped_at AS wipedAt FROM summary_archive WHERE id = 1').get() as
    | { document: string; archivedAt: string; wipedAt: string | null }
    | undefined;
  return row
    ? { archivedAt: row.archivedAt, wipedAt: row.wipedAt, frozen: SummaryDocumentSchema.parse(JSON.parse(row.document)) }
    : { archivedAt: null, wipedAt: null, frozen: null };
}

/** The document to show and export: the live one, or the frozen one once the programme is closed. */
function currentDocument(db: Database, settings: SummarySettings): SummaryDocument {
  return archiveState(db).frozen ?? summaryDocument(db, settings);
}

/** Renders the summary into a file and records the export (what, when, which sections; no content). */
export async function exportSummary(db: Database, format: 'pdf' | 'docx', fontsDir: string): Promise<{ fileName: string; mimeType: string; bytes: Buffer }> {
  const { settings, document } = db.transaction(() => {
    const current = getSummarySettings(db);
    return { settings: current, document: currentDocument(db, current) as ExportDocument };
  })();
  const bytes = format === 'pdf' ? renderPdf(document, fontSetIn(fontsDir)) : await renderDocx(document);
  // Logged only once the file exists.
  db.transaction(() => logExport(db, format, settings))();
  const stem = `${SUMMARY_LABELS[settings.language].title}-${new Date().toISOString().slice(0, 10)}`;
  return { fileName: safeFileName(stem, format), mimeType: MIME[format], bytes };
}

type SummaryCall =
  | 'summary.settings'
  | 'summary.saveSettings'
  | 'summary.preview'
  | 'summary.export'
  | 'summary.exports'
  | 'summary.archiveState'
  | 'summary.archive'
  | 'summary.closingPlan';

export const summaryHandlers = (db: Database, options: SummaryOptions): HandlersOf<SummaryCall> => ({
  'summary.settings': () => getSummarySettings(db),
  'summary.saveSettings': (input) => saveSummarySettings(db, input),
  'summary.preview': () => currentDocument(db, getSummarySettings(db)),
  'summary.export': async ({ format }): Promise<ExportResult> => {
    const file = await exportSummary(db, format, options.fontsDir);
    return { delivery: 'download', fileName: file.fileName, mimeType: file.mimeType, base64: file.bytes.toString('base64') };
  },
  'summary.exports': () => listExports(db),
  'summary.archiveState': () => archiveState(db),
  // Asynchronous so that it runs outside any surrounding transaction (VACUUM cannot run in one).
  'summary.archive': async () => {
    closeProgramme(db, () => {
      if (listExports(db).length === 0) throw new AppError('conflict', 'Export the final summary before closing the programme.');
      return summaryDocument(db, getSummarySettings(db));
    });
    return archiveState(db);
  },
  'summary.closingPlan': () => closingPlan(db),
});
