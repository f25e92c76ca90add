import { z } from 'zod';
import { isoDate, optionalLine, optionalText, recordId, requiredText } from './fields';
import { MeetingFormat } from './meetings';

/**
 * The mentoring agreement (mentorointisopimus): the group's own frame. It is shared with the group
 * (printed for signing), never with management. A draft is edited freely; "agreed" versions are
 * frozen snapshots that can be compared and accepted by members.
 */
export const AGREEMENT_LIMITS = {
  goal: 500,
  rule: 500,
  short: 200,
  text: 1000,
  confidentiality: 2000,
  note: 300,
  items: 50,
} as const;

export const GOAL_KINDS = ['organisation', 'member', 'group'] as const;
export const GoalKind = z.enum(GOAL_KINDS, { error: 'invalidGoalKind' });
export type GoalKind = z.infer<typeof GoalKind>;

export const AgreementLanguage = z.enum(['fi', 'en'], { error: 'invalidLanguage' });
export type AgreementLanguage = z.infer<typeof AgreementLanguage>;

/** Start a new agreement from the starter template in one language, or empty (`null`). */
export const AgreementStart = z.object({ template: AgreementLanguage.nullable() });
export type AgreementStart = z.infer<typeof AgreementStart>;

// Goals: the organisation's goals, the members' expectations and the group's own goals.
export const GoalAdd = z.object({ kind: GoalKind, text: requiredText(AGREEMENT_LIMITS.goal) });
export type GoalAdd = z.infer<typeof GoalAdd>;
export const GoalUpdate = z.object({ id: recordId, text: requiredText(AGREEMENT_LIMITS.goal) });
export type GoalUpdate = z.infer<typeof GoalUpdate>;
export const Goal = z.object({ id: recordId, kind: GoalKind, text: z.string() });
export type Goal = z.infer<typeof Goal>;

// Ground rules (pelisäännöt): an ordered list.
export const RuleAdd = z.object({ text: requiredText(AGREEMENT_LIMITS.rule) });
export type RuleAdd = z.infer<typeof RuleAdd>;
export const RuleUpdate = z.object({ id: recordId, text: requiredText(AGREEMENT_LIMITS.rule) });
export type RuleUpdate = z.infer<typeof RuleUpdate>;
export const Rule = z.object({ id: recordId, text: z.string() });
export type Rule = z.infer<typeof Rule>;

export const ItemRef = z.object({ id: recordId });
export type ItemRef = z.infer<typeof ItemRef>;

/** A new order for a list: every current id exactly once. */
export const RuleOrder = z.object({ ids: z.array(recordId).max(AGREEMENT_LIMITS.items * 4) });
export type RuleOrder = z.infer<typeof RuleOrder>;
export const GoalOrder = RuleOrder.extend({ kind: GoalKind });
export type GoalOrder = z.infer<typeof GoalOrder>;

export const MIN_MEETING_MINUTES = 15;
export const MAX_MEETING_MINUTES = 600;

/** Practicalities: how the group works. The meeting length is the default for a planned meeting. */
export const Practicalities = z.object({
  duration: optionalLine(AGREEMENT_LIMITS.short),
  meetingFrequency: optionalLine(AGREEMENT_LIMITS.short),
  meetingMinutes: z
    .number({ error: 'invalidMeetingLength' })
    .int({ error: 'invalidMeetingLength' })
    .min(MIN_MEETING_MINUTES, { error: 'invalidMeetingLength' })
    .max(MAX_MEETING_MINUTES, { error: 'invalidMeetingLength' })
    .nullable(),
  workingTime: optionalText(AGREEMENT_LIMITS.text),
  costs: optionalText(AGREEMENT_LIMITS.text),
  contact: optionalText(AGREEMENT_LIMITS.text),
  tasks: optionalText(AGREEMENT_LIMITS.text),
  confidentiality: optionalText(AGREEMENT_LIMITS.confidentiality),
});
export type Practicalities = z.infer<typeof Practicalities>;
export const PRACTICALITY_KEYS = Object.keys(Practicalities.shape) as (keyof Practicalities)[];

/** Practicalities as stored (the draft, frozen versions): read back as they are, never judged again by today's rules. */
const StoredPracticalities = z.object({
  duration: z.string(),
  meetingFrequency: z.string(),
  meetingMinutes: z.number().int().nullable(),
  workingTime: z.string(),
  costs: z.string(),
  contact: z.string(),
  tasks: z.string(),
  confidentiality: z.string(),
}) satisfies z.ZodType<Practicalities>;

/** The parties as they stood when a snapshot was taken. */
export const Parties = z.object({
  programmeName: z.string(),
  organisation: z.string(),
  facilitatorName: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  members: z.array(z.object({ id: recordId, name: z.string() })),
});
export type Parties = z.infer<typeof Parties>;

