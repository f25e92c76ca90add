import { ExportResult } from '../domain/agreement';
import { BriefInput } from '../domain/brief';
import { SummaryDocument } from '../domain/summary';
import type { ContractPart } from './part';

/** The meeting brief, on screen (the document model) and as a PDF made off the serving thread. */
export const briefCalls = {
  'brief.get': { input: BriefInput, output: SummaryDocument },
  'brief.export': { input: BriefInput, output: ExportResult, file: true },
} as const satisfies ContractPart;
