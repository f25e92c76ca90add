import { z } from 'zod';

/**
 * What a call is, declared once on its contract entry; the hosts derive their behaviour from it.
 */
export interface CallTraits {
  /**
   * The handler answers a promise (it waits for a worker thread, a key derivation, a file): the
   * dispatcher's `call()` answers it, `dispatch()` refuses it.
   */
  async?: true;
  /**
   * The call answers a file (an ExportResult). Asynchronous as well (exports are made off the
   * thread that serves calls), and the desktop app asks where to save what it answers.
   */
  file?: true;
  /**
   * The handler keeps its own transactions because it closes, swaps or rewrites the store's file
   * (locking, restoring a backup): the dispatcher does not wrap it in one. Asynchronous calls are
   * never wrapped either.
   */
  ownTransaction?: true;
}

/** One feature's calls: name -> input schema -> output schema (and traits, where the call has any). */
export type ContractPart = Record<string, { input: z.ZodType; output: z.ZodType } & CallTraits>;

export const noInput = z.undefined({ error: 'noInputExpected' });
