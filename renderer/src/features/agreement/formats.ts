import type { TFunction } from 'i18next';
import { MEETING_FORMATS, type Language } from '@shared/domain';
import { formatDate, formatMonth } from '../../app/i18n';

export const formatOptions = (t: TFunction) => [
  { id: '', label: t('agreement.plan.formatNone') },
  ...MEETING_FORMATS.map((format) => ({ id: format, label: t(`agreement.plan.format_${format}`) })),
];

export const whenText = (row: { plannedDate: string | null; plannedMonth: string | null }, language: Language, t: TFunction) =>
  row.plannedDate ? formatDate(row.plannedDate, language) : row.plannedMonth ? formatMonth(row.plannedMonth, language) : t('agreement.plan.noDate');
