import { z } from 'zod';
import { optionalLine, recordId, requiredLine } from './fields';

/**
 * Reflection prompts (pohdintakysymykset): questions the facilitator puts to the group in a
 * meeting's opening (check-in) round or its closing round. The app brings a bank written for it,
 * in both languages, for the three phases of a programme; the facilitator picks some for a
 * meeting or writes their own. The bank lives here because the screens and the printed meeting
 * brief (made in main) word the same prompt the same way.
 */
export const PROMPT_PHASES = ['start', 'during', 'end'] as const;
export type PromptPhase = (typeof PROMPT_PHASES)[number];

export const PROMPT_MOMENTS = ['checkin', 'closing'] as const;
export const PromptMoment = z.enum(PROMPT_MOMENTS, { error: 'invalidMoment' });
export type PromptMoment = z.infer<typeof PromptMoment>;

export interface BankPrompt {
  key: string;
  phase: PromptPhase;
  /** Where the prompt fits best; the facilitator can use it at the other moment too. */
  moment: PromptMoment;
  fi: string;
  en: string;
}

const prompt = (key: string, phase: PromptPhase, moment: PromptMoment, fi: string, en: string): BankPrompt => ({ key, phase, moment, fi, en });

export const PROMPT_BANK: readonly BankPrompt[] = [
  // Getting to know each other and setting goals
  prompt('start.hopes', 'start', 'checkin', 'Mitä toivon tältä ryhmältä, ja mistä huomaisin, että toive on toteutunut?', 'What do I hope for from this group, and how would I notice that it came true?'),
  prompt('start.learn', 'start', 'checkin', 'Mitä haluan oppia tai saada aikaan näiden tapaamisten aikana?', 'What do I want to learn or get done during these meetings?'),
  prompt('start.workNow', 'start', 'checkin', 'Millainen työtilanteeni on juuri nyt, ja mikä siinä vie eniten voimia?', 'What is my work like right now, and what in it takes the most energy?'),
  prompt('start.offer', 'start', 'checkin', 'Missä asiassa voisin olla avuksi muille ryhmäläisille?', 'Where could I be of help to the others in the group?'),
  prompt('start.openness', 'start', 'closing', 'Mitä tarvitsen, jotta voin puhua tässä ryhmässä avoimesti?', 'What do I need in order to speak openly in this group?'),
  prompt('start.promise', 'start', 'closing', 'Mitä lupaan itselleni ja ryhmälle ennen seuraavaa kertaa?', 'What do I promise myself and the group before next time?'),
  prompt('start.direction', 'start', 'closing', 'Mistä tiedämme puolivälissä, että olemme menossa oikeaan suuntaan?', 'How will we know halfway through that we are heading the right way?'),
  // Reflection during the programme
  prompt('during.since', 'during', 'checkin', 'Mitä on tapahtunut edellisen tapaamisen jälkeen? Mitä kokeilin?', 'What has happened since the last meeting? What did I try?'),
  prompt('during.onTop', 'during', 'checkin', 'Mikä työssäni on nyt päällimmäisenä mielessä?', 'What is uppermost in my mind at work right now?'),
  prompt('during.energy', 'during', 'checkin', 'Millä mielellä tulen tähän tapaamiseen, asteikolla yhdestä kymmeneen?', 'On a scale from one to ten, in what frame of mind do I come to this meeting?'),
  prompt('during.stuck', 'during', 'checkin', 'Mihin kaipaisin tänään muiden näkökulmaa?', 'On what would I like the others’ point of view today?'),
  prompt('during.stayed', 'during', 'closing', 'Mikä ajatus tästä tapaamisesta jäi mieleen?', 'Which thought from this meeting stayed with me?'),
  prompt('during.tomorrow', 'during', 'closing', 'Mitä otan tästä mukaani huomiseen työpäivään?', 'What do I take from this into tomorrow’s working day?'),
  prompt('during.try', 'during', 'closing', 'Mitä kokeilen ennen seuraavaa tapaamista?', 'What will I try before the next meeting?'),
  prompt('during.listening', 'during', 'closing', 'Miten kuuntelimme toisiamme tänään? Pääsikö jokainen ääneen?', 'How did we listen to each other today? Did everyone get a say?'),
  // Evaluation at the end, and how we go on
  prompt('end.journey', 'end', 'checkin', 'Mistä lähdimme liikkeelle, ja missä olemme nyt?', 'Where did we start from, and where are we now?'),
  prompt('end.learned', 'end', 'checkin', 'Mitä olen oppinut itsestäni ja työstäni tässä ryhmässä?', 'What have I learned about myself and my work in this group?'),
  prompt('end.changed', 'end', 'checkin', 'Mikä tavassani toimia tai ajatella on muuttunut, ihan käytännössä?', 'What has changed in the way I act or think, in practice?'),
  prompt('end.goals', 'end', 'closing', 'Miten hyvin pääsimme tavoitteisiimme, ja mistä sen näkee?', 'How well did we reach our goals, and how can we tell?'),
  prompt('end.thanks', 'end', 'closing', 'Kenelle haluan sanoa kiitos, ja mistä?', 'Whom do I want to thank, and for what?'),
  prompt('end.goOn', 'end', 'closing', 'Miten jatkamme tästä: säännöllisesti, vapaamuotoisesti vai ryhmänä emme lainkaan?', 'How do we go on from here: regularly, informally, or not as a group at all?'),
  prompt('end.takeAway', 'end', 'closing', 'Mitä vien tästä ryhmästä mukanani?', 'What do I carry with me from this group?'),
];

