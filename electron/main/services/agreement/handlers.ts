import type { Database } from 'better-sqlite3';
import type { ExportInput, ExportResult } from '@shared/domain';
import { runExport, type ExportedFile } from '../export/runner';
import type { HandlersOf } from '../handlers';
import { diffSnapshots } from './diff';
import {
  addGoal,
  addRule,
  getAgreement,
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

/**
 * The agreement as a file: the agreed version `version`, or the draft (marked as a draft), read
 * from one snapshot and rendered off this thread (export/runner.ts). The desktop app can call this
 * directly after its save dialog and write `bytes` to the chosen path.
 */
export function exportAgreement(db: Database, input: ExportInput, fontsDir: string): Promise<ExportedFile> {
  return runExport(db, { kind: 'agreement', input }, fontsDir);
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
