import type { Database } from 'better-sqlite3';
import { contract, isAsyncCall, type CallName } from '@shared/contract';
import { fail, ok, type Envelope, type FieldIssue } from '@shared/envelope';
import type { z } from 'zod';
import { sqliteCode } from './db/errors';
import { AppError } from './errors';
import type { Handlers } from './handlers';

/** Answers at once; refuses the asynchronous calls (traits `async` and `file` in the contract) without running them. */
export type Dispatch = (name: string, input: unknown) => Envelope<unknown>;
/** Answers every call; what the hosts (Electron's IPC, browser mode) use. */
export type DispatchAsync = (name: string, input: unknown) => Promise<Envelope<unknown>>;

const isCallName = (name: string): name is CallName => Object.hasOwn(contract, name);
const isAsync = isAsyncCall;
/** Calls that keep their own transactions (trait `ownTransaction`): they close, swap or rewrite the file. */
const hasOwnTransaction = (name: CallName) => 'ownTransaction' in contract[name] && contract[name].ownTransaction === true;

const issuesOf = (error: z.ZodError): FieldIssue[] =>
  error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));

/** What the store itself said, as a sentence for logs; the renderer shows `errors.<code>` in the user's language. */
function storeFailure(error: unknown): Envelope<never> | null {
  const code = sqliteCode(error) ?? '';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return fail('busy', 'Another program is using the data file; we waited, then gave up. Nothing was changed.');
  }
  if (code === 'SQLITE_FULL') return fail('disk_full', 'The disk is full, so nothing was saved. Free some space and try again.');
  return null;
}

/**
 * The single entry for every call, shared by Electron's IPC and browser mode:
 * validate against the contract, run the handler, and answer with an envelope.
 *
 * Each synchronous handler runs in one transaction begun IMMEDIATE: it takes the write lock
 * before reading, so SQLite's busy timeout applies when another program holds the file (a
 * deferred one fails at once when it upgrades), and a call that fails leaves nothing behind by
 * construction. The services' own transactions become savepoints inside it.
 */
export function createDispatch(handlers: Handlers, log: (error: unknown) => void = console.error, db?: Database) {
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
    return storeFailure(error) ?? fail('internal', 'Something went wrong while saving or reading data. Nothing was changed.');
  };
  const run = (name: CallName, input: unknown) => (handlers[name] as (input: unknown) => unknown)(input);
  const runAtomically = (name: CallName, input: unknown) =>
    db && !hasOwnTransaction(name) ? db.transaction(() => run(name, input)).immediate() : run(name, input);

  const dispatch: Dispatch = (name, input) => {
    const checked = check(name, input);
    if ('envelope' in checked) return checked.envelope;
    if (isAsync(checked.name)) return fail('internal', `${name} is asynchronous: use call() instead of dispatch().`);
    try {
      return ok(runAtomically(checked.name, checked.input));
    } catch (error) {
      return failure(error);
    }
  };

  const call: DispatchAsync = async (name, input) => {
    const checked = check(name, input);
    if ('envelope' in checked) return checked.envelope;
    try {
      // An asynchronous handler cannot sit inside one synchronous transaction; it keeps its own.
      return ok(isAsync(checked.name) ? await run(checked.name, checked.input) : runAtomically(checked.name, checked.input));
    } catch (error) {
      return failure(error);
    }
  };

  return { dispatch, call };
}
