import type { AgreementLanguage, MeetingFormat, MeetingStatus } from '@shared/domain';
import { firstWorkingDay } from './days';
import { CALENDAR_LABELS } from './labels';

/**
 * What one meeting says in a calendar, built from the meeting plan's own facts only (the
 * `meeting` row and the programme's name): never notes, actions, tasks, reasons or answers.
 * Pure, so the rules are tested without a store.
 */
export interface PlanFacts {
  id: number;
  number: number;
  status: MeetingStatus;
  plannedTheme: string;
  plannedDate: string | null;
  plannedMonth: string | null;
  startTime: string | null;
  plannedMinutes: number;
  place: string;
  format: MeetingFormat | null;
}

/** The content of one event; two exports of a meeting with equal content are the same revision. */
export interface EventContent {
  title: string;
  description: string;
  location: string;
  /** `YYYY-MM-DD` */
  day: string;
  /** `HH:MM`, or null for an all-day event. */
  startTime: string | null;
  minutes: number;
  tentative: boolean;
  cancelled: boolean;
}

/** The event of one planned meeting, or null while it has neither a date nor a month. */
export function eventOf(meeting: PlanFacts, programme: string, language: AgreementLanguage): EventContent | null {
  const l = CALENDAR_LABELS[language];
  const day = meeting.plannedDate ?? (meeting.plannedMonth ? firstWorkingDay(meeting.plannedMonth) : null);
  if (day === null) return null;
  const tentative = meeting.plannedDate === null;
  const cancelled = meeting.status === 'cancelled';
  const title = meeting.plannedTheme || l.meeting(meeting.number);
  const format = meeting.format ? l.formats[meeting.format] : '';
  const description = [
    l.ofProgramme(programme, meeting.number),
    format ? l.format(format) : '',
    l.length(meeting.plannedMinutes),
    tentative && meeting.plannedMonth ? l.tentative(meeting.plannedMonth) : '',
  ].filter(Boolean);
  return {
    title: cancelled ? l.cancelled(title) : title,
    description: description.join('\n'),
    location: meeting.place || (meeting.format === 'remote' ? format : ''),
    day,
    startTime: meeting.startTime,
    minutes: meeting.plannedMinutes,
    tentative,
    cancelled,
  };
}

/** A removed meeting's last exported event, cancelled (it keeps its title as the calendar has it). */
export function cancelledEvent(last: EventContent, language: AgreementLanguage): EventContent {
  if (last.cancelled) return last;
  return { ...last, title: CALENDAR_LABELS[language].cancelled(last.title), cancelled: true };
}

/** Content compared field by field, whatever the key order of the stored JSON. */
export const sameContent = (a: EventContent, b: EventContent): boolean =>
  (Object.keys(a) as (keyof EventContent)[]).every((key) => a[key] === b[key]) && Object.keys(b).length === Object.keys(a).length;
