import type { CallInput, CallName, CallOutput } from '@shared/contract';
import { call } from '../api';

/**
 * The stores' only way to main: no answer older than a write ever reaches a store's snapshot.
 *
 * An answer that carries stored data (a read, or a write that answers a whole meeting, every
 * question, every mark) shows the store as it was when main ran the call. If a write (a save
 * of a field, a button) was on its way at any moment of that call's trip, main may have run the
 * two in either order: browser mode's HTTP connections can cross, and a read sent while a save
 * was still being typed is answered after that save only if the answer is slow. Applied after the
 * save's acknowledgement, such an answer would put the older text back in the store, the form
 * would follow it, and the next keystroke would save the shorter text over the longer one.
 *
 * So every write is counted while it is on its way, and:
 * - `fresh(reads, apply)` waits until no write is on its way, reads, and hands the answer to
 *   `apply` only if no write was sent meanwhile; otherwise it reads again.
 * - `write(name, input)` is for an answer that holds only what the call itself wrote (the saved
 *   text of the field's own form, a new row, what a removal took away, for Undo).
 * - `writeSnapshot(name, input, apply, reread)` is for any other answer: `apply` gets it only if
 *   no other write was on its way during the call; otherwise `reread` (a `fresh` read) brings the
 *   snapshot up to date instead.
 *
 * Only calls listed in READ_CALLS go through `fresh`, because a read may run twice; the lint rule
 * in eslint.config.js keeps `call` itself out of the stores.
 */
export const READ_CALLS = [
  'app.info',
  'settings.get',
  'programme.get',
  'members.list',
  'plan.list',
  'agreement.get',
  'agreement.compare',
  'agreement.export',
  'meetings.overview',
  'meetings.get',
  'themes.list',
  'actions.list',
  'search.query',
  'feedback.questions',
  'feedback.surveys',
  'feedback.survey',
  'feedback.response',
  'feedback.results',
  'feedback.trend',
  'feedback.selfCheckChange',
  'feedback.lockedRound',
  'evaluation.decision',
  'summary.settings',
  'summary.preview',
  'summary.exports',
  'summary.archiveState',
  'summary.closingPlan',
  'storage.status',
  'storage.backups',
  'calendar.preview',
  'brief.get',
  'brief.export',
  'health.overview',
  'prompts.forMeeting',
  'midpoint.get',
] as const satisfies readonly CallName[];

export type ReadCall = (typeof READ_CALLS)[number];
export type WriteCall = Exclude<CallName, ReadCall>;
type Args<K extends CallName> = undefined extends CallInput<K> ? [input?: CallInput<K>] : [input: CallInput<K>];
export type Read = <K extends ReadCall>(name: K, ...args: Args<K>) => Promise<CallOutput<K>>;

/** Writes sent so far, and those on their way (sent, not answered). */
let sent = 0;
let onTheWay = 0;
const waiting = new Set<() => void>();

async function send<K extends WriteCall>(name: K, args: Args<K>): Promise<CallOutput<K>> {
  sent += 1;
  onTheWay += 1;
  try {
    return await call(name, ...args);
  } finally {
    onTheWay -= 1;
    if (onTheWay === 0) for (const wake of [...waiting]) wake();
  }
}

/** Resolves once no write is on its way. */
function quiet(): Promise<void> {
  if (onTheWay === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const wake = () => {
      waiting.delete(wake);
      resolve();
    };
    waiting.add(wake);
  });
}

const read: Read = (name, ...args) => call(name, ...args);

/**
 * Reads with `reads` (which may make several calls) and gives the answer to `apply` at once, if
 * no write was on its way at any moment of the reading; otherwise waits for those writes and reads
 * again. Resolves with the answer that was applied.
 */
export async function fresh<T>(reads: (read: Read) => Promise<T>, apply: (value: T) => void = () => undefined): Promise<T> {
  for (;;) {
    await quiet();
    if (onTheWay > 0) continue; // a write was sent between the wake-up and now
    const mark = sent;
    const value = await reads(read);
    if (sent === mark) {
      apply(value);
      return value;
    }
  }
}

/** A write whose answer holds only what it wrote itself; the store may take it as it is. */
export function write<K extends WriteCall>(name: K, ...args: Args<K>): Promise<CallOutput<K>> {
  return send(name, args);
}

/**
 * A write whose answer carries stored data beyond what it wrote. `apply` takes the answer only if
 * no other write was on its way while this one was (so the answer holds every write answered
 * before it and none after); otherwise `reread` (given the answer, to know what to read) brings
 * the snapshot up to date with a `fresh` read.
 * Resolves with the answer either way (for what it says about the write itself).
 */
export async function writeSnapshot<K extends WriteCall>(
  name: K,
  input: CallInput<K>,
  apply: (answer: CallOutput<K>) => void,
  reread: (answer: CallOutput<K>) => Promise<unknown>,
): Promise<CallOutput<K>> {
  const alone = onTheWay === 0;
  const mark = sent;
  const answer = await send(name, [input] as Args<K>);
  if (alone && sent === mark + 1) apply(answer);
  else await reread(answer);
  return answer;
}

/** Resolves once no write is on its way (for a test, or before a call that must see every save). */
export const writesAnswered = (): Promise<void> => quiet();
