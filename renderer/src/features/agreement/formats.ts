import type { TFunction } from 'i18next';
import { MEETING_FORMATS } from '@shared/domain';

export const formatOptions = (t: TFunction) => [
  { id: '', label: t('agreement.plan.formatNone') },
  ...MEETING_FORMATS.map((format) => ({ id: format, label: t(`term.format.${format}`) })),
];
