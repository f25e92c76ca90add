import type { TFunction } from 'i18next';
import { MEETING_FORMATS, type Language } from '@shared/domain';
import { formatDate, localeOf } from '../../app/i18n';

export const formatOptions = (t: TFunction) => [
  { id: '', label: t('agreement.plan.formatNone') },
  ...MEETING_FORMATS.map((format) => ({ id: format, label: t(`agreement.plan.format_${format}`) })),
];

/** `2025-03` → `maaliskuu 2025` / `March 2025`. */
export function formatMonth(iso: string, language: Language): string {
  const [year, month] = iso.split('-').map(Number);
  if (!year || !month) return iso;
  return new Intl.DateTimeFormat(localeOf(language), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, 1));
}

export const whenText = (row: { plannedDate: string | null; plannedMonth: string | null }, language: Language, t: TFunction) =>
  row.plannedDate ? formatDate(row.plannedDate, language) : row.plannedMonth ? formatMonth(row.plannedMonth, language) : t('agreement.plan.noDate');
