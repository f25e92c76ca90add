import type { CallName, CallOutput, ParsedInput } from '@shared/contract';

/**
 * Calls whose handler is asynchronous (rendering a DOCX is). Everything else answers at once:
 * better-sqlite3 is synchronous, so a write and its transaction finish before the handler returns.
 * Closing the programme and ending a round are asynchronous so that they run outside any
 * surrounding transaction: VACUUM and emptying the write-ahead log cannot run inside one.
 */
export const ASYNC_CALLS = [
  'agreement.export',
  'summary.export',
  'summary.archive',
  'feedback.end',
  'storage.unlock',
  'storage.choosePassphrase',
  'storage.setAppLock',
  'storage.exportAll',
  'storage.importFile',
] as const satisfies readonly CallName[];
type AsyncCall = (typeof ASYNC_CALLS)[number];

/** One handler per contract entry; input is already validated by the dispatcher. */
export type Handlers = {
  [K in CallName]: (input: ParsedInput<K>) => K extends AsyncCall ? Promise<CallOutput<K>> : CallOutput<K>;
};
export type HandlersOf<K extends CallName> = Pick<Handlers, K>;
