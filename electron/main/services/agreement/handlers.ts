import type { Database } from 'better-sqlite3';
import type { ExportInput, ExportResult } from '@shared/domain';
import { renderDocx } from '../export/docx';
import { fontSetIn } from '../export/fonts';
import { safeFileName } from '../export/model';
import { renderPdf } from '../export/pdf';
import type { HandlersOf } from '../handlers';
import { diffSnapshots } from './diff';
import { agreementDocument } from './document';
import { AGREEMENT_LABELS } from './labels';
import {
  addGoal,
  addRule,
  getAgreement,
  listVersions,
  removeGoal,
  removeRule,
  reorderGoals,
  reorderRules,
  restoreGoal,
  restoreRule,
  saveVersion,
  setAcceptance,
  snapshotOf,
  startAgreement,
  updateGoal,
  updatePracticalities,
  updateRule,
} from './service';

export interface AgreementOptions {
  /** Folder with the TTF fonts the PDF embeds (see export/fonts.ts). */
  fontsDir: string;
}

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  bytes: Buffer;
}

const MIME = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

/**
 * The agreement as a file: the agreed version `version`, or the draft (marked as a draft).
 * The desktop app can call this directly after its save dialog and write `bytes` to the chosen path.
 */
export async function exportAgreement(db: Database, { version, language, format }: ExportInput, fontsDir: string): Promise<ExportedFile> {
  // Read everything in one transaction, then render outside it.
  const { document, stem } = db.transaction(() => {
    const snapshot = snapshotOf(db, version);
    const agreed = version === null ? null : (listVersions(db).find((v) => v.number === version) ?? null);
    const labels = AGREEMENT_LABELS[language];
    return {
      document: agreementDocument(snapshot, agreed, language),
      stem: `${labels.fileStem}-${snapshot.parties.programmeName}-${agreed ? `v${agreed.number}` : labels.draftMark}`,
    };
  })();
  const bytes = format === 'pdf' ? renderPdf(document, fontSetIn(fontsDir)) : await renderDocx(document);
  return { fileName: safeFileName(stem, format), mimeType: MIME[format], bytes };
}

type AgreementCall =
  | 'agreement.get'
  | 'agreement.start'
  | 'agreement.updatePracticalities'
  | 'agreement.addGoal'
  | 'agreement.updateGoal'
  | 'agreement.removeGoal'
  | 'agreement.restoreGoal'
  | 'agreement.reorderGoals'
  | 'agreement.addRule'
  | 'agreement.updateRule'
  | 'agreement.removeRule'
  | 'agreement.restoreRule'
  | 'agreement.reorderRules'
  | 'agreement.saveVersion'
  | 'agreement.setAcceptance'
  | 'agreement.compare'
  | 'agreement.export';

export const agreementHandlers = (db: Database, options: AgreementOptions): HandlersOf<AgreementCall> => ({
  'agreement.get': () => getAgreement(db),
  'agreement.start': (input) => startAgreement(db, input),
  'agreement.updatePracticalities': (input) => updatePracticalities(db, input),
  'agreement.addGoal': (input) => addGoal(db, input),
  'agreement.updateGoal': (input) => updateGoal(db, input),
  'agreement.removeGoal': (input) => removeGoal(db, input),
  'agreement.restoreGoal': (input) => restoreGoal(db, input),
  'agreement.reorderGoals': (input) => reorderGoals(db, input),
  'agreement.addRule': (input) => addRule(db, input),
  'agreement.updateRule': (input) => updateRule(db, input),
  'agreement.removeRule': (input) => removeRule(db, input),
  'agreement.restoreRule': (input) => restoreRule(db, input),
  'agreement.reorderRules': (input) => reorderRules(db, input),
  'agreement.saveVersion': (input) => saveVersion(db, input),
  'agreement.setAcceptance': (input) => setAcceptance(db, input),
  'agreement.compare': ({ from, to, language }) =>
    db.transaction(() => ({ from, to, sections: diffSnapshots(snapshotOf(db, from), snapshotOf(db, to), language) }))(),
  'agreement.export': async (input): Promise<ExportResult> => {
    const file = await exportAgreement(db, input, options.fontsDir);
    return { delivery: 'download', fileName: file.fileName, mimeType: file.mimeType, base64: file.bytes.toString('base64') };
  },
});
