import type { CallName, CallOutput, ParsedInput } from '@shared/contract';

/** One handler per contract entry; input is already validated by the dispatcher. */
export type Handlers = { [K in CallName]: (input: ParsedInput<K>) => CallOutput<K> };
export type HandlersOf<K extends CallName> = Pick<Handlers, K>;
