import type { TFunction } from 'i18next';
import { toApiError } from '../../lib/errors';

/** The `validation.*` key the store gave for one field, or ''. */
export const issueAt = (error: unknown, path: string): string => toApiError(error).issues.find((issue) => issue.path === path)?.message ?? '';

/** A failure as a sentence: the field's own message when there is one, else the code's. */
export function storageFailure(t: TFunction, error: unknown): string {
  const apiError = toApiError(error);
  const first = apiError.issues[0];
  return first ? t(`validation.${first.message}`, { defaultValue: t(`errors.${apiError.code}`) }) : t(`errors.${apiError.code}`);
}
