import type { Database } from 'better-sqlite3';
import type { ExportResult, SummaryDocument } from '@shared/domain';
import { runExport } from '../export/runner';
import type { HandlersOf } from '../handlers';
import { briefDocument } from './document';

export interface BriefOptions {
  /** Folder with the TTF fonts the PDF embeds (see export/fonts.ts). */
  fontsDir: string;
}

/** The brief on screen (its document model) and as a PDF, rendered off this thread like every export. */
export const briefHandlers = (db: Database, options: BriefOptions): HandlersOf<'brief.get' | 'brief.export'> => ({
  'brief.get': ({ meetingId, language }) => briefDocument(db, meetingId, language) as SummaryDocument,
  'brief.export': async (input): Promise<ExportResult> => {
    const file = await runExport(db, { kind: 'brief', input }, options.fontsDir);
    return { delivery: 'download', fileName: file.fileName, mimeType: file.mimeType, base64: file.bytes.toString('base64') };
  },
});
