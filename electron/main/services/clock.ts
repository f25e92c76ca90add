import { fieldError } from './errors';

/**
 * Today as `YYYY-MM-DD` on the facilitator's own calendar (local time): a meeting held this
 * evening in Helsinki is held "today", whatever the UTC date is.
 */
export function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The first and last day a meeting can fall on: its date, or the whole of its month; null when not yet planned. */
export function daysOf(when: { plannedDate: string | null; plannedMonth: string | null }): { first: string; last: string } | null {
  if (when.plannedDate) return { first: when.plannedDate, last: when.plannedDate };
  if (!when.plannedMonth) return null;
  const [year, month] = when.plannedMonth.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { first: `${when.plannedMonth}-01`, last: `${when.plannedMonth}-${String(lastDay).padStart(2, '0')}` };
}

/** Something that happened (a version agreed, an acceptance, a decision) is dated today at the latest. */
export function requireNotAfterToday(day: string, path: string): void {
  if (day > today()) throw fieldError(path, 'dateInFuture', `${day} is after today.`);
}
