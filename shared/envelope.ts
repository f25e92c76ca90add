/** Every call across a process boundary answers with one of these two shapes. */
export const ERROR_CODES = [
  'invalid_input',
  'unknown_call',
  'not_found',
  'conflict',
  'not_set_up',
  'already_set_up',
  'store_unavailable',
  /** Another program holds the data file in a write transaction; we waited, then gave up. */
  'busy',
  /** The disk (or the store's size limit) is full; nothing was written. */
  'disk_full',
  'internal',
  // the programme has been closed: nothing of it can change any more
  'programme_closed',
  // a pass-the-device round is locked: only its respondents' calls are answered
  'round_locked',
  // closing deleted the confidential material but could not finish wiping the file
  'wipe_incomplete',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldIssue {
  /** Dotted path into the input, e.g. `members.0.name`. */
  path: string;
  /** An i18n key under `validation.*`. */
  message: string;
}

export interface CallError {
  code: ErrorCode;
  message: string;
  issues?: FieldIssue[];
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: CallError };

export const ok = <T>(value: T): Envelope<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, issues?: FieldIssue[]): Envelope<never> => ({
  ok: false,
  error: issues ? { code, message, issues } : { code, message },
});
