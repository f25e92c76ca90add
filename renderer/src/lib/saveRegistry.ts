import type { ApiError } from '../api';
import { toApiError } from './errors';

/**
 * No older answer over newer text. How a store reads and writes (for every store, old and new):
 * - Reads go through `fresh((read) => read('x.get', …), apply)` from ./calls: the answer reaches the
 *   store only if no write was on its way while it was read; otherwise it is read again once the
 *   writes are answered. Never apply a read's answer any other way.
 * - A write whose answer holds only what it wrote itself (the form's own fields, a new row, what a
 *   removal took, for Undo) uses `write(…)` and may put its answer in the store.
 * - A write whose answer carries anything else (a whole meeting, every question, every mark, a
 *   member with fields another form edits) uses `writeSnapshot(name, input, apply, reread)`: the
 *   answer is applied only if no other write was on its way meanwhile, else `reread` (a `fresh`
 *   read) runs instead.
 * - An autosave's store action puts the typed values in the snapshot at once (kept if the save fails)
 *   and again from the save's answer, so a read that ran before the save was sent is mended by it.
 * Stores never import `call` from api.ts (lint); `READ_CALLS` in ./calls lists what may be read.
 *
 * Every autosaved field has one entry here, named after what it saves (e.g. `meeting:12:notes`).
 * The entry outlives the form that shows it: what was typed and not yet acknowledged by the store
 * stays here while the save is pending or on its way, so a form that mounts meanwhile (another
 * tab, meeting mode, back from another section) starts from the newest text, never the older
 * snapshot, and saves of one field never overtake each other. Closing the window first flushes
 * what has not been saved (`installCloseGuard`).
 */
export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'invalid' }
  | { kind: 'failed'; error: ApiError };

interface Entry {
  /** The newest values typed and not yet acknowledged by the store; null once the store has them. */
  values: unknown;
  /** Typed (or refused) since the last save was sent. */
  unsent: boolean;
  inFlight: Promise<void> | null;
  state: SaveState;
  timer: ReturnType<typeof setTimeout> | undefined;
  /** The save of the view showing the field (a store action), and whether its schema takes the values. */
  send: (values: unknown) => Promise<unknown>;
  accepts: (values: unknown) => boolean;
  /** The mounted form's current values, when one is mounted. */
  read: (() => unknown) | undefined;
  listeners: Set<() => void>;
}

const entries = new Map<string, Entry>();
const IDLE: SaveState = { kind: 'idle' };
/** One object per state without details, so a field already pending is not told so again on every keystroke. */
const PENDING: SaveState = { kind: 'pending' };

function entryOf(key: string): Entry {
  let entry = entries.get(key);
  if (!entry) {
    entry = {
      values: null,
      unsent: false,
      inFlight: null,
      state: IDLE,
      timer: undefined,
      send: () => Promise.resolve(),
      accepts: () => true,
      read: undefined,
      listeners: new Set(),
    };
    entries.set(key, entry);
  }
  return entry;
}

function setState(entry: Entry, state: SaveState) {
  if (entry.state === state) return;
  entry.state = state;
  for (const listener of entry.listeners) listener();
}

/** Failures a retry cannot mend (the store said no, or the record is gone): they do not hold the window open. */
const isFinal = (state: SaveState) =>
  state.kind === 'invalid' || (state.kind === 'failed' && ['invalid_input', 'not_found', 'conflict'].includes(state.error.code));

/** The view showing the field connects its save, its schema and its form; the returned function disconnects. */
export function attachField(
  key: string,
  view: { send: (values: unknown) => Promise<unknown>; accepts: (values: unknown) => boolean; read: () => unknown },
): () => void {
  const entry = entryOf(key);
  entry.send = view.send;
  entry.accepts = view.accepts;
  entry.read = view.read;
  return () => {
    if (entry.read === view.read) entry.read = undefined;
  };
}

/**
 * The user changed the field: remember the values and save shortly after typing stops. This runs
 * on every keystroke, so it only remembers: no validation, no copy of the text, and the field's
 * listeners hear of it only when its state changes (the first keystroke after a save).
 */
