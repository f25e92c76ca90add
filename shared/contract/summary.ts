import { z } from 'zod';
import { ExportResult } from '../domain/agreement';
import { ArchiveInput, ArchiveState, ExportLogEntry, SummaryDocument, SummaryExportInput, SummarySettings } from '../domain/summary';
import { noInput, type ContractPart } from './part';

/** The management summary: settings, the preview (the document itself), exports and closing the programme. */
export const summaryCalls = {
  'summary.settings': { input: noInput, output: SummarySettings },
  'summary.saveSettings': { input: SummarySettings, output: SummarySettings },
  'summary.preview': { input: noInput, output: SummaryDocument },
  'summary.export': { input: SummaryExportInput, output: ExportResult, file: true },
  'summary.exports': { input: noInput, output: z.array(ExportLogEntry) },
  'summary.archiveState': { input: noInput, output: ArchiveState },
  'summary.archive': { input: ArchiveInput, output: ArchiveState },
} as const satisfies ContractPart;
