import type { z } from 'zod';
import type { Envelope } from '../envelope';
import { agreementCalls } from './agreement';
import { briefCalls } from './brief';
import { calendarCalls } from './calendar';
import { coreCalls } from './core';
import { feedbackCalls } from './feedback';
import { healthCalls } from './health';
import { meetingCalls } from './meetings';
import { midpointCalls } from './midpoint';
import { planCalls } from './plan';
import { promptCalls } from './prompts';
import { storageCalls } from './storage';
import { summaryCalls } from './summary';
import type { ContractPart } from './part';

type Merged<Parts extends readonly ContractPart[]> = Parts extends readonly [infer First, ...infer Rest extends readonly ContractPart[]]
  ? First & Merged<Rest>
  : unknown;

/**
 * Merges the features' parts into one map. A name defined in two parts is refused when the module
 * loads: spreading would let the later part silently replace the earlier call.
 */
export function mergeParts<const Parts extends readonly ContractPart[]>(...parts: Parts): Merged<Parts> {
  const merged: ContractPart = {};
  for (const part of parts) {
    for (const name of Object.keys(part)) {
      if (Object.hasOwn(merged, name)) throw new Error(`The call ${name} is defined twice in the contract.`);
      merged[name] = part[name]!;
    }
  }
  return merged as Merged<Parts>;
}

/**
 * The one map of every call between the renderer and main: name -> input schema -> output schema.
 * Each feature declares its part beside this file; they merge here. Main validates each input with
 * it, the preload exposes exactly these names, and the renderer's client is typed from it, so a
 * renamed call breaks the build rather than the user.
 */
export const contract = mergeParts(
  coreCalls,
  planCalls,
  agreementCalls,
  meetingCalls,
  feedbackCalls,
  summaryCalls,
  storageCalls,
  // issue 12: the facilitator's tools
  promptCalls,
  midpointCalls,
  calendarCalls,
  briefCalls,
  healthCalls,
);

export type Contract = typeof contract;
export type CallName = keyof Contract;
export const CALL_NAMES = Object.keys(contract) as CallName[];

/** Calls that answer a file (trait `file`, see part.ts): asynchronous, and saved through a dialog on the desktop. */
export type FileCall = { [K in CallName]: Contract[K] extends { file: true } ? K : never }[CallName];
export const isFileCall = (name: CallName): name is FileCall => 'file' in contract[name] && contract[name].file === true;
export const FILE_CALL_NAMES = CALL_NAMES.filter(isFileCall);

/** Calls whose handler answers a promise: trait `async`, or `file`. */
export type AsyncCall = FileCall | { [K in CallName]: Contract[K] extends { async: true } ? K : never }[CallName];
export const isAsyncCall = (name: CallName): name is AsyncCall =>
  isFileCall(name) || ('async' in contract[name] && contract[name].async === true);

export type CallInput<K extends CallName> = z.input<Contract[K]['input']>;
export type ParsedInput<K extends CallName> = z.output<Contract[K]['input']>;
export type CallOutput<K extends CallName> = z.output<Contract[K]['output']>;

/** The API the preload (desktop) or the browser-mode shim puts on `window.vertaistuki`. */
export type VertaistukiApi = {
  [K in CallName]: (input: CallInput<K>) => Promise<Envelope<CallOutput<K>>>;
};

export { API_GLOBAL, channelOf } from '../channels';
