import type { Database } from 'better-sqlite3';
import { AppError } from '../errors';
import { isAsyncCall, type CallName } from '@shared/contract';

/**
 * A closed programme is read-only. Rather than a list of "write calls" that a new call could be
 * missing from, every call runs as before and the guard looks at what it did: once the programme
 * is closed, a call that changed any row is rolled back and answered `programme_closed`. Writes to
 * confidential tables are refused by the store itself (triggers in 0006), and the guard turns
 * that refusal into the same clear answer. The few calls that may still write say so below.
 */
const MAY_WRITE_WHEN_CLOSED = new Set<string>([
  'app.info',
  // the facilitator's own preferences (language), not programme content
  'settings.update',
]);

export const closedError = (sentence = 'The programme has been closed, so its material can no longer change.') =>
  new AppError('programme_closed', sentence);

const CLOSED = 'SELECT archived_at IS NOT NULL FROM programme WHERE id = 1';

export function isClosed(db: Database): boolean {
  return db.prepare(CLOSED).pluck().get() === 1;
}

export function requireOpenProgramme(db: Database): void {
  if (isClosed(db)) throw closedError();
}

/** The store's own refusal (a trigger in 0006) as the service's clear error. */
export function asClosedError(error: unknown): unknown {
  return error instanceof Error && error.message.startsWith('programme_closed:') ? closedError() : error;
}

type AnyHandler = (input: never) => unknown;

export function guardClosedProgramme<H extends Record<string, AnyHandler>>(db: Database, handlers: H): H {
  const totalChanges = db.prepare('SELECT total_changes()').pluck();
  const closed = db.prepare(CLOSED).pluck();
  const guard = (name: string, handler: AnyHandler): AnyHandler => {
    if (isAsyncCall(name as CallName)) {
      // Asynchronous calls check for themselves (exports read; closing and ending a round refuse).
      return (async (input: never) => {
        try {
          return await handler(input);
        } catch (error) {
          throw asClosedError(error);
        }
      }) as AnyHandler;
    }
    if (MAY_WRITE_WHEN_CLOSED.has(name)) return handler;
    return ((input: never) => {
      if (closed.get() !== 1) {
        try {
          return handler(input);
        } catch (error) {
          throw asClosedError(error);
        }
      }
      try {
        return db.transaction(() => {
          const before = totalChanges.get() as number;
          const result = handler(input);
          if ((totalChanges.get() as number) !== before) throw closedError();
          return result;
        })();
      } catch (error) {
        // Once closed, a change the domain would refuse anyway is answered with the reason that
        // matters first: nothing can change any more (a read's "not found" stays what it is).
        if (error instanceof AppError && (error.code === 'invalid_input' || error.code === 'conflict')) throw closedError();
        throw asClosedError(error);
      }
    }) as AnyHandler;
  };
  return Object.fromEntries(Object.entries(handlers).map(([name, handler]) => [name, guard(name, handler)])) as H;
}