export const SnapshotPlanRow = z.object({
  id: recordId,
  number: z.number().int(),
  plannedTheme: z.string(),
  plannedDate: z.string().nullable(),
  plannedMonth: z.string().nullable(),
  place: z.string(),
  format: MeetingFormat.nullable(),
});
export type SnapshotPlanRow = z.infer<typeof SnapshotPlanRow>;

/** Every section of the agreement at one moment: what a version freezes and what is printed. */
export const AgreementSnapshot = z.object({
  parties: Parties,
  goals: z.array(Goal),
  rules: z.array(Rule),
  practicalities: StoredPracticalities,
  plan: z.array(SnapshotPlanRow),
});
export type AgreementSnapshot = z.infer<typeof AgreementSnapshot>;

export const Acceptance = z.object({ memberId: recordId, acceptedOn: isoDate });
export type Acceptance = z.infer<typeof Acceptance>;

export const AgreementVersion = z.object({
  id: recordId,
  number: z.number().int().positive(),
  agreedOn: isoDate,
  note: z.string(),
  createdAt: z.string(),
  acceptances: z.array(Acceptance),
});
export type AgreementVersion = z.infer<typeof AgreementVersion>;

/** "Save as agreed version": the date it was agreed and a short note on what changed. */
export const VersionSave = z.object({ agreedOn: isoDate, note: optionalLine(AGREEMENT_LIMITS.note) });
export type VersionSave = z.infer<typeof VersionSave>;

/** A member accepted a version on a day; `null` takes a wrongly recorded acceptance back. */
export const AcceptanceSet = z.object({ versionId: recordId, memberId: recordId, acceptedOn: isoDate.nullable() });
export type AcceptanceSet = z.infer<typeof AcceptanceSet>;

export const Agreement = z.object({
  startedFrom: z.enum(['empty', 'fi', 'en']),
  goals: z.array(Goal),
  rules: z.array(Rule),
  practicalities: StoredPracticalities,
  updatedAt: z.string(),
  versions: z.array(AgreementVersion),
  /** True when the draft (incl. the plan and the parties) differs from the last agreed version. */
  draftDiffers: z.boolean(),
});
export type Agreement = z.infer<typeof Agreement>;

/** A version by number, or the current draft (`null`). */
export const VersionPick = z.number({ error: 'invalidVersion' }).int({ error: 'invalidVersion' }).positive({ error: 'invalidVersion' }).nullable();

export const SECTION_KEYS = ['parties', 'organisationGoals', 'memberGoals', 'groupGoals', 'rules', 'practicalities', 'plan'] as const;
export const SectionKey = z.enum(SECTION_KEYS);
export type SectionKey = z.infer<typeof SectionKey>;

export const CompareInput = z.object({ from: VersionPick, to: VersionPick, language: AgreementLanguage });
export type CompareInput = z.infer<typeof CompareInput>;

export const DiffPart = z.object({ kind: z.enum(['same', 'added', 'removed']), text: z.string() });
export type DiffPart = z.infer<typeof DiffPart>;

/** One line of a section in a comparison; a changed line carries word-level parts. */
export const DiffLine = z.object({
  kind: z.enum(['same', 'added', 'removed', 'changed']),
  text: z.string(),
  oldText: z.string().optional(),
  parts: z.array(DiffPart).optional(),
});
export type DiffLine = z.infer<typeof DiffLine>;

export const SectionDiff = z.object({ section: SectionKey, lines: z.array(DiffLine), changed: z.boolean() });
export type SectionDiff = z.infer<typeof SectionDiff>;

export const Comparison = z.object({ from: VersionPick, to: VersionPick, sections: z.array(SectionDiff) });
export type Comparison = z.infer<typeof Comparison>;

export const AGREEMENT_EXPORT_FORMATS = ['pdf', 'docx'] as const;
export const AgreementExportFormat = z.enum(AGREEMENT_EXPORT_FORMATS, { error: 'invalidExportFormat' });
export type AgreementExportFormat = z.infer<typeof AgreementExportFormat>;

/** Print the agreed version `version`, or the draft (`null`, clearly marked as a draft). */
export const ExportInput = z.object({ version: VersionPick, language: AgreementLanguage, format: AgreementExportFormat });
export type ExportInput = z.infer<typeof ExportInput>;

/**
 * How an exported file reached the user. The service answers `download` (the bytes, base64, and a
 * suggested name: browser mode downloads them); the desktop app wraps the call with a save dialog
 * and answers `saved` (where it was written) or `cancelled`.
 */
export const ExportResult = z.discriminatedUnion('delivery', [
  z.object({ delivery: z.literal('download'), fileName: z.string(), mimeType: z.string(), base64: z.string() }),
  z.object({ delivery: z.literal('saved'), fileName: z.string(), path: z.string() }),
  z.object({ delivery: z.literal('cancelled') }),
]);
export type ExportResult = z.infer<typeof ExportResult>;
