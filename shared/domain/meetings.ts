import { z } from 'zod';

export const MEETING_FORMATS = ['office', 'cafe', 'walking', 'lunch', 'remote', 'other'] as const;
export const MeetingFormat = z.enum(MEETING_FORMATS, { error: 'invalidFormat' });
export type MeetingFormat = z.infer<typeof MeetingFormat>;

export const MEETING_STATUSES = ['planned', 'held', 'cancelled'] as const;
export const MeetingStatus = z.enum(MEETING_STATUSES);
export type MeetingStatus = z.infer<typeof MeetingStatus>;
