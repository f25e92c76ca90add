import { z } from 'zod';
import { isoDate, keptText, optionalLine, recordId, requiredLine } from './fields';

export const MEETING_FORMATS = ['office', 'cafe', 'walking', 'lunch', 'remote', 'other'] as const;
export const MeetingFormat = z.enum(MEETING_FORMATS, { error: 'invalidFormat' });
export type MeetingFormat = z.infer<typeof MeetingFormat>;

export const MEETING_STATUSES = ['planned', 'held', 'cancelled'] as const;
export const MeetingStatus = z.enum(MEETING_STATUSES);
export type MeetingStatus = z.infer<typeof MeetingStatus>;

export const MAX_NOTES_LENGTH = 2_000_000;
export const ACTION_STATUSES = ['open', 'done', 'dropped'] as const;
export const ActionStatus = z.enum(ACTION_STATUSES, { error: 'invalidStatus' });
export type ActionStatus = z.infer<typeof ActionStatus>;

/** `HH:MM`, 24-hour clock. */
export const clockTime = z.string({ error: 'invalidTime' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'invalidTime' });

const itemText = requiredLine(1000);

export const MeetingTiming = z.object({
  id: recordId,
  startTime: clockTime.nullable(),
  plannedMinutes: z
    .number({ error: 'invalidMinutes' })
    .int({ error: 'invalidMinutes' })
    .min(15, { error: 'invalidMinutes' })
    .max(600, { error: 'invalidMinutes' }),
});
export type MeetingTiming = z.infer<typeof MeetingTiming>;

export const MeetingHeld = z.object({ id: recordId, held: z.boolean() });

/** The facilitator's private notes: CONFIDENTIAL, never exported. Long pastes are fine. */
export const MeetingNotes = z.object({
  id: recordId,
  notes: keptText(MAX_NOTES_LENGTH, 'notesTooLong'),
});
export type MeetingNotes = z.infer<typeof MeetingNotes>;

export const AttendanceInput = z.object({
  meetingId: recordId,
  memberId: recordId,
  /** null clears the mark (not recorded yet). */
  present: z.boolean().nullable(),
  absenceReason: optionalLine(500),
});
export type AttendanceInput = z.infer<typeof AttendanceInput>;

export const AttendanceMark = z.object({
  memberId: recordId,
  present: z.boolean(),
  absenceReason: z.string(),
});
export type AttendanceMark = z.infer<typeof AttendanceMark>;

export const Theme = z.object({ id: recordId, name: z.string(), meetings: z.number().int() });
export type Theme = z.infer<typeof Theme>;
export const ThemeAdd = z.object({ meetingId: recordId, name: requiredLine(120) });
export const ThemeRemove = z.object({ meetingId: recordId, themeId: recordId });

export const ActionFields = z.object({
  text: itemText,
  ownerMemberId: recordId.nullable(),
  dueDate: isoDate.nullable(),
});
export const ActionAdd = ActionFields.extend({ meetingId: recordId });
export type ActionAdd = z.infer<typeof ActionAdd>;
export const ActionUpdate = ActionFields.extend({ id: recordId });
export type ActionUpdate = z.infer<typeof ActionUpdate>;
export const ActionStatusInput = z.object({ id: recordId, status: ActionStatus, reviewedInId: recordId.nullable() });
export type ActionStatusInput = z.infer<typeof ActionStatusInput>;
export const ActionFilter = z.object({ status: ActionStatus.nullable(), memberId: recordId.nullable() });
export type ActionFilter = z.infer<typeof ActionFilter>;

export const Action = z.object({
  id: recordId,
  meetingId: recordId,
  meetingNumber: z.number().int(),
  text: z.string(),
  ownerMemberId: recordId.nullable(),
  dueDate: z.string().nullable(),
  status: ActionStatus,
  reviewedInId: recordId.nullable(),
});
export type Action = z.infer<typeof Action>;

/** Between-meeting tasks (CONFIDENTIAL) and ideas to forward (SHAREABLE wording) share a shape. */
export const ItemAdd = z.object({ meetingId: recordId, text: itemText });
export type ItemAdd = z.infer<typeof ItemAdd>;
export const ItemUpdate = z.object({ id: recordId, text: itemText });
export type ItemUpdate = z.infer<typeof ItemUpdate>;
export const Item = z.object({ id: recordId, meetingId: recordId, text: z.string() });
export type Item = z.infer<typeof Item>;

export const NextMeetingInput = z.object({
  meetingId: recordId,
  plannedDate: isoDate.nullable(),
  plannedTheme: optionalLine(200),
});
export type NextMeetingInput = z.infer<typeof NextMeetingInput>;

const MeetingBase = z.object({
  id: recordId,
  number: z.number().int(),
  status: MeetingStatus,
  plannedTheme: z.string(),
  plannedDate: z.string().nullable(),
  plannedMonth: z.string().nullable(),
  startTime: z.string().nullable(),
  plannedMinutes: z.number().int(),
  place: z.string(),
  format: MeetingFormat.nullable(),
});

export const MeetingSummary = MeetingBase.extend({
  presentCount: z.number().int(),
  markedCount: z.number().int(),
  openActions: z.number().int(),
  themes: z.array(z.string()),
});
export type MeetingSummary = z.infer<typeof MeetingSummary>;

export const MeetingDetail = MeetingBase.extend({
  notes: z.string(),
  attendance: z.array(AttendanceMark),
  themes: z.array(z.object({ id: recordId, name: z.string() })),
  actions: z.array(Action),
  /** Open actions agreed in earlier meetings, to review at the start of this one. */
  carriedOver: z.array(Action),
  tasks: z.array(Item),
  ideas: z.array(Item),
  next: MeetingBase.nullable(),
});
export type MeetingDetail = z.infer<typeof MeetingDetail>;

export const SearchQuery = z.object({ query: z.string().trim().min(1, { error: 'required' }).max(200, { error: 'tooLong' }) });
export const SEARCH_KINDS = ['notes', 'theme', 'action', 'task', 'idea'] as const;
export const SearchHit = z.object({
  kind: z.enum(SEARCH_KINDS),
  refId: z.number().int(),
  /** Text around the match; matched words are wrapped in U+0002 … U+0003 (never HTML). */
  snippet: z.string(),
});
export const SearchGroup = z.object({
  meetingId: recordId,
  number: z.number().int(),
  plannedDate: z.string().nullable(),
  plannedMonth: z.string().nullable(),
  hits: z.array(SearchHit),
});
export type SearchGroup = z.infer<typeof SearchGroup>;
/** `total` counts every match; `groups` hold the first page of them with snippets. */
export const SearchResult = z.object({ total: z.number().int(), groups: z.array(SearchGroup) });
export type SearchResult = z.infer<typeof SearchResult>;
export const SEARCH_MARK_START = '\u0002';
export const SEARCH_MARK_END = '\u0003';
