import { z } from 'zod';

/**
 * Field building blocks shared by the renderer's forms and main's validation.
 * Error messages are i18n keys under `validation.*`, so the same schema gives a
 * translated sentence at the field and a readable code in an IPC error.
 */
export const LIMITS = {
  name: 200,
  personName: 120,
  role: 120,
  email: 254,
} as const;

/**
 * Characters the store cannot keep as typed: NUL (SQLite's text functions stop at it) and a lone
 * UTF-16 surrogate (half of a character; it would be stored as U+FFFD). Nobody types either.
 */
const UNSTORABLE = /[\0\p{Cs}]/u;
/** A line break or another control character: never part of a name or any other one-line field. */
const NOT_ONE_LINE = /[\p{Cc}\u2028\u2029]/u;
/** Characters that show nothing on their own: spaces, controls, zero-width and other format characters, lone marks, fillers. */
const INVISIBLE = /[\s\p{Cc}\p{Cf}\p{M}\p{Z}\u115F\u1160\u3164\uFFA0\u2800]/gu;

export const hasUnstorableCharacter = (value: string) => UNSTORABLE.test(value);

type Lines = 'one' | 'many';

/** What is wrong with a text as a key under `validation.*`, or undefined when it can be stored. */
export function textProblem(value: string, lines: Lines, mustBeVisible: boolean): string | undefined {
  if (UNSTORABLE.test(value)) return 'unsupportedCharacter';
  if (lines === 'one' && NOT_ONE_LINE.test(value)) return 'singleLine';
  if (mustBeVisible && value !== '' && value.replace(INVISIBLE, '') === '') return 'noVisibleText';
  return undefined;
}

/** The one check every text field ends with, so that each refuses the same characters with the same message. */
export const checkedText = (schema: z.ZodString, lines: Lines, mustBeVisible: boolean) =>
  schema.refine((value) => textProblem(value, lines, mustBeVisible) === undefined, {
    error: (issue) => textProblem(String(issue.input), lines, mustBeVisible),
    abort: true,
  });

/** Trimmed text that must say something; `lines: 'one'` for names and other one-line fields. */
export const requiredText = (max: number, lines: Lines = 'many') =>
  checkedText(z.string({ error: 'required' }).trim().min(1, { error: 'required' }).max(max, { error: 'tooLong' }), lines, true);

/** Trimmed text that may be empty. */
export const optionalText = (max: number, lines: Lines = 'many') =>
  checkedText(z.string({ error: 'invalidText' }).trim().max(max, { error: 'tooLong' }), lines, true);

/** A name or another one-line field: no line breaks or control characters, and something visible. */
export const requiredLine = (max: number) => requiredText(max, 'one');
export const optionalLine = (max: number) => optionalText(max, 'one');

/**
 * Long text kept exactly as typed (notes, conclusions): never trimmed, since autosave sends it
 * mid-sentence, but refusing what cannot be stored like every other field.
 */
export const keptText = (max: number, tooLong = 'tooLong') =>
  checkedText(z.string({ error: 'invalidText' }).max(max, { error: tooLong }), 'many', false);

/** A calendar date as `YYYY-MM-DD`; the store never keeps times for plain dates. */
export const isoDate = z.iso.date({ error: (issue) => (issue.input === '' ? 'required' : 'invalidDate') });

export const optionalEmail = checkedText(z.string({ error: 'invalidText' }).trim().max(LIMITS.email, { error: 'tooLong' }), 'one', false).refine(
  (value) => value === '' || z.email().safeParse(value).success,
  { error: 'invalidEmail' },
);

export const recordId = z.number({ error: 'invalidId' }).int({ error: 'invalidId' }).positive({ error: 'invalidId' });

/** A reference to one stored record by its id. */
export const IdRef = z.object({ id: recordId });
