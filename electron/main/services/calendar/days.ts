/**
 * Working days for a meeting planned only for a month: its calendar event goes on the month's
 * first working day (Monday to Friday, not a Finnish public holiday), marked tentative. Only the
 * holidays that can fall in a month's first days matter here: New Year's Day, May Day, and the
 * movable Good Friday, Easter Monday and Ascension Day.
 */
const DAY_MS = 86_400_000;

const iso = (time: number) => new Date(time).toISOString().slice(0, 10);

/** Easter Sunday of `year` (Gregorian; the anonymous "Meeus/Jones/Butcher" algorithm). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(Date.UTC(year, month - 1, day));
}

/** Finnish public holidays of `year` that fall on a weekday some years (weekend-only ones left out). */
export function publicHolidays(year: number): Set<string> {
  const easter = Date.parse(`${easterSunday(year)}T00:00:00Z`);
  const fixed = ['01-01', '01-06', '05-01', '12-06', '12-24', '12-25', '12-26'].map((md) => `${year}-${md}`);
  const movable = [-2, 1, 39].map((offset) => iso(easter + offset * DAY_MS)); // Good Friday, Easter Monday, Ascension Day
  return new Set([...fixed, ...movable]);
}

/** The first Monday–Friday of `month` (`YYYY-MM`) that is not a public holiday. */
export function firstWorkingDay(month: string): string {
  const year = Number(month.slice(0, 4));
  const holidays = publicHolidays(year);
  for (let time = Date.parse(`${month}-01T00:00:00Z`); ; time += DAY_MS) {
    const weekday = new Date(time).getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !holidays.has(iso(time))) return iso(time);
  }
}
