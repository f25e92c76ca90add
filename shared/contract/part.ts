import { z } from 'zod';

/**
 * What a call is, declared once on its contract entry; the hosts derive their behaviour from it.
 * `file`: the call answers a file (an ExportResult). It is rendered off the thread that serves
 * calls, so it is asynchronous (the dispatcher's `call()` answers it, `dispatch()` refuses it),
 * and the desktop app asks where to save what it answers.
 */
export interface CallTraits {
  file?: true;
}

/** One feature's calls: name -> input schema -> output schema (and traits, where the call has any). */
export type ContractPart = Record<string, { input: z.ZodType; output: z.ZodType } & CallTraits>;

export const noInput = z.undefined({ error: 'noInputExpected' });
