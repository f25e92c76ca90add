import type { ChoiceAggregate, Instrument, Phase, Question, ScaleAggregate } from '@shared/domain';
import type { ShareableDb } from '../db/shareable';
import { changeBetween, choiceAggregate, isReportable, scaleAggregate } from './aggregates';

/**
 * THE ONLY DOOR from feedback to anything that leaves the facilitator's machine (the management
 * summary imports this module and nothing else of feedback). It returns only:
 *  (a) aggregates of sessions the facilitator has ended that pass the minimum-answers rule, each with its n;
 *  (b) the approved wording of open answers the facilitator marked shareable, one by one, text only.
 * It reads only the `shareable_*` views of 0006 through the shareable handle: sessions that have
 * ended, their questions, counts of each score and choice, and approved quotes, the last three only
 * for questions at least MIN_ANSWERS_TO_REPORT answered. It never sees a member, a response id,
 * a single answer or an unapproved text.
 */
export interface ShareableQuestion {
  /** A preset key (the summary translates it) or null for the facilitator's own question. */
  preset: string | null;
  /** The facilitator's wording, or the goal's text for a goal item; '' means the preset's wording. */
  text: string;
  kind: Question['kind'];
}

export interface ShareableSession {
  instrument: Instrument;
  meetingNumber: number | null;
  phase: Phase | null;
}

export interface ShareableAggregate extends ShareableSession {
  question: ShareableQuestion;
  n: number;
  scale: Omit<ScaleAggregate, 'reportable'> | null;
  choice: Omit<ChoiceAggregate, 'reportable'> | null;
}

export interface ShareableSelfCheckChange {
  question: ShareableQuestion;
  startN: number;
  startMean: number;
  endN: number;
  endMean: number;
  change: number;
}

export interface ShareableQuote extends ShareableSession {
  question: ShareableQuestion;
  text: string;
}

export interface ShareableFeedback {
  aggregates: ShareableAggregate[];
  selfCheckChanges: ShareableSelfCheckChange[];
  quotes: ShareableQuote[];
}

interface SessionRow {
  id: number;
  instrument: Instrument;
  meetingNumber: number | null;
  phase: Phase | null;
}

interface QuestionRow {
  id: number;
  instrument: Instrument;
  kind: Question['kind'];
  preset: string | null;
  text: string;
  scaleMax: number | null;
  options: string | null;
}

const closedSessions = (db: ShareableDb): SessionRow[] =>
  db.all(
    `SELECT survey_id AS id, instrument, meeting_number AS meetingNumber, phase FROM shareable_feedback_session
     ORDER BY CASE instrument WHEN 'round' THEN 1 WHEN 'selfcheck' THEN 2 ELSE 3 END, meeting_number, phase DESC`,
  );

const allQuestions = (db: ShareableDb): QuestionRow[] =>
  db.all(
    `SELECT id, instrument, kind, preset, text, scale_max AS scaleMax, options FROM shareable_feedback_question
     ORDER BY instrument, position`,
  );

const shareableQuestion = (q: QuestionRow): ShareableQuestion => ({ preset: q.preset, text: q.text, kind: q.kind });

/** Rows of one view keyed by session and question; each value expanded back into single answers. */
function answersBy<T extends string | number>(rows: { surveyId: number; questionId: number; value: T; answers: number }[]) {
  const byKey = new Map<string, T[]>();
  for (const row of rows) {
    const key = `${row.surveyId}:${row.questionId}`;
    const values = byKey.get(key) ?? [];
    for (let i = 0; i < row.answers; i += 1) values.push(row.value);
    byKey.set(key, values);
  }
  return (surveyId: number, questionId: number): T[] => byKey.get(`${surveyId}:${questionId}`) ?? [];
}

const withoutFlag = <T extends { reportable: boolean }>({ reportable: _r, ...rest }: T): Omit<T, 'reportable'> => rest;

export function shareableFeedback(db: ShareableDb): ShareableFeedback {
  const aggregates: ShareableAggregate[] = [];
  const quotes: ShareableQuote[] = [];
  const sessions = closedSessions(db);
  const questions = allQuestions(db);
  const scoresOf = answersBy(
    db.all<{ surveyId: number; questionId: number; value: number; answers: number }>(
      `SELECT survey_id AS surveyId, question_id AS questionId, score AS value, answers FROM shareable_score_count`,
    ),
  );
  const choicesOf = answersBy(
    db.all<{ surveyId: number; questionId: number; value: string; answers: number }>(
      `SELECT survey_id AS surveyId, question_id AS questionId, choice AS value, answers FROM shareable_choice_count`,
    ),
  );
  const quotesOf = answersBy(
    db.all<{ surveyId: number; questionId: number; value: string; answers: number }>(
      `SELECT survey_id AS surveyId, question_id AS questionId, text AS value, 1 AS answers FROM shareable_quote ORDER BY text`,
    ),
  );

  for (const session of sessions) {
    const where = { instrument: session.instrument, meetingNumber: session.meetingNumber, phase: session.phase };
    for (const q of questions.filter((question) => question.instrument === session.instrument)) {
      if (q.kind === 'scale') {
        const scale = scaleAggregate(scoresOf(session.id, q.id), q.scaleMax ?? 5);
        if (isReportable(scale.n)) aggregates.push({ ...where, question: shareableQuestion(q), n: scale.n, scale: withoutFlag(scale), choice: null });
      } else if (q.kind === 'choice') {
        const choice = choiceAggregate(choicesOf(session.id, q.id), JSON.parse(q.options ?? '[]') as string[]);
        if (isReportable(choice.n)) aggregates.push({ ...where, question: shareableQuestion(q), n: choice.n, scale: null, choice: withoutFlag(choice) });
      } else {
        for (const text of quotesOf(session.id, q.id)) quotes.push({ ...where, question: shareableQuestion(q), text });
      }
    }
  }

  const start = sessions.find((s) => s.instrument === 'selfcheck' && s.phase === 'start');
  const end = sessions.find((s) => s.instrument === 'selfcheck' && s.phase === 'end');
  const selfCheckChanges: ShareableSelfCheckChange[] = [];
  if (start && end) {
    for (const q of questions.filter((question) => question.instrument === 'selfcheck')) {
      const before = scaleAggregate(scoresOf(start.id, q.id), q.scaleMax ?? 10);
      const after = scaleAggregate(scoresOf(end.id, q.id), q.scaleMax ?? 10);
      const change = changeBetween(before, after);
      if (change === null || before.mean === null || after.mean === null) continue;
      selfCheckChanges.push({
        question: shareableQuestion(q),
        startN: before.n,
        startMean: before.mean,
        endN: after.n,
        endMean: after.mean,
        change,
      });
    }
  }
  return { aggregates, selfCheckChanges, quotes };
}
