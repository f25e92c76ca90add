import type { Database } from 'better-sqlite3';
import { MIN_ANSWERS_TO_REPORT, type Question, type QuestionResult, type SelfCheckChange, type SurveyResults, type TextAnswer, type Trend } from '@shared/domain';
import { requireOpenProgramme } from '../closing/guard';
import { changeBetween, choiceAggregate, isReportable, scaleAggregate } from './aggregates';
import { AppError } from '../errors';
import { listQuestions, ruleError } from './questions';
import { getSurvey, listSurveys } from './surveys';

/**
 * The facilitator's view of the results. CONFIDENTIAL: it includes aggregates below the
 * minimum-answers rule (marked) and every open answer. Nothing here ever carries a member:
 * the queries do not select one. Exports use shareable.ts instead.
 */
interface AnswerRow {
  responseId: number;
  questionId: number;
  score: number | null;
  choice: string | null;
  text: string | null;
  sharedText: string | null;
}

const answersOf = (db: Database, surveyId: number): AnswerRow[] =>
  db
    .prepare(
      `SELECT a.response_id AS responseId, a.question_id AS questionId, a.score, a.choice, a.text, a.shared_text AS sharedText
       FROM feedback_answer a JOIN feedback_response r ON r.id = a.response_id WHERE r.survey_id = ?`,
    )
    .all(surveyId) as AnswerRow[];

/** Open answers in alphabetical order, so the list never reflects who answered first. */
const byText = (a: TextAnswer, b: TextAnswer) => a.text.localeCompare(b.text, 'fi') || a.responseId - b.responseId;

export function resultOf(question: Question, answers: readonly AnswerRow[]): QuestionResult {
  const mine = answers.filter((a) => a.questionId === question.id);
  const scale =
    question.kind === 'scale' ? scaleAggregate(mine.flatMap((a) => (a.score === null ? [] : [a.score])), question.scaleMax ?? 5) : null;
  const choice =
    question.kind === 'choice' ? choiceAggregate(mine.flatMap((a) => (a.choice === null ? [] : [a.choice])), question.options ?? []) : null;
  const texts =
    question.kind === 'text'
      ? mine
          .flatMap((a) =>
            a.text === null ? [] : [{ responseId: a.responseId, questionId: a.questionId, text: a.text, sharedText: a.sharedText }],
          )
          .sort(byText)
      : [];
  const n = scale?.n ?? choice?.n ?? texts.length;
  return { question, n, reportable: isReportable(n), scale, choice, texts };
}

export function surveyResults(db: Database, id: number): SurveyResults {
  const survey = getSurvey(db, id);
  const answers = answersOf(db, id);
  return { survey, questions: listQuestions(db, survey.instrument).map((q) => resultOf(q, answers)) };
}

/**
 * The rounds' scale questions meeting by meeting, in meeting order (as listSurveys orders them).
 * Two statements whatever the number of meetings: the rounds with their meetings, and every
 * scale answer of every round, counted here.
 */
export function roundTrend(db: Database): Trend {
  const questions = listQuestions(db, 'round').filter((q) => q.kind === 'scale');
  const rounds = db
    .prepare(
      `SELECT s.id, s.meeting_id AS meetingId, m.number, m.planned_date AS plannedDate, m.planned_month AS plannedMonth
       FROM feedback_survey s JOIN meeting m ON m.id = s.meeting_id WHERE s.instrument = 'round' ORDER BY m.number, s.phase DESC, s.id`,
    )
    .all() as { id: number; meetingId: number; number: number; plannedDate: string | null; plannedMonth: string | null }[];
  const scores = new Map<string, number[]>();
  const answers = db
    .prepare(
      `SELECT r.survey_id AS surveyId, a.question_id AS questionId, a.score FROM feedback_answer a
       JOIN feedback_response r ON r.id = a.response_id JOIN feedback_survey s ON s.id = r.survey_id
       WHERE s.instrument = 'round' AND a.score IS NOT NULL`,
    )
    .all() as { surveyId: number; questionId: number; score: number }[];
  for (const { surveyId, questionId, score } of answers) {
    const key = `${surveyId}:${questionId}`;
    const list = scores.get(key) ?? [];
    list.push(score);
    scores.set(key, list);
  }
  const meetings = rounds.map(({ id, ...meeting }) => ({
    ...meeting,
    values: questions.map((q) => ({ questionId: q.id, aggregate: scaleAggregate(scores.get(`${id}:${q.id}`) ?? [], q.scaleMax ?? 5) })),
  }));
  return { questions, meetings };
}

/** The four dimensions at the start and at the end, and the change where both may be reported. */
export function selfCheckChange(db: Database): SelfCheckChange {
  const surveys = listSurveys(db, 'selfcheck');
  const start = surveys.find((s) => s.phase === 'start') ?? null;
  const end = surveys.find((s) => s.phase === 'end') ?? null;
  const startAnswers = start ? answersOf(db, start.id) : [];
  const endAnswers = end ? answersOf(db, end.id) : [];
  const dimensions = listQuestions(db, 'selfcheck').map((question) => {
    const before = start ? resultOf(question, startAnswers).scale : null;
    const after = end ? resultOf(question, endAnswers).scale : null;
    return { question, start: before, end: after, change: changeBetween(before, after) };
  });
  return { start, end, dimensions };
}

/** How many answered this question in the session the response belongs to. */
function answersToQuestion(db: Database, responseId: number, questionId: number): number {
  return (
    db
      .prepare(
        `SELECT count(*) AS n FROM feedback_answer a JOIN feedback_response r ON r.id = a.response_id
         WHERE a.question_id = ? AND r.survey_id = (SELECT survey_id FROM feedback_response WHERE id = ?)`,
      )
      .get(questionId, responseId) as { n: number }
  ).n;
}

export function shareAnswer(
  db: Database,
  { responseId, questionId, sharedText }: { responseId: number; questionId: number; sharedText: string | null },
): TextAnswer {
  return db.transaction(() => {
    requireOpenProgramme(db);
    const row = db
      .prepare('SELECT text FROM feedback_answer WHERE response_id = ? AND question_id = ?')
      .get(responseId, questionId) as { text: string | null } | undefined;
    if (!row) throw new AppError('not_found', 'No such answer.');
    if (row.text === null) throw ruleError('notOpenAnswer', 'Only open answers can be shared, one at a time.', 'questionId');
    // Minimum n holds for quotes too: nothing from a question fewer than three answered can leave.
    if (sharedText !== null && !isReportable(answersToQuestion(db, responseId, questionId))) {
      throw ruleError('tooFewToShare', `Fewer than ${MIN_ANSWERS_TO_REPORT} answered this question, so no answer to it can be shared.`, 'questionId');
    }
    db.prepare('UPDATE feedback_answer SET shared_text = ? WHERE response_id = ? AND question_id = ?').run(sharedText, responseId, questionId);
    return { responseId, questionId, text: row.text, sharedText };
  })();
}
