import { z } from 'zod';
import { MeetingPrompt, MeetingPromptsRef, PromptAdd, PromptRemoved, PromptUpdate, RemovedPrompt } from '../domain/prompts';
import { IdRef } from '../domain/fields';
import type { ContractPart } from './part';

/** Reflection prompts chosen for a meeting's check-in and closing rounds (the bank is in shared/domain/prompts.ts). */
export const promptCalls = {
  'prompts.forMeeting': { input: MeetingPromptsRef, output: z.array(MeetingPrompt) },
  'prompts.add': { input: PromptAdd, output: z.array(MeetingPrompt) },
  'prompts.update': { input: PromptUpdate, output: MeetingPrompt },
  'prompts.remove': { input: IdRef, output: PromptRemoved },
  'prompts.restore': { input: RemovedPrompt, output: z.array(MeetingPrompt) },
} as const satisfies ContractPart;
