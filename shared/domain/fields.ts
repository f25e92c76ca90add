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

/** NUL cannot be stored faithfully (SQLite's text functions stop at it) and is never typed by a person. */
const hasNoNul = (value: string) => !value.includes(String.fromCharCode(0));

export const requiredText = (max: number) =>
  z
    .string({ error: 'required' })
    .trim()
    .min(1, { error: 'required' })
    .max(max, { error: 'tooLong' })
    .refine(hasNoNul, { error: 'invalidText' });

export const optionalText = (max: number) =>
  z.string({ error: 'invalidText' }).trim().max(max, { error: 'tooLong' }).refine(hasNoNul, { error: 'invalidText' });

/** A calendar date as `YYYY-MM-DD`; the store never keeps times for plain dates. */
export const isoDate = z.iso.date({ error: (issue) => (issue.input === '' ? 'required' : 'invalidDate') });

export const optionalEmail = z
  .string({ error: 'invalidText' })
  .trim()
  .max(LIMITS.email, { error: 'tooLong' })
  .refine((value) => value === '' || z.email().safeParse(value).success, { error: 'invalidEmail' });

export const recordId = z.number({ error: 'invalidId' }).int({ error: 'invalidId' }).positive({ error: 'invalidId' });

/** A reference to one stored record by its id. */
export const IdRef = z.object({ id: recordId });
