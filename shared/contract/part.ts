import { z } from 'zod';

/** One feature's calls: name -> input schema -> output schema. */
export type ContractPart = Record<string, { input: z.ZodType; output: z.ZodType }>;

export const noInput = z.undefined({ error: 'noInputExpected' });
