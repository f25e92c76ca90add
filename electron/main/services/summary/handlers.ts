import type { Database } from 'better-sqlite3';
import type { ExportResult, SummarySettings } from '@shared/domain';
import { AppError } from '../errors';
import type { FileFormat } from '../export/model';
import { runExport, type ExportedFile } from '../export/runner';
import type { HandlersOf } from '../handlers';
import { summaryDocument } from './document';
import { closeProgramme } from './archive';
import { closingPlan } from '../closing/plan';
import { archiveState, currentDocument } from './current';
import { getSummarySettings, listExports, logExport, saveSummarySettings } from './settings';

export interface SummaryOptions {
  /** Folder with the TTF fonts the PDF embeds (see export/fonts.ts). */
  fontsDir: string;
}

/**
 * Renders the summary into a file off this thread (export/runner.ts), then records the export
 * (what, when, which sections; no content) once the file exists.
 */
export async function exportSummary(db: Database, format: FileFormat, fontsDir: string): Promise<ExportedFile<SummarySettings>> {
  const file = await runExport<SummarySettings>(db, { kind: 'summary', format }, fontsDir);
  db.transaction(() => logExport(db, format, file.meta))();
  return file;
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
