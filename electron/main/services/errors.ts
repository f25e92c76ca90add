import type { ErrorCode, FieldIssue } from '@shared/envelope';

/**
 * An expected failure a service reports to the user: a code the renderer translates, an English
 * sentence for logs, and optionally per-field issues (i18n keys under `validation.*`) for rules
 * only the store can check, such as "this meeting number is taken".
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[] | undefined;
  constructor(code: ErrorCode, message: string, issues?: FieldIssue[]) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.issues = issues;
  }
}

/** A rule about one field that only the store can check; reported like a schema's message. */
export const fieldError = (path: string, message: string, sentence: string) =>
  new AppError('invalid_input', sentence, [{ path, message }]);