export function typed(key: string, values: unknown, delay: number): void {
  const entry = entryOf(key);
  entry.values = values;
  entry.unsent = true;
  setState(entry, PENDING);
  clearTimeout(entry.timer);
  entry.timer = setTimeout(() => void flushField(key), delay);
}

/** Keeps the remembered values in step with a programmatic change, while an edit is still unsaved. */
export function changed(key: string, values: unknown): void {
  const entry = entries.get(key);
  if (entry?.unsent) entry.values = values;
}

/** Saves what is unsent now; never two saves of one field at once, the newest text always last. */
export async function flushField(key: string): Promise<void> {
  const entry = entries.get(key);
  if (!entry) return;
  clearTimeout(entry.timer);
  entry.timer = undefined;
  while (entry.inFlight) await entry.inFlight;
  if (!entry.unsent) return;
  if (entry.read) entry.values = entry.read();
  const values = entry.values;
  if (!entry.accepts(values)) {
    setState(entry, { kind: 'invalid' });
    return;
  }
  entry.unsent = false;
  setState(entry, { kind: 'saving' });
  entry.inFlight = entry
    .send(values)
    .then(
      () => {
        if (entry.unsent) return setState(entry, PENDING);
        entry.values = null; // the store has them now
        setState(entry, { kind: 'saved' });
      },
      (error: unknown) => {
        entry.unsent = true;
        setState(entry, { kind: 'failed', error: toApiError(error) });
      },
    )
    .finally(() => {
      entry.inFlight = null;
    });
  return entry.inFlight;
}

/** The values typed into the field and not yet in the store, or null when the store is up to date. */
export const unsavedValues = (key: string): unknown => entries.get(key)?.values ?? null;

/** True while the field has an edit the store has not acknowledged (pending, on its way, refused or failed). */
export const isUnsaved = (key: string): boolean => {
  const entry = entries.get(key);
  return entry !== undefined && (entry.unsent || entry.inFlight !== null);
};

export const stateOf = (key: string): SaveState => entries.get(key)?.state ?? IDLE;

export function subscribeField(key: string, listener: () => void): () => void {
  const entry = entryOf(key);
  entry.listeners.add(listener);
  return () => entry.listeners.delete(listener);
}

/** The record behind the field is gone (removed): nothing is left to save for it. */
export function forgetField(key: string): void {
  const entry = entries.get(key);
  if (!entry) return;
  clearTimeout(entry.timer);
  entry.unsent = false;
  entry.values = null;
}

export const hasUnsaved = (): boolean =>
  [...entries.values()].some((entry) => entry.inFlight !== null || (entry.unsent && !isFinal(entry.state)));

export const flushAll = async (): Promise<void> => {
  await Promise.all([...entries.keys()].map((key) => flushField(key)));
};

/** Text typed into an "add" field and not added yet: kept while the view is away, never saved. */
const drafts = new Map<string, unknown>();
export const draftOf = (key: string): unknown => drafts.get(key) ?? null;
export const keepDraft = (key: string, values: unknown): void => void drafts.set(key, values);
export const dropDraft = (key: string): void => void drafts.delete(key);

/** Forgets every field and draft (each test starts from a fresh store, whose ids repeat). */
export function forgetAll(): void {
  for (const entry of entries.values()) clearTimeout(entry.timer);
  entries.clear();
  drafts.clear();
}

let installed = false;

/**
 * `beforeunload` blocks the close while anything is unsaved, flushes, and closes the window again
 * once everything is stored (Electron keeps the window open silently). A hidden window or a page
 * going away saves at once.
 */
export function installCloseGuard(): void {
  if (installed) return;
  installed = true;
  window.addEventListener('pagehide', () => void flushAll());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void flushAll();
  });
  window.addEventListener('beforeunload', (event) => {
    if (!hasUnsaved()) return;
    event.preventDefault();
    void flushAll().then(() => {
      if (!hasUnsaved()) window.close();
    });
  });
}
