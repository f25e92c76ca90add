import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Language, Question } from '@shared/domain';
import { localeOf } from '../../app/i18n';
import { errorMessage } from '../../lib/errors';

/** A question as the respondent reads it: the facilitator's wording, a goal, or the preset's default. */
export function questionLabel(t: TFunction, question: Question): string {
  if (question.goalKind !== null) return t('feedback.goalItem', { goal: question.text });
  if (question.text !== '') return question.text;
  return t(`feedback.preset.${question.preset ?? 'none'}`);
}

/** A short name for charts and tables. */
export function shortLabel(t: TFunction, question: Question): string {
  if (question.preset && question.text === '' && question.goalKind === null) return t(`feedback.short.${question.preset}`);
  return questionLabel(t, question);
}

export const optionLabel = (t: TFunction, option: string): string => t(`feedback.option.${option}`);

export function formatNumber(value: number, language: Language, digits = 1): string {
  return new Intl.NumberFormat(localeOf(language), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** A signed change, e.g. "+1,3" or "−0,5". */
export function formatChange(value: number, language: Language): string {
  const text = formatNumber(Math.abs(value), language);
  if (value > 0) return `+${text}`;
  if (value < 0) return `−${text}`;
  return text;
}

/** A failure in one sentence: the store's specific reason when it gave one, else the code's sentence. */
export const feedbackError = (t: TFunction, error: unknown): string => errorMessage(t, error);

/** The language the texts are shown in, for numbers and dates that match them. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return i18n.language === 'fi' ? 'fi' : 'en';
}
