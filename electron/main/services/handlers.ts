import type { CallName, CallOutput, FileCall, ParsedInput } from '@shared/contract';

/**
 * One handler per contract entry; input is already validated by the dispatcher. A call with the
 * `file` trait (see shared/contract/part.ts) renders off the serving thread, so its handler answers
 * a promise. Everything else answers at once: better-sqlite3 is synchronous, so a write and its
 * transaction finish before the handler returns.
 */
export type Handlers = {
  [K in CallName]: (input: ParsedInput<K>) => K extends FileCall ? Promise<CallOutput<K>> : CallOutput<K>;
};
export type HandlersOf<K extends CallName> = Pick<Handlers, K>;