export const PROMPT_KEYS = PROMPT_BANK.map((p) => p.key) as [string, ...string[]];
export const bankPrompt = (key: string): BankPrompt | undefined => PROMPT_BANK.find((p) => p.key === key);

/** A prompt's wording in a language: the bank's, or the facilitator's own text as written. */
export const promptText = (chosen: { bankKey: string | null; text: string }, language: 'fi' | 'en'): string =>
  chosen.bankKey === null ? chosen.text : (bankPrompt(chosen.bankKey)?.[language] ?? chosen.bankKey);

export const MAX_PROMPT_LENGTH = 300;
/** At most this many prompts per meeting and moment: a round has time for a few questions. */
export const MAX_PROMPTS_PER_MOMENT = 10;

export const MeetingPrompt = z.object({
  id: recordId,
  meetingId: recordId,
  moment: PromptMoment,
  bankKey: z.string().nullable(),
  text: z.string(),
  position: z.number().int(),
});
export type MeetingPrompt = z.infer<typeof MeetingPrompt>;

export const MeetingPromptsRef = z.object({ meetingId: recordId });

/** A prompt from the bank (`bankKey`) or the facilitator's own (`text`), never both. */
export const PromptAdd = z
  .object({
    meetingId: recordId,
    moment: PromptMoment,
    bankKey: z.enum(PROMPT_KEYS, { error: 'unknownPrompt' }).nullable(),
    text: optionalLine(MAX_PROMPT_LENGTH),
  })
  .refine((p) => (p.bankKey === null) === (p.text !== ''), { path: ['text'], error: 'required' });
export type PromptAdd = z.infer<typeof PromptAdd>;

/** Rewording one of the facilitator's own prompts (the bank's are worded by the app). */
export const PromptUpdate = z.object({ id: recordId, text: requiredLine(MAX_PROMPT_LENGTH) });
export type PromptUpdate = z.infer<typeof PromptUpdate>;

/** A removed prompt exactly as it was stored, for Undo. */
export const RemovedPrompt = MeetingPrompt.extend({
  bankKey: z.enum(PROMPT_KEYS, { error: 'unknownPrompt' }).nullable(),
  text: optionalLine(MAX_PROMPT_LENGTH),
  position: z.number({ error: 'invalidPosition' }).int({ error: 'invalidPosition' }).min(0).max(1_000_000),
}).refine((p) => (p.bankKey === null) === (p.text !== ''), { path: ['text'], error: 'required' });
export type RemovedPrompt = z.infer<typeof RemovedPrompt>;
export const PromptRemoved = z.object({ prompts: z.array(MeetingPrompt), removed: RemovedPrompt });
