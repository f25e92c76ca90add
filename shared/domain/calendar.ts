import { z } from 'zod';
import { AgreementLanguage } from './agreement';
import { recordId } from './fields';

/**
 * The meeting plan as a calendar file (.ics). Only the plan's own facts go into it: the date (or
 * the first working day of a planned month, marked tentative), time and length, place and format,
 * and the theme as the title. Each meeting keeps one UID; a change raises its SEQUENCE.
 */
export const CalendarInput = z.object({ language: AgreementLanguage });
export type CalendarInput = z.infer<typeof CalendarInput>;

export const CALENDAR_CHANGES = ['new', 'changed', 'same'] as const;

export const CalendarEventPreview = z.object({
  /** null: a meeting removed from the plan, whose event the file cancels. */
  meetingId: recordId.nullable(),
  number: z.number().int().nullable(),
  title: z.string(),
  /** `YYYY-MM-DD`: the meeting's day, or the first working day of its month. */
  day: z.string(),
  /** `HH:MM`, or null for an all-day event. */
  startTime: z.string().nullable(),
  minutes: z.number().int(),
  location: z.string(),
  /** Only the month is planned: the day is a placeholder. */
  tentative: z.boolean(),
  cancelled: z.boolean(),
  /** Compared with what the last export said about this meeting. */
  change: z.enum(CALENDAR_CHANGES),
  /** The SEQUENCE the next export gives it. */
  sequence: z.number().int(),
});
export type CalendarEventPreview = z.infer<typeof CalendarEventPreview>;

export const CalendarPreview = z.object({
  events: z.array(CalendarEventPreview),
  /** Numbers of meetings with neither a date nor a month: they cannot go into a calendar yet. */
  undated: z.array(z.number().int()),
  /** When the plan last went out as a calendar file. */
  lastExportedAt: z.string().nullable(),
});
export type CalendarPreview = z.infer<typeof CalendarPreview>;
