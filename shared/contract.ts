import { z } from 'zod';
import type { CallName } from './calls';
import type { Envelope } from './envelope';
import { Member, MemberFields, MemberLeftInput, MemberRef, MemberUpdate } from './domain/members';
import { Programme, ProgrammeFields, SetupInput } from './domain/programme';
import { AppInfo, Settings, SettingsPatch } from './domain/settings';

/**
 * The one map of every call between the renderer and main: name -> input schema -> output schema.
 * Main validates each input with it, the preload exposes exactly these names, and the renderer's
 * client is typed from it, so a renamed call breaks the build rather than the user.
 */
const noInput = z.undefined({ error: 'noInputExpected' });

export const contract = {
  'app.info': { input: noInput, output: AppInfo },
  'settings.get': { input: noInput, output: Settings },
  'settings.update': { input: SettingsPatch, output: Settings },
  'programme.get': { input: noInput, output: Programme.nullable() },
  'programme.setup': { input: SetupInput, output: Programme },
  'programme.update': { input: ProgrammeFields, output: Programme },
  'members.list': { input: noInput, output: z.array(Member) },
  'members.add': { input: MemberFields, output: Member },
  'members.update': { input: MemberUpdate, output: Member },
  'members.setLeft': { input: MemberLeftInput, output: Member },
  'members.remove': { input: MemberRef, output: MemberRef },
} as const satisfies Record<CallName, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export { API_GLOBAL, CALL_NAMES, channelOf, type CallName } from './calls';

/** Fails to compile if the contract has a call that calls.ts does not list. */
type Extra = Exclude<keyof Contract, CallName>;
const noExtraCalls: [Extra] extends [never] ? true : never = true;
void noExtraCalls;

export type CallInput<K extends CallName> = z.input<Contract[K]['input']>;
export type ParsedInput<K extends CallName> = z.output<Contract[K]['input']>;
export type CallOutput<K extends CallName> = z.output<Contract[K]['output']>;

/** The API the preload (desktop) or the browser-mode shim puts on `window.vertaistuki`. */
export type VertaistukiApi = {
  [K in CallName]: (input: CallInput<K>) => Promise<Envelope<CallOutput<K>>>;
};
