/**
 * The names of every call, without their schemas, so the sandboxed preload can be built from
 * them without bundling zod. `contract.ts` is checked at compile time to cover exactly these.
 */
export const CALL_NAMES = [
  'app.info',
  'settings.get',
  'settings.update',
  'programme.get',
  'programme.setup',
  'programme.update',
  'members.list',
  'members.add',
  'members.update',
  'members.setLeft',
  'members.remove',
] as const;

export type CallName = (typeof CALL_NAMES)[number];

export const API_GLOBAL = 'vertaistuki';

/** IPC channel of one call; only main and the preload use it. */
export const channelOf = (name: CallName) => `vertaistuki:${name}`;
