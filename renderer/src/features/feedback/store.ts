import { create } from 'zustand';
import type { Instrument, Questionnaire, Survey } from '@shared/domain';
import { call } from '../../api';

interface FeedbackState {
  questionnaires: Partial<Record<Instrument, Questionnaire>>;
  surveys: Partial<Record<Instrument, Survey[]>>;
  loadQuestions: (instrument: Instrument) => Promise<Questionnaire>;
  setQuestionnaire: (questionnaire: Questionnaire) => void;
  loadSurveys: (instrument: Instrument) => Promise<Survey[]>;
  putSurvey: (survey: Survey) => void;
  dropSurvey: (instrument: Instrument, id: number) => void;
}

/** The questions and sessions of each instrument as the store has them; every change goes through the contract. */
export const useFeedbackStore = create<FeedbackState>()((set) => ({
  questionnaires: {},
  surveys: {},
  loadQuestions: async (instrument) => {
    const questionnaire = await call('feedback.questions', { instrument });
    set((s) => ({ questionnaires: { ...s.questionnaires, [instrument]: questionnaire } }));
    return questionnaire;
  },
  setQuestionnaire: (questionnaire) => set((s) => ({ questionnaires: { ...s.questionnaires, [questionnaire.instrument]: questionnaire } })),
  loadSurveys: async (instrument) => {
    const surveys = await call('feedback.surveys', { instrument });
    set((s) => ({ surveys: { ...s.surveys, [instrument]: surveys } }));
    return surveys;
  },
  putSurvey: (survey) =>
    set((s) => {
      const list = s.surveys[survey.instrument] ?? [];
      const next = list.some((x) => x.id === survey.id) ? list.map((x) => (x.id === survey.id ? survey : x)) : [...list, survey];
      return { surveys: { ...s.surveys, [survey.instrument]: next } };
    }),
  dropSurvey: (instrument, id) =>
    set((s) => ({ surveys: { ...s.surveys, [instrument]: (s.surveys[instrument] ?? []).filter((x) => x.id !== id) } })),
}));
