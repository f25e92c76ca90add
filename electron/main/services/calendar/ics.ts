import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { EventContent } from './events';

/**
 * Renders events as an iCalendar file with ical-generator. Times are floating (no time zone): a
 * meeting at 17:00 is at 17:00 on the facilitator's own calendar, wherever it is opened. Each
 * event carries its stable UID and its SEQUENCE; a cancelled one STATUS:CANCELLED, a meeting
 * planned only for a month STATUS:TENTATIVE.
 */
export interface CalendarEvent extends EventContent {
  uid: string;
  sequence: number;
}

const DAY_MS = 86_400_000;

function startOf(event: EventContent): Date {
  const [y, m, d] = event.day.split('-').map(Number) as [number, number, number];
  const [hh, mm] = (event.startTime ?? '00:00').split(':').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1, d, hh, mm));
}

const statusOf = (event: EventContent) =>
  event.cancelled ? ICalEventStatus.CANCELLED : event.tentative ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED;

export function renderIcs(events: readonly CalendarEvent[], options: { name: string; language: 'fi' | 'en'; stamp: Date }): string {
  const calendar = ical({
    name: options.name,
    method: ICalCalendarMethod.PUBLISH,
    prodId: { company: 'Vertaistuki', product: 'Vertaistuki', language: options.language.toUpperCase() },
  });
  for (const event of events) {
    const start = startOf(event);
    const allDay = event.startTime === null;
    calendar.createEvent({
      id: event.uid,
      sequence: event.sequence,
      stamp: options.stamp,
      start,
      end: new Date(start.getTime() + (allDay ? DAY_MS : event.minutes * 60_000)),
      allDay,
      floating: true,
      summary: event.title,
      description: event.description,
      location: event.location || null,
      status: statusOf(event),
    });
  }
  return calendar.toString();
}
