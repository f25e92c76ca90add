import { contract, isAsyncCall, type CallName } from '@shared/contract';
import { fail, ok, type Envelope, type FieldIssue } from '@shared/envelope';
import type { z } from 'zod';
import { AppError } from './errors';
import type { Handlers } from './handlers';

/** Answers at once; refuses the asynchronous calls (traits `async` and `file` in the contract) without running them. */
export type Dispatch = (name: string, input: unknown) => Envelope<unknown>;
/** Answers every call; what the hosts (Electron's IPC, browser mode) use. */
export type DispatchAsync = (name: string, input: unknown) => Promise<Envelope<unknown>>;

const isCallName = (name: string): name is CallName => Object.hasOwn(contract, name);
const isAsync = isAsyncCall;

const issuesOf = (error: z.ZodError): FieldIssue[] =>
  error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));

/**
 * The single entry for every call, shared by Electron's IPC and browser mode:
 * validate against the contract, run the handler, and answer with an envelope.
 * A handler that throws leaves nothing behind, because every write runs in a transaction.
 */
export function createDispatch(handlers: Handlers, log: (error: unknown) => void = console.error) {
  const check = (name: string, input: unknown): { envelope: Envelope<never> } | { name: CallName; input: unknown } => {
    if (!isCallName(name)) return { envelope: fail('unknown_call', `Unknown call: ${name}`) };
    const parsed = contract[name].input.safeParse(input);
    if (parsed.success) return { name, input: parsed.data };
    const issues = issuesOf(parsed.error);
    const summary = issues.map((issue) => `${issue.path || 'input'}: ${issue.message}`).join('; ');
    return { envelope: fail('invalid_input', `Invalid input for ${name}: ${summary}`, issues) };
  };
  const failure = (error: unknown): Envelope<never> => {
    if (error instanceof AppError) return fail(error.code, error.message, error.issues);
    log(error);
    return fail('internal', 'Something went wrong while saving or reading data. Nothing was changed.');
  };
  const run = (name: CallName, input: unknown) => (handlers[name] as (input: unknown) => unknown)(input);

  const dispatch: Dispatch = (name, input) => {
    const checked = check(name, input);
    if ('envelope' in checked) return checked.envelope;
    if (isAsync(checked.name)) return fail('internal', `${name} is asynchronous: use call() instead of dispatch().`);
    try {
      return ok(run(checked.name, checked.input));
    } catch (error) {
      return failure(error);
    }
  };

  const call: DispatchAsync = async (name, input) => {
    const checked = check(name, input);
    if ('envelope' in checked) return checked.envelope;
    try {
      return ok(await run(checked.name, checked.input));
    } catch (error) {
      return failure(error);
    }
  };

  return { dispatch, call };
}
