import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { AgreementLanguage, CalendarEventPreview, CalendarPreview, ExportResult } from '@shared/domain';
import { isClosed } from '../closing/guard';
import type { HandlersOf } from '../handlers';
import { safeFileName } from '../export/model';
import { requireProgramme } from '../programme/service';
import { cancelledEvent, eventOf, sameContent, type EventContent, type PlanFacts } from './events';
import { renderIcs, type CalendarEvent } from './ics';
import { CALENDAR_LABELS } from './labels';

/**
 * The meeting plan as a calendar. Each meeting gets one random UID the first time it is exported,
 * kept for good in `calendar_event` with the SEQUENCE and content of its last export: a re-export
 * after a change (moved, re-themed, cancelled, another language) raises SEQUENCE by one, so
 * calendars update the event instead of adding a second. A meeting removed from the plan keeps
 * its row and goes out cancelled. Reads only the plan's own columns of `meeting`.
 */
const PLAN_FACTS = `SELECT id, number, status, planned_theme AS plannedTheme, planned_date AS plannedDate,
  planned_month AS plannedMonth, start_time AS startTime, planned_minutes AS plannedMinutes, place, format
  FROM meeting ORDER BY number`;

interface Stored {
  id: number;
  meetingId: number | null;
  uid: string;
  sequence: number;
  exported: string;
}

interface Planned {
  /** The calendar_event row, when the meeting has been exported before. */
  stored: Stored | null;
  meetingId: number | null;
  number: number | null;
  content: EventContent;
  sequence: number;
  change: CalendarEventPreview['change'];
}

function plan(db: Database, language: AgreementLanguage): { events: Planned[]; undated: number[] } {
  const programme = requireProgramme(db);
  const meetings = db.prepare(PLAN_FACTS).all() as PlanFacts[];
  const stored = db.prepare('SELECT id, meeting_id AS meetingId, uid, sequence, exported FROM calendar_event ORDER BY id').all() as Stored[];
  const byMeeting = new Map(stored.filter((s) => s.meetingId !== null).map((s) => [s.meetingId!, s]));
  const events: Planned[] = [];
  const undated: number[] = [];
  const revision = (before: Stored | null, content: EventContent) => {
    if (!before) return { sequence: 0, change: 'new' as const };
    const same = sameContent(JSON.parse(before.exported) as EventContent, content);
    return { sequence: same ? before.sequence : before.sequence + 1, change: same ? ('same' as const) : ('changed' as const) };
  };
  for (const meeting of meetings) {
    const content = eventOf(meeting, programme.name, language);
    if (!content) {
      undated.push(meeting.number);
      continue;
    }
    const before = byMeeting.get(meeting.id) ?? null;
    events.push({ stored: before, meetingId: meeting.id, number: meeting.number, content, ...revision(before, content) });
  }
  for (const removed of stored.filter((s) => s.meetingId === null)) {
    const content = cancelledEvent(JSON.parse(removed.exported) as EventContent, language);
    events.push({ stored: removed, meetingId: null, number: null, content, ...revision(removed, content) });
  }
  return { events, undated };
}

export function calendarPreview(db: Database, language: AgreementLanguage): CalendarPreview {
  const { events, undated } = plan(db, language);
  const last = db.prepare('SELECT max(exported_at) AS at FROM calendar_event').get() as { at: string | null };
  return {
    events: events.map(({ meetingId, number, content, sequence, change }) => ({
      meetingId,
      number,
      title: content.title,
      day: content.day,
      startTime: content.startTime,
      minutes: content.minutes,
      location: content.location,
      tentative: content.tentative,
      cancelled: content.cancelled,
      change,
      sequence,
    })),
    undated,
    lastExportedAt: last.at,
  };
}

/** Keeps what each event said now, so the next export knows what changed. */
function remember(db: Database, events: readonly (Planned & { uid: string })[]): void {
  const insert = db.prepare('INSERT INTO calendar_event (meeting_id, uid, sequence, exported) VALUES (?, ?, ?, ?)');
  const update = db.prepare(`UPDATE calendar_event SET sequence = ?, exported = ?, exported_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`);
  for (const event of events) {
    const json = JSON.stringify(event.content);
    if (event.stored) update.run(event.sequence, json, event.stored.id);
    else insert.run(event.meetingId, event.uid, event.sequence, json);
  }
}

/**
 * The .ics file. A closed programme's plan can still be exported as it last went out, but nothing
 * is recorded (a closed programme is read-only).
 */
export function exportCalendar(db: Database, language: AgreementLanguage, stamp = new Date()): { fileName: string; text: string } {
  return db.transaction(() => {
    const programme = requireProgramme(db);
    const events = plan(db, language).events.map((event) => ({ ...event, uid: event.stored?.uid ?? `${randomUUID()}@vertaistuki` }));
    if (!isClosed(db)) remember(db, events);
    const text = renderIcs(
      events.map((e): CalendarEvent => ({ ...e.content, uid: e.uid, sequence: e.sequence })),
      { name: programme.name, language, stamp },
    );
    return { fileName: safeFileName(`${programme.name}-${CALENDAR_LABELS[language].fileStem}`, 'ics'), text };
  }).immediate();
}

export const calendarHandlers = (db: Database): HandlersOf<'calendar.preview' | 'calendar.export'> => ({
  'calendar.preview': ({ language }) => calendarPreview(db, language),
  // A file call (asynchronous by its trait): the dispatcher leaves the transaction to the service.
  'calendar.export': async ({ language }): Promise<ExportResult> => {
    const { fileName, text } = exportCalendar(db, language);
    return { delivery: 'download', fileName, mimeType: 'text/calendar', base64: Buffer.from(text, 'utf8').toString('base64') };
  },
});
