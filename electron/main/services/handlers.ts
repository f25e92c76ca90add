import type { AsyncCall, CallName, CallOutput, ParsedInput } from '@shared/contract';

/**
 * One handler per contract entry; input is already validated by the dispatcher. A call with the
 * `async` or `file` trait (see shared/contract/part.ts) answers a promise; exports are rendered off
 * the serving thread. Everything else answers at once: better-sqlite3 is synchronous, so a write
 * and its transaction finish before the handler returns.
 */
export type Handlers = {
  [K in CallName]: (input: ParsedInput<K>) => K extends AsyncCall ? Promise<CallOutput<K>> : CallOutput<K>;
};
export type HandlersOf<K extends CallName> = Pick<Handlers, K>;
