import { z } from 'zod';
import { isoDate, optionalLine, recordId } from './fields';
import { MeetingFormat, MeetingStatus } from './meetings';

/** `YYYY-MM`: a meeting planned for a month whose day is still open. */
export const isoMonth = z
  .string({ error: 'invalidMonth' })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'invalidMonth' });

export const MAX_MEETING_NUMBER = 999;

/** The first and last day a meeting can fall on: its date, or the whole of its month; null when not yet planned. */
export function daysOf(when: { plannedDate: string | null; plannedMonth: string | null }): { first: string; last: string } | null {
  if (when.plannedDate) return { first: when.plannedDate, last: when.plannedDate };
  if (!when.plannedMonth) return null;
  const [year, month] = when.plannedMonth.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { first: `${when.plannedMonth}-01`, last: `${when.plannedMonth}-${String(lastDay).padStart(2, '0')}` };
}

/**
 * Whether a meeting's first possible day is after `day` (an undated meeting's is not): until then it
 * cannot be marked held, nor its feedback round collected. Main judges with its today, the screens with theirs.
 */
export function startsAfter(when: { plannedDate: string | null; plannedMonth: string | null }, day: string): boolean {
  const days = daysOf(when);
  return days !== null && days.first > day;
}

/** One row of the meeting plan, as the agreement shows it and the facilitator edits it. */
const PlanShape = z.object({
  number: z
    .number({ error: 'invalidNumber' })
    .int({ error: 'invalidNumber' })
    .min(1, { error: 'invalidNumber' })
    .max(MAX_MEETING_NUMBER, { error: 'invalidNumber' }),
  plannedTheme: optionalLine(200),
  plannedDate: isoDate.nullable(),
  plannedMonth: isoMonth.nullable(),
  place: optionalLine(200),
  format: MeetingFormat.nullable(),
});

const dayOrMonth = (plan: { plannedDate: string | null; plannedMonth: string | null }) =>
  plan.plannedDate === null || plan.plannedMonth === null;

export const PlanFields = PlanShape.refine(dayOrMonth, { path: ['plannedMonth'], error: 'dateOrMonth' });
export type PlanFields = z.infer<typeof PlanFields>;

/** Adding a row: the number is optional (the next free one is used). */
export const PlanAdd = PlanShape.extend({ number: PlanShape.shape.number.optional() }).refine(dayOrMonth, {
  path: ['plannedMonth'],
  error: 'dateOrMonth',
});
export type PlanAdd = z.infer<typeof PlanAdd>;

export const PlanUpdate = PlanShape.extend({ id: recordId }).refine(dayOrMonth, { path: ['plannedMonth'], error: 'dateOrMonth' });
export type PlanUpdate = z.infer<typeof PlanUpdate>;

export const PlanChange = z.object({
  kind: z.enum(['moved', 'rethemed', 'cancelled', 'restored']),
  oldValue: z.string(),
  newValue: z.string(),
  changedAt: z.string(),
});
export type PlanChange = z.infer<typeof PlanChange>;

export const PlannedMeeting = PlanShape.extend({
  id: recordId,
  status: MeetingStatus,
  /** True once anything was recorded for it (notes, attendance…): it can no longer be removed. */
  hasContent: z.boolean(),
  history: z.array(PlanChange),
});
export type PlannedMeeting = z.infer<typeof PlannedMeeting>;

export const MeetingRef = z.object({ id: recordId });
export type MeetingRef = z.infer<typeof MeetingRef>;

export const PlanCancel = z.object({ id: recordId, cancelled: z.boolean() });
export type PlanCancel = z.infer<typeof PlanCancel>;
