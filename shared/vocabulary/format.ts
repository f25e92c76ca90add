import type { Language } from '../domain';
import { fillTerm, GLOSSARY } from './glossary';

/**
 * The one formatter of dates, months and numbers, for the screens and every export alike: a
 * document follows its own language ("4,2" and "1.9.2026" in Finnish, "4.2" and "1 September 2026"
 * in English), whatever language the screens are in. Stored values are ISO (`2026-09-01`,
 * `2026-09`); nothing here ever shows one as it is stored.
 */
export const localeOf = (language: Language): string => (language === 'fi' ? 'fi-FI' : 'en-GB');

/**
 * Intl formatters, built once per locale and options and reused: building one costs far more than
 * using it, and a summary of 999 meetings formats thousands of dates and numbers. (A formatter
 * keeps the time zone it was built in; the app's time zone does not change while it runs.)
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
/** The formatter for `key` (which names the language and every option), made by `make` the first time. */
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter;
}
const dateFormat = (key: string, language: Language, options: Intl.DateTimeFormatOptions) =>
  cached(`date|${key}|${language}`, () => new Intl.DateTimeFormat(localeOf(language), options));
const numberFormat = (key: string, language: Language, options: Intl.NumberFormatOptions) =>
  cached(`number|${key}|${language}`, () => new Intl.NumberFormat(localeOf(language), options));

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;

/** `2026-09-01` → `1.9.2026` (fi) or `1 September 2026` (en). Anything else is returned as it is. */
export function formatDate(iso: string, language: Language): string {
  const match = ISO_DAY.exec(iso);
  if (!match) return iso;
  const options: Intl.DateTimeFormatOptions =
    language === 'fi' ? { day: 'numeric', month: 'numeric', year: 'numeric' } : { day: 'numeric', month: 'long', year: 'numeric' };
  return dateFormat('day', language, { ...options, timeZone: 'UTC' }).format(
    Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])),
  );
}

/** `2026-09` → `syyskuu 2026` / `September 2026`. */
export function formatMonth(iso: string, language: Language): string {
  const match = ISO_MONTH.exec(iso);
  if (!match) return iso;
  return dateFormat('month', language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    Date.UTC(Number(match[1]), Number(match[2]) - 1, 1),
  );
}

/** A moment (an ISO timestamp) in local time: `25.11.2026 klo 14.05` / `25 November 2026 at 14:05`. */
export function formatDateTime(timestamp: string, language: Language): string {
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return timestamp;
  const options: Intl.DateTimeFormatOptions =
    language === 'fi'
      ? { day: 'numeric', month: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit' }
      : { day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit' };
  return dateFormat('moment', language, options).format(date);
}

/** When a meeting is: its day, its month with the day still open, or that nothing is agreed yet. */
export function formatWhen(when: { plannedDate: string | null; plannedMonth: string | null }, language: Language): string {
  const terms = GLOSSARY[language].when;
  if (when.plannedDate) return formatDate(when.plannedDate, language);
  if (when.plannedMonth) return fillTerm(terms.monthOnly, { month: formatMonth(when.plannedMonth, language) });
  return terms.none;
}

/** A programme's or a version's period: `1.9.2026 – 28.2.2027`. */
export const formatPeriod = (start: string, end: string, language: Language): string =>
  `${formatDate(start, language)} – ${formatDate(end, language)}`;

/** `4.2` → `4,2` (fi) / `4.2` (en), with `digits` decimals (one by default: `4` → `4,0`). */
export function formatNumber(value: number, language: Language, digits = 1): string {
  return numberFormat(`fixed${digits}`, language, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** A signed change: `+1,3`, `−0,5`, `±0,0`. */
export function formatChange(value: number, language: Language): string {
  const text = formatNumber(Math.abs(value), language);
  if (value > 0) return `+${text}`;
  if (value < 0) return `−${text}`;
  return `±${text}`;
}

/** Today's date in the local time zone as `YYYY-MM-DD`. */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A file's size: `1,5 Mt` / `1.5 MB` (kilobytes under a megabyte). */
export function formatFileSize(bytes: number, language: Language): string {
  const mega = bytes >= 1024 * 1024;
  return numberFormat(mega ? 'megabytes' : 'kilobytes', language, { style: 'unit', unit: mega ? 'megabyte' : 'kilobyte', maximumFractionDigits: 1 }).format(
    mega ? bytes / (1024 * 1024) : bytes / 1024,
  );
}
