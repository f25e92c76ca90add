import type { Database } from 'better-sqlite3';
import type { CallName } from '@shared/contract';
import type { HandlersOf } from '../handlers';
import { isClosed } from '../closing/guard';
import { emptyLog } from '../closing/shred';
import { getDecision, saveDecision } from './decision';
import { agreementGoals } from './goals';
import { addQuestion, questionnaireOf, removeQuestion, resetQuestions, syncGoalItems, updateQuestion } from './questions';
import { roundTrend, selfCheckChange, shareAnswer, surveyResults } from './results';
import { lockedSurveyId, lockSurvey, unlockSurvey } from './lock';
import { discardSurvey, endSurvey, getSurvey, listSurveys, namedResponse, reopenSurvey, startSurvey, submitAnswers } from './surveys';

type FeedbackCall = Extract<CallName, `feedback.${string}` | `evaluation.${string}`>;

export const feedbackHandlers = (db: Database): HandlersOf<FeedbackCall> => {
  const goals = () => agreementGoals(db);
  return {
    'feedback.questions': ({ instrument }) => {
      // While nobody has answered, the evaluation's goal items follow the agreement as it is now
      // (a closed programme changes nothing, not even this).
      if (instrument === 'evaluation' && !isClosed(db)) db.transaction(() => syncGoalItems(db, goals()))();
      return questionnaireOf(db, instrument);
    },
    'feedback.updateQuestion': (input) => updateQuestion(db, input),
    'feedback.addQuestion': (input) => addQuestion(db, input),
    'feedback.removeQuestion': (input) => removeQuestion(db, input),
    'feedback.resetQuestions': ({ instrument }) => resetQuestions(db, instrument, goals),
    'feedback.surveys': ({ instrument }) => listSurveys(db, instrument),
    'feedback.survey': ({ id }) => getSurvey(db, id),
    'feedback.start': (input) => startSurvey(db, input, goals),
    'feedback.submit': (input) => submitAnswers(db, input),
    'feedback.response': (input) => namedResponse(db, input),
    // Asynchronous only so that it runs outside any surrounding transaction: after the anonymous
    // responses are rewritten, the write-ahead log that still holds them in the order they came is
    // emptied. If another reader keeps it busy, the next checkpoint (at the latest when the app
    // closes) does it.
    'feedback.end': async (input) => {
      const survey = endSurvey(db, input);
      if (survey.anonymous) emptyLog(db, { required: false });
      return survey;
    },
    'feedback.lockedRound': () => {
      const id = lockedSurveyId(db);
      return id === null ? null : getSurvey(db, id);
    },
    'feedback.unlock': ({ surveyId, pin }) => unlockSurvey(db, surveyId, pin),
    'feedback.lock': ({ surveyId, pin }) =>
      db.transaction(() => {
        lockSurvey(db, surveyId, pin);
        return getSurvey(db, surveyId);
      })(),
    'feedback.reopen': (input) => reopenSurvey(db, input),
    'feedback.discard': (input) => discardSurvey(db, input),
    'feedback.results': ({ id }) => surveyResults(db, id),
    'feedback.share': (input) => shareAnswer(db, input),
    'feedback.trend': () => roundTrend(db),
    'feedback.selfCheckChange': () => selfCheckChange(db),
    'evaluation.decision': () => getDecision(db),
    'evaluation.saveDecision': (input) => saveDecision(db, input),
  };
};
