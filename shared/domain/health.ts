import { z } from 'zod';
import { recordId } from './fields';

/**
 * The programme's health for the facilitator's overview, from what the app already holds:
 * attendance per meeting, agreed actions done on time, the feedback trend and the time since the
 * last meeting against the plan's rhythm. When a signal crosses a threshold the overview says so
 * plainly, with what the mentoring literature suggests. Never part of the management summary.
 */
export const HEALTH_SUGGESTIONS = [
  'talkTimeUse',
  'checkMeetingTimes',
  'revisitGoals',
  'smallerActions',
  'checkExpectations',
  'askWhatToChange',
  'agreeNextDate',
] as const;
export const HealthSuggestion = z.enum(HEALTH_SUGGESTIONS);
export type HealthSuggestion = z.infer<typeof HealthSuggestion>;

export const HealthWarning = z.discriminatedUnion('kind', [
  /** Under half of the members present in consecutive held meetings. */
  z.object({ kind: z.literal('lowAttendance'), meetings: z.array(z.number().int()), suggestions: z.array(HealthSuggestion) }),
  /** Actions still open three held meetings after the one where they were agreed. */
  z.object({ kind: z.literal('actionsLingering'), count: z.number().int(), meetings: z.array(z.number().int()), suggestions: z.array(HealthSuggestion) }),
  /** The feedback rounds' average fell twice in a row. */
  z.object({ kind: z.literal('feedbackFalling'), meetings: z.array(z.number().int()), suggestions: z.array(HealthSuggestion) }),
  /** Much longer since the last meeting than the plan's rhythm. */
  z.object({ kind: z.literal('longGap'), days: z.number().int(), rhythmDays: z.number().int(), suggestions: z.array(HealthSuggestion) }),
]);
export type HealthWarning = z.infer<typeof HealthWarning>;

export const Health = z.object({
  attendance: z.array(z.object({ meetingId: recordId, number: z.number().int(), present: z.number().int(), members: z.number().int() })),
  actions: z.object({
    /** Actions whose due date has passed, or that were reviewed: those that could be done on time. */
    due: z.number().int(),
    doneOnTime: z.number().int(),
    open: z.number().int(),
  }),
  /** Each round's average of its 1–5 scale answers (the facilitator's view: small rounds too). */
  feedback: z.array(z.object({ number: z.number().int(), mean: z.number(), answers: z.number().int() })),
  rhythm: z.object({ lastHeld: z.string().nullable(), daysSince: z.number().int().nullable(), rhythmDays: z.number().int().nullable() }),
  warnings: z.array(HealthWarning),
});
export type Health = z.infer<typeof Health>;
