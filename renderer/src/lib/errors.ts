import type { TFunction } from 'i18next';
import { ApiError } from '../api';

export const toApiError = (error: unknown): ApiError =>
  error instanceof ApiError ? error : new ApiError('internal', error instanceof Error ? error.message : String(error));

/**
 * A failure as one sentence in the user's language: the store's own reason when it gave one (a
 * refused button says why, e.g. "a held meeting cannot be dated in the future"), else the code's
 * sentence. Forms that mark fields put issues at the fields first (`applyFieldIssues`).
 */
export function errorMessage(t: TFunction, error: unknown): string {
  const apiError = toApiError(error);
  const general = t(`errors.${apiError.code}`);
  const reason = apiError.issues.find((issue) => issue.message !== '');
  return reason ? t(`validation.${reason.message}`, { defaultValue: general }) : general;
}

/** Puts the store's per-field complaints next to the fields they concern. */
export function applyFieldIssues(
  error: unknown,
  setError: (path: never, error: { type: string; message: string }) => void,
): boolean {
  const apiError = toApiError(error);
  for (const issue of apiError.issues) setError(issue.path as never, { type: 'server', message: issue.message });
  return apiError.issues.length > 0;
}
