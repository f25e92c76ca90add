import { z } from 'zod';
import {
  AcceptanceSet,
  Agreement,
  AgreementStart,
  AgreementVersion,
  CompareInput,
  Comparison,
  ExportInput,
  ExportResult,
  Goal,
  GoalAdd,
  GoalOrder,
  GoalUpdate,
  ItemRef,
  Practicalities,
  Rule,
  RuleAdd,
  RuleOrder,
  RuleUpdate,
  VersionSave,
} from '../domain/agreement';
import { RemovedGoal, RemovedRule } from '../domain/restore';
import { noInput, type ContractPart } from './part';

/**
 * The mentoring agreement: the draft's sections, agreed versions, acceptance and printing.
 * The meeting plan is edited with the `plan.*` calls (one set of records with the meetings).
 * `agreement.export` answers a file (trait `file`: rendered off the serving thread; a save dialog on the desktop).
 */
export const agreementCalls = {
  'agreement.get': { input: noInput, output: Agreement.nullable() },
  'agreement.start': { input: AgreementStart, output: Agreement },
  'agreement.updatePracticalities': { input: Practicalities, output: Practicalities },
  'agreement.addGoal': { input: GoalAdd, output: Goal },
  'agreement.updateGoal': { input: GoalUpdate, output: Goal },
  'agreement.removeGoal': { input: ItemRef, output: RemovedGoal },
  'agreement.restoreGoal': { input: RemovedGoal, output: Goal },
  'agreement.reorderGoals': { input: GoalOrder, output: z.array(Goal) },
  'agreement.addRule': { input: RuleAdd, output: Rule },
  'agreement.updateRule': { input: RuleUpdate, output: Rule },
  'agreement.removeRule': { input: ItemRef, output: RemovedRule },
  'agreement.restoreRule': { input: RemovedRule, output: Rule },
  'agreement.reorderRules': { input: RuleOrder, output: z.array(Rule) },
  'agreement.saveVersion': { input: VersionSave, output: AgreementVersion },
  'agreement.setAcceptance': { input: AcceptanceSet, output: AgreementVersion },
  'agreement.compare': { input: CompareInput, output: Comparison },
  'agreement.export': { input: ExportInput, output: ExportResult, file: true },
} as const satisfies ContractPart;
