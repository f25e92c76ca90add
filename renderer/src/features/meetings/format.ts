import type { TFunction } from 'i18next';
import type { Language } from '@shared/domain';
import { formatDate, formatMonth } from '../../app/i18n';

interface When {
  plannedDate: string | null;
  plannedMonth: string | null;
}

/** A meeting's date, or its month while the day is open. */
export function meetingWhen(m: When, language: Language, t: TFunction): string {
  if (m.plannedDate) return formatDate(m.plannedDate, language);
  if (m.plannedMonth) return t('meetings.monthOnly', { month: formatMonth(m.plannedMonth, language) });
  return t('meetings.noDate');
}

/** `75` → `1:15:00`-style clock for the live timer. */
export function clock(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(sec)}` : `${m}:${pad(sec)}`;
}
