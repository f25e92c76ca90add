import type { Database } from 'better-sqlite3';
import type { ChoiceAggregate, Instrument, Phase, Question, ScaleAggregate } from '@shared/domain';
import { changeBetween, choiceAggregate, isReportable, scaleAggregate } from './aggregates';

/**
 * THE ONLY DOOR from feedback to anything that leaves the facilitator's machine (the management
 * summary imports this module and nothing else of feedback). It returns only:
 *  (a) aggregates of sessions the facilitator has ended that pass the minimum-answers rule, each with its n;
 *  (b) the approved wording of open answers the facilitator marked shareable, one by one, text only.
 * It never selects a member, a response id, a raw score or an unapproved text: its queries read
 * scores and choices only to count them, and open answers only through `shared_text`.
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
  kind: Question['kind'];
  preset: string | null;
  text: string;
  scaleMax: number | null;
  options: string | null;
}

const closedSessions = (db: Database): SessionRow[] =>
  db
    .prepare(
      `SELECT s.id, s.instrument, m.number AS meetingNumber, s.phase
       FROM feedback_survey s LEFT JOIN meeting m ON m.id = s.meeting_id
       WHERE s.status = 'closed'
       ORDER BY CASE s.instrument WHEN 'round' THEN 1 WHEN 'selfcheck' THEN 2 ELSE 3 END, m.number, s.phase DESC`,
    )
    .all() as SessionRow[];

const questionsOf = (db: Database, instrument: Instrument): QuestionRow[] =>
  db
    .prepare(
      `SELECT id, kind, preset, text, scale_max AS scaleMax, options FROM feedback_question WHERE instrument = ? ORDER BY position`,
    )
    .all(instrument) as QuestionRow[];

const shareableQuestion = (q: QuestionRow): ShareableQuestion => ({ preset: q.preset, text: q.text, kind: q.kind });

function scoresOf(db: Database, surveyId: number, questionId: number): number[] {
  const rows = db
    .prepare(
      `SELECT a.score AS value FROM feedback_answer a JOIN feedback_response r ON r.id = a.response_id
       WHERE r.survey_id = ? AND a.question_id = ? AND a.score IS NOT NULL`,
    )
    .all(surveyId, questionId) as { value: number }[];
  return rows.map((row) => row.value);
}

function choicesOf(db: Database, surveyId: number, questionId: number): string[] {
  const rows = db
    .prepare(
      `SELECT a.choice AS value FROM feedback_answer a JOIN feedback_response r ON r.id = a.response_id
       WHERE r.survey_id = ? AND a.question_id = ? AND a.choice IS NOT NULL`,
    )
    .all(surveyId, questionId) as { value: string }[];
  return rows.map((row) => row.value);
}

const withoutFlag = <T extends { reportable: boolean }>({ reportable: _r, ...rest }: T): Omit<T, 'reportable'> => rest;

export function shareableFeedback(db: Database): ShareableFeedback {
  const aggregates: ShareableAggregate[] = [];
  const quotes: ShareableQuote[] = [];
  const sessions = closedSessions(db);

  for (const session of sessions) {
    const where = { instrument: session.instrument, meetingNumber: session.meetingNumber, phase: session.phase };
    for (const q of questionsOf(db, session.instrument)) {
      if (q.kind === 'scale') {
        const scale = scaleAggregate(scoresOf(db, session.id, q.id), q.scaleMax ?? 5);
        if (isReportable(scale.n)) aggregates.push({ ...where, question: shareableQuestion(q), n: scale.n, scale: withoutFlag(scale), choice: null });
      } else if (q.kind === 'choice') {
        const choice = choiceAggregate(choicesOf(db, session.id, q.id), JSON.parse(q.options ?? '[]') as string[]);
        if (isReportable(choice.n)) aggregates.push({ ...where, question: shareableQuestion(q), n: choice.n, scale: null, choice: withoutFlag(choice) });
      } else {
        const rows = db
          .prepare(
            `SELECT a.shared_text AS text FROM feedback_answer a JOIN feedback_response r ON r.id = a.response_id
             WHERE r.survey_id = ? AND a.question_id = ? AND a.shared_text IS NOT NULL ORDER BY a.shared_text`,
          )
          .all(session.id, q.id) as { text: string }[];
        for (const row of rows) quotes.push({ ...where, question: shareableQuestion(q), text: row.text });
      }
    }
  }

  const start = sessions.find((s) => s.instrument === 'selfcheck' && s.phase === 'start');
  const end = sessions.find((s) => s.instrument === 'selfcheck' && s.phase === 'end');
  const selfCheckChanges: ShareableSelfCheckChange[] = [];
  if (start && end) {
    for (const q of questionsOf(db, 'selfcheck')) {
      const before = scaleAggregate(scoresOf(db, start.id, q.id), q.scaleMax ?? 10);
      const after = scaleAggregate(scoresOf(db, end.id, q.id), q.scaleMax ?? 10);
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
