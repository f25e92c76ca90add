import { z } from 'zod';
import {
  DecisionFields,
  EditableInstrumentRef,
  InstrumentRef,
  NamedResponse,
  NamedResponseRef,
  PinCheck,
  PinInput,
  QuestionAdd,
  Questionnaire,
  QuestionRef,
  QuestionTextUpdate,
  SelfCheckChange,
  ShareInput,
  SubmitInput,
  Survey,
  SurveyRef,
  SurveyResults,
  SurveyStart,
  TextAnswer,
  Trend,
} from '../domain/feedback';
import { noInput, type ContractPart } from './part';

/** Feedback rounds, the well-being self-check, the final evaluation and the continuation decision. */
export const feedbackCalls = {
  'feedback.questions': { input: InstrumentRef, output: Questionnaire },
  'feedback.updateQuestion': { input: QuestionTextUpdate, output: Questionnaire },
  'feedback.addQuestion': { input: QuestionAdd, output: Questionnaire },
  'feedback.removeQuestion': { input: QuestionRef, output: Questionnaire },
  'feedback.resetQuestions': { input: EditableInstrumentRef, output: Questionnaire },
  'feedback.surveys': { input: InstrumentRef, output: z.array(Survey) },
  'feedback.survey': { input: SurveyRef, output: Survey },
  'feedback.start': { input: SurveyStart, output: Survey },
  'feedback.submit': { input: SubmitInput, output: Survey },
  'feedback.response': { input: NamedResponseRef, output: NamedResponse.nullable() },
  // asynchronous: an anonymous round is rewritten in random order, then the log is emptied
  'feedback.end': { input: SurveyRef, output: Survey, async: true },
  /** Pass-the-device: the locked round, if one is running (a reload goes back to it). */
  'feedback.lockedRound': { input: noInput, output: Survey.nullable() },
  'feedback.unlock': { input: PinInput, output: PinCheck },
  'feedback.lock': { input: PinInput, output: Survey },
  'feedback.reopen': { input: SurveyRef, output: Survey },
  'feedback.discard': { input: SurveyRef, output: SurveyRef },
  'feedback.results': { input: SurveyRef, output: SurveyResults },
  'feedback.share': { input: ShareInput, output: TextAnswer },
  'feedback.trend': { input: noInput, output: Trend },
  'feedback.selfCheckChange': { input: noInput, output: SelfCheckChange },
  'evaluation.decision': { input: noInput, output: DecisionFields },
  'evaluation.saveDecision': { input: DecisionFields, output: DecisionFields },
} as const satisfies ContractPart;
