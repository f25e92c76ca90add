import type { ErrorCode } from '@shared/envelope';

/** An expected failure a service reports to the user: a code the renderer translates, and an English sentence for logs. */
export class AppError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
  }
}
