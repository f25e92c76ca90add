import { z } from 'zod';
import { checkedText, isoDate, optionalLine, optionalText, recordId, requiredLine, requiredText } from './fields';

/**
 * Feedback rounds after meetings, the well-being self-check and the final evaluation.
 * Raw answers are CONFIDENTIAL; only aggregates with enough answers and open answers the
 * facilitator marked shareable may ever leave (see services/feedback/shareable.ts).
 */
export const INSTRUMENTS = ['round', 'selfcheck', 'evaluation', 'midpoint'] as const;
export const Instrument = z.enum(INSTRUMENTS, { error: 'invalidInstrument' });
export type Instrument = z.infer<typeof Instrument>;

/** Instruments whose questions the facilitator may edit (the self-check's four dimensions are fixed). */
export const EDITABLE_INSTRUMENTS = ['round', 'evaluation', 'midpoint'] as const;
export type EditableInstrument = (typeof EDITABLE_INSTRUMENTS)[number];

/** Instruments held in one meeting: each meeting's feedback round, and the mid-point check (väliarviointi). */
export const MEETING_INSTRUMENTS = ['round', 'midpoint'] as const;
export const isMeetingInstrument = (instrument: Instrument): boolean => (MEETING_INSTRUMENTS as readonly string[]).includes(instrument);
export const EditableInstrument = z.enum(EDITABLE_INSTRUMENTS, { error: 'invalidInstrument' });

export const QUESTION_KINDS = ['scale', 'choice', 'text'] as const;
export const QuestionKind = z.enum(QUESTION_KINDS);
export type QuestionKind = z.infer<typeof QuestionKind>;

export const PHASES = ['start', 'end'] as const;
export const Phase = z.enum(PHASES, { error: 'invalidSelfCheckPhase' });
export type Phase = z.infer<typeof Phase>;

export const CONTINUATIONS = ['regular', 'informal', 'stop'] as const;
export const Continuation = z.enum(CONTINUATIONS, { error: 'invalidContinuation' });
export type Continuation = z.infer<typeof Continuation>;

/** An aggregate of fewer answers than this is shown to the facilitator only, marked, and never exported. */
export const MIN_ANSWERS_TO_REPORT = 3;
export const MAX_ANSWER_LENGTH = 2000;
export const MAX_QUESTION_LENGTH = 300;
export const MAX_RATIONALE_LENGTH = 2000;

export const Question = z.object({
  id: recordId,
  instrument: Instrument,
  position: z.number().int(),
  kind: QuestionKind,
  /** A preset's wording comes from the translations unless `text` rewrites it. */
  preset: z.string().nullable(),
  text: z.string(),
  scaleMax: z.number().int().nullable(),
  options: z.array(z.string()).nullable(),
  /** Set on the evaluation's items generated from the agreement's goals. */
  goalKind: z.enum(['organisation', 'member', 'group']).nullable(),
});
export type Question = z.infer<typeof Question>;

export const Questionnaire = z.object({
  instrument: Instrument,
  /** True once any answer exists for this instrument: the questions can no longer change. */
  locked: z.boolean(),
  questions: z.array(Question),
});
export type Questionnaire = z.infer<typeof Questionnaire>;

export const InstrumentRef = z.object({ instrument: Instrument });
export type InstrumentRef = z.infer<typeof InstrumentRef>;
export const EditableInstrumentRef = z.object({ instrument: EditableInstrument });

/** Rewording a question; an empty text gives a preset back its default wording. */
export const QuestionTextUpdate = z.object({ id: recordId, text: optionalLine(MAX_QUESTION_LENGTH) });
export type QuestionTextUpdate = z.infer<typeof QuestionTextUpdate>;

export const QuestionAdd = z.object({
  instrument: EditableInstrument,
  kind: z.enum(['scale', 'text'], { error: 'invalidQuestionKind' }),
  text: requiredLine(MAX_QUESTION_LENGTH),
});
export type QuestionAdd = z.infer<typeof QuestionAdd>;

export const QuestionRef = z.object({ id: recordId });

/** The facilitator's PIN that locks a pass-the-device round: 4 to 8 digits. */
export const Pin = z.string({ error: 'invalidPin' }).regex(/^\d{4,8}$/, { error: 'invalidPin' });

export const SurveyStart = z
  .object({
    instrument: Instrument,
    meetingId: recordId.nullable(),
    phase: Phase.nullable(),
    anonymous: z.boolean({ error: 'invalidCollectionMode' }),
    /** Locks the anonymous pass-the-device round: leaving it needs this PIN. */
    pin: Pin.nullable().optional(),
  })
  .refine((s) => isMeetingInstrument(s.instrument) === (s.meetingId !== null), { path: ['meetingId'], error: 'meetingForRound' })
  .refine((s) => (s.instrument === 'selfcheck') === (s.phase !== null), { path: ['phase'], error: 'invalidSelfCheckPhase' })
  .refine((s) => s.anonymous || !s.pin, { path: ['pin'], error: 'pinOnlyAnonymous' });
export type SurveyStart = z.infer<typeof SurveyStart>;

