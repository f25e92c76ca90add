import type { Database } from 'better-sqlite3';
import type { ExportInput } from '@shared/domain';
import type { ExportSource } from '../export/jobs';
import { agreementDocument } from './document';
import { AGREEMENT_LABELS } from './labels';
import { listVersions, snapshotOf } from './service';

/**
 * What the agreement file prints, read in the export worker's snapshot: the agreed version
 * `version`, or the draft (marked as a draft).
 */
export function agreementExport(db: Database, { version, language, format }: ExportInput): ExportSource<null> {
  const snapshot = snapshotOf(db, version);
  const agreed = version === null ? null : (listVersions(db).find((v) => v.number === version) ?? null);
  const labels = AGREEMENT_LABELS[language];
  return {
    document: agreementDocument(snapshot, agreed, language),
    format,
    stem: `${labels.fileStem}-${snapshot.parties.programmeName}-${agreed ? `v${agreed.number}` : labels.draftMark}`,
    meta: null,
  };
}
