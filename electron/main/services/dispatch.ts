import { contract, type CallName } from '@shared/contract';
import { fail, ok, type Envelope, type FieldIssue } from '@shared/envelope';
import type { z } from 'zod';
import { AppError } from './errors';
import type { Handlers } from './handlers';

export type Dispatch = (name: string, input: unknown) => Envelope<unknown>;

const isCallName = (name: string): name is CallName => Object.hasOwn(contract, name);

const issuesOf = (error: z.ZodError): FieldIssue[] =>
  error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));

/**
 * The single entry for every call, shared by Electron's IPC and browser mode:
 * validate against the contract, run the handler, and answer with an envelope.
 * A handler that throws leaves nothing behind, because every write runs in a transaction.
 */
export function createDispatch(handlers: Handlers, log: (error: unknown) => void = console.error): Dispatch {
  return (name, input) => {
    if (!isCallName(name)) return fail('unknown_call', `Unknown call: ${name}`);
    const parsed = contract[name].input.safeParse(input);
    if (!parsed.success) {
      const issues = issuesOf(parsed.error);
      const summary = issues.map((issue) => `${issue.path || 'input'}: ${issue.message}`).join('; ');
      return fail('invalid_input', `Invalid input for ${name}: ${summary}`, issues);
    }
    try {
      const handler = handlers[name] as (input: unknown) => unknown;
      return ok(handler(parsed.data));
    } catch (error) {
      if (error instanceof AppError) return fail(error.code, error.message, error.issues);
      log(error);
      return fail('internal', 'Something went wrong while saving or reading data. Nothing was changed.');
    }
  };
}
