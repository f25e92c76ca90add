import type { TFunction } from 'i18next';
import { ApiError } from '../api';

export const toApiError = (error: unknown): ApiError =>
  error instanceof ApiError ? error : new ApiError('internal', error instanceof Error ? error.message : String(error));

/** A failure as one sentence in the user's language. */
export function errorMessage(t: TFunction, error: unknown): string {
  const apiError = toApiError(error);
  return t(`errors.${apiError.code}`);
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
