import { create } from 'zustand';
import type {
  AnswerInput,
  DecisionFields,
  Instrument,
  NamedResponse,
  PlannedMeeting,
  QuestionAdd,
  Questionnaire,
  SelfCheckChange,
  ShareInput,
  Survey,
  SurveyResults,
  SurveyStart,
  TextAnswer,
  Trend,
} from '@shared/domain';
import { fresh, write, writeSnapshot } from '../../lib/calls';

interface FeedbackState {
  questionnaires: Partial<Record<Instrument, Questionnaire>>;
  surveys: Partial<Record<Instrument, Survey[]>>;
  /** The meetings a feedback round can belong to. */
  meetings: PlannedMeeting[] | null;
  trend: Trend | null;
  selfCheckChange: SelfCheckChange | null;
  results: Record<number, SurveyResults>;
  decision: DecisionFields | null;
  loadQuestions: (instrument: Instrument) => Promise<Questionnaire>;
  updateQuestion: (id: number, text: string) => Promise<void>;
  addQuestion: (input: QuestionAdd) => Promise<void>;
  removeQuestion: (id: number) => Promise<void>;
  resetQuestions: (instrument: Exclude<Instrument, 'selfcheck'>) => Promise<void>;
  loadSurveys: (instrument: Instrument) => Promise<Survey[]>;
  start: (input: SurveyStart) => Promise<Survey>;
  submit: (surveyId: number, memberId: number | null, answers: AnswerInput[]) => Promise<void>;
  /** What a member answered, to correct it. */
  readResponse: (surveyId: number, memberId: number) => Promise<NamedResponse | null>;
  end: (id: number) => Promise<void>;
  reopen: (id: number) => Promise<void>;
  discard: (instrument: Instrument, id: number) => Promise<void>;
  loadMeetings: () => Promise<void>;
  loadTrend: () => Promise<void>;
  loadSelfCheckChange: () => Promise<void>;
  loadResults: (surveyId: number) => Promise<void>;
  share: (input: ShareInput) => Promise<void>;
  loadDecision: () => Promise<void>;
  saveDecision: (values: DecisionFields) => Promise<void>;
}

/**
 * Feedback rounds, the self-check, the final evaluation and the decision, as the store has them;
 * the only caller of the API for them. Every change goes through the contract and its answer
 * updates what the screens show, unless another write could have overtaken it: then the store
 * reads again (lib/calls.ts).
 */
