import { create } from 'zustand';
import type {
  AnswerInput,
  DecisionFields,
  Instrument,
  NamedResponse,
  PinCheck,
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
import { call, onCallError } from '../../api';
import { flushAll, settled } from '../../lib/saveRegistry';

/**
 * The pass-the-device round on screen. It covers the whole app: while `survey.locked`, only the
 * respondents' screens and the facilitator's PIN are reachable; once the PIN has unlocked it, the
 * facilitator chooses to go on, end the round or return to the app.
 */
export interface DeviceRound {
  survey: Survey;
  /** What respondents see at the top, e.g. "Feedback on meeting 3"; null after a reload (a title by instrument). */
  title: string | null;
}

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
  device: DeviceRound | null;
  /** False until start-up has asked whether a round is locked. */
  deviceChecked: boolean;
  /** Start-up (and any call answered `round_locked`): a locked round goes straight back on screen. */
  checkLockedRound: () => Promise<void>;
  /** Starts an anonymous round locked with the facilitator's PIN and puts it on screen. */
  startLocked: (input: SurveyStart, pin: string, title: string) => Promise<void>;
  /** Locks an open anonymous round with a PIN and puts it on screen. */
  lockRound: (surveyId: number, pin: string, title: string | null) => Promise<void>;
  /** The facilitator's PIN: unlocks the round on screen, or says how long to wait. */
  unlockRound: (pin: string) => Promise<PinCheck>;
  /** Back to the app from an unlocked round (it stays open). */
  leaveDevice: () => void;
}

/**
 * Feedback rounds, the self-check, the final evaluation and the decision, as the store has them;
 * the only caller of the API for them. Every change goes through the contract and its answer
 * updates what the screens show.
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
  /** A survey changed: the first answer locks its questions, so the editor must show that too. */
  const surveyChanged = async (survey: Survey) => {
    putSurvey(survey);
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
    loadQuestions: async (instrument) => {
      await settled();
      const questionnaire = await call('feedback.questions', { instrument });
      putQuestionnaire(questionnaire);
      return questionnaire;
    },
    updateQuestion: async (id, text) => {
      for (const questionnaire of Object.values(get().questionnaires)) {
        if (questionnaire?.questions.some((q) => q.id === id)) {
          putQuestionnaire({ ...questionnaire, questions: questionnaire.questions.map((q) => (q.id === id ? { ...q, text } : q)) });
        }
      }
      putQuestionnaire(await call('feedback.updateQuestion', { id, text }));
    },
    addQuestion: async (input) => putQuestionnaire(await call('feedback.addQuestion', input)),
    removeQuestion: async (id) => putQuestionnaire(await call('feedback.removeQuestion', { id })),
    resetQuestions: async (instrument) => putQuestionnaire(await call('feedback.resetQuestions', { instrument })),
    loadSurveys: async (instrument) => {
      await settled();
      const surveys = await call('feedback.surveys', { instrument });
      set((s) => ({ surveys: { ...s.surveys, [instrument]: surveys } }));
      return surveys;
    },
    start: async (input) => {
      const survey = await call('feedback.start', input);
      putSurvey(survey);
      await get().loadQuestions(input.instrument);
      return survey;
    },
    submit: async (surveyId, memberId, answers) => {
      const survey = await call('feedback.submit', { surveyId, memberId, answers });
      set((s) => (s.device?.survey.id === survey.id ? { device: { ...s.device, survey } } : {}));
      await surveyChanged(survey);
    },
    readResponse: (surveyId, memberId) => call('feedback.response', { surveyId, memberId }),
    end: async (id) => {
      const survey = await call('feedback.end', { id });
      set((s) => (s.device?.survey.id === id ? { device: null } : {}));
      await surveyChanged(survey);
    },
    reopen: async (id) => putSurvey(await call('feedback.reopen', { id })),
    discard: async (instrument, id) => {
      await call('feedback.discard', { id });
      set((s) => ({ surveys: { ...s.surveys, [instrument]: (s.surveys[instrument] ?? []).filter((x) => x.id !== id) } }));
    },
    loadMeetings: async () => {
      await settled();
      set({ meetings: await call('plan.list') });
    },
    loadTrend: async () => set({ trend: await call('feedback.trend') }),
    loadSelfCheckChange: async () => set({ selfCheckChange: await call('feedback.selfCheckChange') }),
    loadResults: async (surveyId) => {
      const results = await call('feedback.results', { id: surveyId });
      set((s) => ({ results: { ...s.results, [surveyId]: results } }));
    },
    share: async (input) => {
      const answer = await call('feedback.share', input);
      set((s) => ({
        results: Object.fromEntries(Object.entries(s.results).map(([id, results]) => [id, replaceAnswer(results, answer)])),
      }));
    },
    loadDecision: async () => {
      await settled();
      set({ decision: await call('evaluation.decision') });
    },
    saveDecision: async (values) => {
      set({ decision: values });
      set({ decision: await call('evaluation.saveDecision', values) });
    },
    device: null,
    deviceChecked: false,
    checkLockedRound: async () => {
      try {
        const survey = await call('feedback.lockedRound');
        set((s) => {
          if (survey) return { device: { survey, title: s.device?.survey.id === survey.id ? s.device.title : null } };
          // Nothing is locked: a round the facilitator has just unlocked stays on screen until they choose.
          return { device: s.device && !s.device.survey.locked ? s.device : null };
        });
      } finally {
        set({ deviceChecked: true });
      }
    },
    startLocked: async (input, pin, title) => {
      // Once locked, the store answers nothing else: what was typed elsewhere is saved first.
      await flushAll();
      await settled();
      const survey = await call('feedback.start', { ...input, pin });
      putSurvey(survey);
      set({ device: { survey, title } });
      await get().loadQuestions(input.instrument);
    },
    lockRound: async (surveyId, pin, title) => {
      await flushAll();
      await settled();
      const survey = await call('feedback.lock', { surveyId, pin });
      putSurvey(survey);
      set({ device: { survey, title } });
    },
    unlockRound: async (pin) => {
      const device = get().device;
      if (!device) return { unlocked: true, retryAfterSeconds: 0 };
      const check = await call('feedback.unlock', { surveyId: device.survey.id, pin });
      if (check.unlocked) set({ device: { ...device, survey: { ...device.survey, locked: false } } });
      return check;
    },
    leaveDevice: () => {
      const device = get().device;
      // Only the facilitator's PIN leaves a locked round.
      if (!device || device.survey.locked) return;
      putSurvey(device.survey);
      set({ device: null });
    },
  };
});

// A call refused because a round is locked (another window locked it, or the lock was missed at
// start-up) brings the locked round on screen at once.
onCallError((error) => {
  if (error.code === 'round_locked') void useFeedbackStore.getState().checkLockedRound();
});
