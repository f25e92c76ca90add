import { z } from 'zod';
import { ExportResult } from '../domain/agreement';
import { ArchiveInput, ArchiveState, ClosingPlan, ExportLogEntry, SummaryDocument, SummaryExportInput, SummarySettings } from '../domain/summary';
import { noInput, type ContractPart } from './part';

/** The management summary: settings, the preview (the document itself), exports and closing the programme. */
export const summaryCalls = {
  'summary.settings': { input: noInput, output: SummarySettings },
  'summary.saveSettings': { input: SummarySettings, output: SummarySettings },
  'summary.preview': { input: noInput, output: SummaryDocument },
  'summary.export': { input: SummaryExportInput, output: ExportResult, file: true },
  'summary.exports': { input: noInput, output: z.array(ExportLogEntry) },
  'summary.archiveState': { input: noInput, output: ArchiveState },
  // asynchronous: it ends with VACUUM and emptying the log, which cannot run inside a transaction
  'summary.archive': { input: ArchiveInput, output: ArchiveState, async: true },
  /** What closing would delete and keep, to show before the facilitator confirms. */
  'summary.closingPlan': { input: noInput, output: ClosingPlan },
} as const satisfies ContractPart;