export const useFeedbackStore = create<FeedbackState>()((set, get) => {
  const putQuestionnaire = (questionnaire: Questionnaire) =>
    set((s) => ({ questionnaires: { ...s.questionnaires, [questionnaire.instrument]: questionnaire } }));
  const putSurvey = (survey: Survey) =>
    set((s) => {
      const list = s.surveys[survey.instrument] ?? [];
      const next = list.some((x) => x.id === survey.id) ? list.map((x) => (x.id === survey.id ? survey : x)) : [...list, survey];
      return { surveys: { ...s.surveys, [survey.instrument]: next } };
    });
  /** The questionnaire a question belongs to, to read it again. */
  const instrumentOf = (questionId: number): Instrument | undefined =>
    Object.values(get().questionnaires).find((q) => q?.questions.some((x) => x.id === questionId))?.instrument;
  const rereadQuestions = (instrument: Instrument | undefined) => (instrument ? get().loadQuestions(instrument) : Promise.resolve());
  const rereadSurveys = (survey: Survey) => get().loadSurveys(survey.instrument);
  /** A survey changed: the first answer locks its questions, so the editor must show that too. */
  const surveyChanged = async (survey: Survey) => {
    if (survey.responses > 0 && !get().questionnaires[survey.instrument]?.locked) await get().loadQuestions(survey.instrument);
  };
  const replaceAnswer = (results: SurveyResults, answer: TextAnswer): SurveyResults => ({
    ...results,
    questions: results.questions.map((q) => ({
      ...q,
      texts: q.texts.map((a) => (a.responseId === answer.responseId && a.questionId === answer.questionId ? answer : a)),
    })),
  });

  return {
    questionnaires: {},
    surveys: {},
    meetings: null,
    trend: null,
    selfCheckChange: null,
    results: {},
    decision: null,
    loadQuestions: (instrument) => fresh((read) => read('feedback.questions', { instrument }), putQuestionnaire),
    updateQuestion: async (id, text) => {
      for (const questionnaire of Object.values(get().questionnaires)) {
        if (questionnaire?.questions.some((q) => q.id === id)) {
          putQuestionnaire({ ...questionnaire, questions: questionnaire.questions.map((q) => (q.id === id ? { ...q, text } : q)) });
        }
      }
      const instrument = instrumentOf(id);
      await writeSnapshot('feedback.updateQuestion', { id, text }, putQuestionnaire, () => rereadQuestions(instrument));
    },
    addQuestion: async (input) =>
      void (await writeSnapshot('feedback.addQuestion', input, putQuestionnaire, () => get().loadQuestions(input.instrument))),
    removeQuestion: async (id) => {
      const instrument = instrumentOf(id);
      await writeSnapshot('feedback.removeQuestion', { id }, putQuestionnaire, () => rereadQuestions(instrument));
    },
    resetQuestions: async (instrument) =>
      void (await writeSnapshot('feedback.resetQuestions', { instrument }, putQuestionnaire, () => get().loadQuestions(instrument))),
    loadSurveys: (instrument) =>
      fresh(
        (read) => read('feedback.surveys', { instrument }),
        (surveys) => set((s) => ({ surveys: { ...s.surveys, [instrument]: surveys } })),
      ),
    start: async (input) => {
      const survey = await write('feedback.start', input);
      putSurvey(survey);
      await get().loadQuestions(input.instrument);
      return survey;
    },
    submit: async (surveyId, memberId, answers) =>
      surveyChanged(await writeSnapshot('feedback.submit', { surveyId, memberId, answers }, putSurvey, rereadSurveys)),
    readResponse: (surveyId, memberId) => fresh((read) => read('feedback.response', { surveyId, memberId })),
    end: async (id) => surveyChanged(await writeSnapshot('feedback.end', { id }, putSurvey, rereadSurveys)),
    reopen: async (id) => void (await writeSnapshot('feedback.reopen', { id }, putSurvey, rereadSurveys)),
    discard: async (instrument, id) => {
      await write('feedback.discard', { id });
      set((s) => ({ surveys: { ...s.surveys, [instrument]: (s.surveys[instrument] ?? []).filter((x) => x.id !== id) } }));
    },
    loadMeetings: async () => void (await fresh((read) => read('plan.list'), (meetings) => set({ meetings }))),
    loadTrend: async () => void (await fresh((read) => read('feedback.trend'), (trend) => set({ trend }))),
    loadSelfCheckChange: async () =>
      void (await fresh((read) => read('feedback.selfCheckChange'), (selfCheckChange) => set({ selfCheckChange }))),
    loadResults: async (surveyId) =>
      void (await fresh(
        (read) => read('feedback.results', { id: surveyId }),
        (results) => set((s) => ({ results: { ...s.results, [surveyId]: results } })),
      )),
    share: async (input) => {
      const put = (answer: TextAnswer) =>
        set((s) => ({
          results: Object.fromEntries(Object.entries(s.results).map(([id, results]) => [id, replaceAnswer(results, answer)])),
        }));
      const rereadResults = () => Promise.all(Object.keys(get().results).map((id) => get().loadResults(Number(id))));
      await writeSnapshot('feedback.share', input, put, rereadResults);
    },
    loadDecision: async () => void (await fresh((read) => read('evaluation.decision'), (decision) => set({ decision }))),
    saveDecision: async (values) => {
      // The decision card is one form: the answer holds only what it saved.
      set({ decision: values });
      set({ decision: await write('evaluation.saveDecision', values) });
    },
  };
});
