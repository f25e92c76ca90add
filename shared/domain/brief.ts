import { z } from 'zod';
import { AgreementLanguage } from './agreement';
import { recordId } from './fields';

/**
 * The meeting brief: one page for the facilitator before a meeting (theme, ground rules, actions
 * carried over, between-meeting tasks, who said they will be away, the planned length and steps,
 * the prompts chosen). CONFIDENTIAL, as it holds actions: marked so on screen and on paper, and
 * never part of the management summary. On screen it is the same document model the PDF prints.
 */
export const BriefInput = z.object({ meetingId: recordId, language: AgreementLanguage });
export type BriefInput = z.infer<typeof BriefInput>;
