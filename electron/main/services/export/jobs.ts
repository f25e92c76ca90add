import type { Database } from 'better-sqlite3';
import type { BriefInput, ExportInput } from '@shared/domain';
import { agreementExport } from '../agreement/export';
import { briefExport } from '../brief/export';
import { summaryExport } from '../summary/export';
import type { ExportDocument, FileFormat } from './model';

/**
 * What the export worker can be asked to make. Each kind reads what it prints from one snapshot
 * of the store (`source`, on the worker's own read-only connection) and names the file; the
 * worker then renders the document. `meta` travels back to the serving thread (e.g. what the
 * export log records).
 */
export type ExportJob =
  | { kind: 'summary'; format: FileFormat }
  | { kind: 'agreement'; input: ExportInput }
  // the facilitator's confidential meeting brief (never the summary's)
  | { kind: 'brief'; input: BriefInput };

export interface ExportSource<Meta = unknown> {
  document: ExportDocument;
  format: FileFormat;
  stem: string;
  meta: Meta;
}

export function sourceOf(db: Database, job: ExportJob): ExportSource {
  if (job.kind === 'summary') return summaryExport(db, job.format);
  if (job.kind === 'brief') return briefExport(db, job.input);
  return agreementExport(db, job.input);
}
