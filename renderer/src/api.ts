import { API_GLOBAL, type CallInput, type CallName, type CallOutput, type VertaistukiApi } from '@shared/contract';
import type { ErrorCode, FieldIssue } from '@shared/envelope';

/** A failed call, carrying the code the UI translates and any per-field issues. */
export class ApiError extends Error {
  readonly code: ErrorCode | 'unreachable';
  readonly issues: FieldIssue[];
  constructor(code: ErrorCode | 'unreachable', message: string, issues: FieldIssue[] = []) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.issues = issues;
  }
}

declare global {
  interface Window {
    [API_GLOBAL]?: VertaistukiApi;
  }
}

type Args<K extends CallName> = undefined extends CallInput<K> ? [input?: CallInput<K>] : [input: CallInput<K>];

const errorListeners = new Set<(error: ApiError) => void>();

/** Hears every refusal before it is thrown (e.g. `round_locked`, which the whole app must follow); returns the unsubscribe. */
export function onCallError(listener: (error: ApiError) => void): () => void {
  errorListeners.add(listener);
  return () => errorListeners.delete(listener);
}

/** The renderer's one way to reach the store: typed by the contract, failures thrown as ApiError. */
export async function call<K extends CallName>(name: K, ...args: Args<K>): Promise<CallOutput<K>> {
  const api = window[API_GLOBAL];
  if (!api) throw new ApiError('unreachable', 'The app API is not available in this window.');
  let envelope;
  try {
    envelope = await (api[name] as (input: unknown) => ReturnType<VertaistukiApi[K]>)(args[0]);
  } catch (error) {
    throw new ApiError('unreachable', error instanceof Error ? error.message : String(error));
  }
  if (!envelope.ok) {
    const error = new ApiError(envelope.error.code, envelope.error.message, envelope.error.issues);
    for (const listener of errorListeners) listener(error);
    throw error;
  }
  return envelope.value as CallOutput<K>;
}