export const Survey = z.object({
  id: recordId,
  instrument: Instrument,
  meetingId: recordId.nullable(),
  phase: Phase.nullable(),
  anonymous: z.boolean(),
  status: z.enum(['open', 'closed']),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  /** How many respondents have submitted. */
  responses: z.number().int(),
  /** Named surveys only: who has answered. Always empty for an anonymous survey. */
  respondedMemberIds: z.array(recordId),
  /** A pass-the-device round that only the facilitator's PIN can leave. */
  locked: z.boolean(),
});
export type Survey = z.infer<typeof Survey>;

export const PinInput = z.object({ surveyId: recordId, pin: Pin });
export type PinInput = z.infer<typeof PinInput>;

/** The answer to a PIN: unlocked, or not, and how long to wait before the next try (0: now). */
export const PinCheck = z.object({ unlocked: z.boolean(), retryAfterSeconds: z.number().int().nonnegative() });
export type PinCheck = z.infer<typeof PinCheck>;

export const SurveyRef = z.object({ id: recordId });
export type SurveyRef = z.infer<typeof SurveyRef>;

export const Score = z
  .number({ error: 'invalidScore' })
  .int({ error: 'invalidScore' })
  .min(1, { error: 'scoreOutOfRange' })
  .max(10, { error: 'scoreOutOfRange' });

/** One answer; a question left blank is simply not sent (it is fine to stay silent). */
export const AnswerInput = z.object({
  questionId: recordId,
  score: Score.nullable(),
  choice: checkedText(z.string({ error: 'invalidAnswerChoice' }).min(1, { error: 'invalidAnswerChoice' }).max(40, { error: 'invalidAnswerChoice' }), 'one', false).nullable(),
  text: optionalText(MAX_ANSWER_LENGTH),
});
export type AnswerInput = z.infer<typeof AnswerInput>;

export const SubmitInput = z.object({
  surveyId: recordId,
  /** null in an anonymous survey; the member whose answers the facilitator records otherwise. */
  memberId: recordId.nullable(),
  answers: z.array(AnswerInput).max(200, { error: 'tooManyAnswers' }),
});
export type SubmitInput = z.infer<typeof SubmitInput>;

export const NamedResponseRef = z.object({ surveyId: recordId, memberId: recordId });
export const NamedResponse = z.object({ memberId: recordId, answers: z.array(AnswerInput) });
export type NamedResponse = z.infer<typeof NamedResponse>;

export const ScaleAggregate = z.object({
  n: z.number().int(),
  mean: z.number().nullable(),
  /** Count of each score: index 0 is score 1. */
  distribution: z.array(z.number().int()),
  reportable: z.boolean(),
});
export type ScaleAggregate = z.infer<typeof ScaleAggregate>;

export const ChoiceAggregate = z.object({
  n: z.number().int(),
  counts: z.array(z.object({ option: z.string(), count: z.number().int() })),
  reportable: z.boolean(),
});
export type ChoiceAggregate = z.infer<typeof ChoiceAggregate>;

/** An open answer as the facilitator sees it: never with a name. */
export const TextAnswer = z.object({
  responseId: recordId,
  questionId: recordId,
  text: z.string(),
  /** The approved wording for exports; null while the answer is confidential. */
  sharedText: z.string().nullable(),
});
export type TextAnswer = z.infer<typeof TextAnswer>;

export const QuestionResult = z.object({
  question: Question,
  n: z.number().int(),
  reportable: z.boolean(),
  scale: ScaleAggregate.nullable(),
  choice: ChoiceAggregate.nullable(),
  texts: z.array(TextAnswer),
});
export type QuestionResult = z.infer<typeof QuestionResult>;

export const SurveyResults = z.object({ survey: Survey, questions: z.array(QuestionResult) });
export type SurveyResults = z.infer<typeof SurveyResults>;

export const ShareInput = z.object({
  responseId: recordId,
  questionId: recordId,
  /** The wording to share (e.g. anonymised); null makes the answer confidential again. */
  sharedText: requiredText(MAX_ANSWER_LENGTH).nullable(),
});
export type ShareInput = z.infer<typeof ShareInput>;

export const TrendMeeting = z.object({
  meetingId: recordId,
  number: z.number().int(),
  plannedDate: z.string().nullable(),
  plannedMonth: z.string().nullable(),
  values: z.array(z.object({ questionId: recordId, aggregate: ScaleAggregate })),
});
export type TrendMeeting = z.infer<typeof TrendMeeting>;

/** Scale questions of the feedback rounds, meeting by meeting (meetings with a round only). */
export const Trend = z.object({ questions: z.array(Question), meetings: z.array(TrendMeeting) });
export type Trend = z.infer<typeof Trend>;

export const SelfCheckDimension = z.object({
  question: Question,
  start: ScaleAggregate.nullable(),
  end: ScaleAggregate.nullable(),
  /** End mean minus start mean; null unless both have enough answers to report. */
  change: z.number().nullable(),
});
export type SelfCheckDimension = z.infer<typeof SelfCheckDimension>;

export const SelfCheckChange = z.object({
  start: Survey.nullable(),
  end: Survey.nullable(),
  dimensions: z.array(SelfCheckDimension),
});
export type SelfCheckChange = z.infer<typeof SelfCheckChange>;

export const DecisionFields = z.object({
  decision: Continuation.nullable(),
  rationale: optionalText(MAX_RATIONALE_LENGTH),
  decidedOn: isoDate.nullable(),
});
export type DecisionFields = z.infer<typeof DecisionFields>;
