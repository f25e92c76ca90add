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

/** A meeting's possible days: one rule, in shared/, for main and the screens alike. */
export { daysOf, startsAfter } from '@shared/domain';

/** Something that happened (a version agreed, an acceptance, a decision) is dated today at the latest. */
export function requireNotAfterToday(day: string, path: string): void {
  if (day > today()) throw fieldError(path, 'dateInFuture', `${day} is after today.`);
}
