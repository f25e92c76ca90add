import { randomInt } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { AnswerInput, Instrument, NamedResponse, SubmitInput, Survey, SurveyRef, SurveyStart } from '@shared/domain';
import { requireOpenProgramme } from '../closing/guard';
import { sqliteCode } from '../db/errors';
import { AppError, fieldError } from '../errors';
import { meetingFacts, requireMemberThen, requireNotCancelled, requireNotInFuture } from '../meetings/rules';
import { clearLock, LOCK_HOURS, lockSurvey } from './lock';
import { listQuestions, ruleError, syncGoalItems, type AgreementGoal } from './questions';

/**
 * Collection sessions: the round of one meeting, the self-check at the start or end, the final
 * evaluation. Each "submit my answers" is one transaction; only the facilitator ends a session.
 */
interface SurveyRow {
  id: number;
  instrument: Instrument;
  meetingId: number | null;
  phase: Survey['phase'];
  anonymous: 0 | 1;
  status: Survey['status'];
  startedAt: string;
  endedAt: string | null;
  locked: 0 | 1;
}

const COLUMNS = `s.id, s.instrument, s.meeting_id AS meetingId, s.phase, s.anonymous, s.status, s.started_at AS startedAt,
  s.ended_at AS endedAt, (s.status = 'open' AND s.locked_at IS NOT NULL
    AND s.locked_at > strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-${LOCK_HOURS} hours')) AS locked`;

function toSurvey(db: Database, row: SurveyRow): Survey {
  const { responses } = db.prepare('SELECT count(*) AS responses FROM feedback_response WHERE survey_id = ?').get(row.id) as {
    responses: number;
  };
  const members =
    row.anonymous === 1
      ? []
      : (db.prepare('SELECT member_id AS id FROM feedback_response WHERE survey_id = ? ORDER BY member_id').all(row.id) as { id: number }[]);
  return { ...row, anonymous: row.anonymous === 1, responses, respondedMemberIds: members.map((m) => m.id), locked: row.locked === 1 };
}

export function getSurvey(db: Database, id: number): Survey {
  const row = db.prepare(`SELECT ${COLUMNS} FROM feedback_survey s WHERE s.id = ?`).get(id) as SurveyRow | undefined;
  if (!row) throw new AppError('not_found', `No feedback survey with id ${id}.`);
  return toSurvey(db, row);
}

export function listSurveys(db: Database, instrument: Instrument): Survey[] {
  const rows = db
    .prepare(
      `SELECT ${COLUMNS} FROM feedback_survey s LEFT JOIN meeting m ON m.id = s.meeting_id WHERE s.instrument = ? ORDER BY m.number, s.phase DESC, s.id`,
    )
    .all(instrument) as SurveyRow[];
  return rows.map((row) => toSurvey(db, row));
}

export function startSurvey(db: Database, input: SurveyStart, goals: () => AgreementGoal[]): Survey {
  return db.transaction(() => {
    requireOpenProgramme(db);
    // A round is collected at the end of a meeting that takes place: not a cancelled one, not one still to come.
    if (input.meetingId !== null) requireNotInFuture(requireNotCancelled(db, input.meetingId, 'meetingId'), 'meetingId', 'roundInFuture');
    if (input.instrument === 'evaluation') syncGoalItems(db, goals());
    // One of each: a round per meeting, a self-check per phase, one evaluation and one mid-point check.
    const existing = db
      .prepare(
        `SELECT id FROM feedback_survey WHERE instrument = :instrument
         AND (instrument IN ('evaluation', 'midpoint') OR (meeting_id IS :meetingId AND phase IS :phase))`,
      )
      .get({ instrument: input.instrument, meetingId: input.meetingId, phase: input.phase });
    if (existing) throw ruleError('surveyExists', 'This has already been started; continue it or discard it first.', 'instrument');
    const { lastInsertRowid } = db
      .prepare('INSERT INTO feedback_survey (instrument, meeting_id, phase, anonymous) VALUES (?, ?, ?, ?)')
      .run(input.instrument, input.meetingId, input.phase, input.anonymous ? 1 : 0);
    if (input.pin) lockSurvey(db, Number(lastInsertRowid), input.pin);
    return getSurvey(db, Number(lastInsertRowid));
  })();
}

const isBlank = (answer: AnswerInput) => answer.score === null && answer.choice === null && answer.text === '';

/** Checks each answer against its question; blank answers are dropped (it is fine to stay silent). */
function checkedAnswers(db: Database, instrument: Instrument, answers: AnswerInput[]): AnswerInput[] {
  const questions = new Map(listQuestions(db, instrument).map((q) => [q.id, q]));
  const seen = new Set<number>();
  answers.forEach((answer, index) => {
    const question = questions.get(answer.questionId);
    if (!question) throw fieldError(`answers.${index}.questionId`, 'notInQuestionnaire', 'The answer is for a question this form does not have.');
    if (seen.has(answer.questionId)) throw fieldError(`answers.${index}.questionId`, 'duplicateAnswer', 'A question was answered twice.');
    seen.add(answer.questionId);
    if (isBlank(answer)) return;
    const filled = Number(answer.score !== null) + Number(answer.choice !== null) + Number(answer.text !== '');
    const fits =
      filled === 1 &&
      ((question.kind === 'scale' && answer.score !== null) ||
        (question.kind === 'choice' && answer.choice !== null) ||
        (question.kind === 'text' && answer.text !== ''));
    if (!fits) throw fieldError(`answers.${index}`, 'answerKindMismatch', 'The answer does not fit the kind of question.');
    if (question.kind === 'scale' && answer.score !== null && answer.score > (question.scaleMax ?? 0)) {
      throw fieldError(`answers.${index}.score`, 'scoreOutOfRange', `The score ${answer.score} is outside 1–${question.scaleMax}.`);
    }
    if (question.kind === 'choice' && answer.choice !== null && !question.options?.includes(answer.choice)) {
      throw fieldError(`answers.${index}.choice`, 'invalidAnswerChoice', `"${answer.choice}" is not one of the options.`);
    }
  });
  const given = answers.filter((answer) => !isBlank(answer));
  if (given.length === 0) throw fieldError('answers', 'noAnswers', 'Answer at least one question before submitting.');
  return given;
}

const MAX_RANDOM_ID = 2 ** 47;

/**
 * Every response gets a random id, so that ids do not give away the order round the table (nor,
 * for named ones, the order in which the facilitator recorded them).
 */
function insertResponse(db: Database, surveyId: number, memberId: number | null): number {
  const insert =
    memberId === null
      ? db.prepare('INSERT INTO feedback_response (id, survey_id, anonymous) VALUES (?, ?, 1)')
      : db.prepare(
          `INSERT INTO feedback_response (id, survey_id, anonymous, member_id, submitted_at)
           VALUES (?, ?, 0, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`,
        );
  for (;;) {
    const id = randomInt(1, MAX_RANDOM_ID);
    try {
      if (memberId === null) insert.run(id, surveyId);
      else insert.run(id, surveyId, memberId);
      return id;
    } catch (error) {
      if (sqliteCode(error) !== 'SQLITE_CONSTRAINT_PRIMARYKEY') throw error;
    }
  }
}

/** A uniformly random order (Fisher–Yates with the crypto generator). */
function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

interface StoredAnswer {
  questionId: number;
  score: number | null;
  choice: string | null;
  text: string | null;
  sharedText: string | null;
}

/**
 * Anonymous means anonymous on disk: while a round runs, each submission lands in the file (and
 * the write-ahead log) in the order the device went round the table. When it ends, its responses
 * are deleted (secure_delete zeroes them) and written again in a random order with fresh random
 * ids, so neither row ids nor where the rows sit in their pages follow that order. The caller
 * then empties the log (emptyLog), outside the transaction.
 */
function rewriteAnonymousResponses(db: Database, surveyId: number): void {
  const ids = (db.prepare('SELECT id FROM feedback_response WHERE survey_id = ?').all(surveyId) as { id: number }[]).map((r) => r.id);
  const answersOf = db.prepare(
    'SELECT question_id AS questionId, score, choice, text, shared_text AS sharedText FROM feedback_answer WHERE response_id = ?',
  );
  const responses = ids.map((id) => answersOf.all(id) as StoredAnswer[]);
  db.prepare('DELETE FROM feedback_answer WHERE response_id IN (SELECT id FROM feedback_response WHERE survey_id = ?)').run(surveyId);
  db.prepare('DELETE FROM feedback_response WHERE survey_id = ?').run(surveyId);
  const insert = db.prepare(
    'INSERT INTO feedback_answer (response_id, question_id, score, choice, text, shared_text) VALUES (?, ?, ?, ?, ?, ?)',
  );
  for (const answers of shuffled(responses)) {
    const id = insertResponse(db, surveyId, null);
    for (const a of answers) insert.run(id, a.questionId, a.score, a.choice, a.text, a.sharedText);
  }
}

/** One respondent's answers, in one transaction. A named respondent's later submission replaces theirs. */
export function submitAnswers(db: Database, input: SubmitInput): Survey {
  return db.transaction(() => {
    requireOpenProgramme(db);
    const survey = getSurvey(db, input.surveyId);
    if (survey.status !== 'open') throw ruleError('surveyClosed', 'This has been ended; no more answers are taken.', 'surveyId');
    if (survey.anonymous && input.memberId !== null) {
      throw fieldError('memberId', 'anonymousNoMember', 'Answers in an anonymous round are never linked to a member.');
    }
    if (!survey.anonymous && input.memberId === null) throw fieldError('memberId', 'memberRequired', 'Choose whose answers these are.');
    if (input.memberId !== null && !db.prepare('SELECT 1 FROM member WHERE id = ?').get(input.memberId)) {
      throw new AppError('not_found', `No member with id ${input.memberId}.`);
    }
    // Named answers in a meeting's round come from someone still in the group at that meeting.
    if (input.memberId !== null && survey.meetingId !== null) requireMemberThen(db, input.memberId, meetingFacts(db, survey.meetingId), 'memberId');
    const answers = checkedAnswers(db, survey.instrument, input.answers);

    let responseId: number;
    const sharedBefore = new Map<number, { text: string; shared: string }>();
    if (input.memberId === null) {
      responseId = insertResponse(db, survey.id, null);
    } else {
      const existing = db
        .prepare('SELECT id FROM feedback_response WHERE survey_id = ? AND member_id = ?')
        .get(survey.id, input.memberId) as { id: number } | undefined;
      if (existing) {
        responseId = existing.id;
        const kept = db
          .prepare('SELECT question_id AS questionId, text, shared_text AS shared FROM feedback_answer WHERE response_id = ? AND shared_text IS NOT NULL')
          .all(responseId) as { questionId: number; text: string; shared: string }[];
        for (const row of kept) sharedBefore.set(row.questionId, row);
        db.prepare('DELETE FROM feedback_answer WHERE response_id = ?').run(responseId);
        db.prepare(`UPDATE feedback_response SET submitted_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`).run(responseId);
      } else {
        responseId = insertResponse(db, survey.id, input.memberId);
      }
    }
    const insert = db.prepare(
      'INSERT INTO feedback_answer (response_id, question_id, score, choice, text, shared_text) VALUES (?, ?, ?, ?, ?, ?)',
    );
    for (const answer of answers) {
      const text = answer.text === '' ? null : answer.text;
      const before = sharedBefore.get(answer.questionId);
      insert.run(responseId, answer.questionId, answer.score, answer.choice, text, before && before.text === text ? before.shared : null);
    }
    return getSurvey(db, survey.id);
  })();
}

/** What the facilitator recorded for one member, to correct it. Never available for anonymous surveys. */
export function namedResponse(db: Database, { surveyId, memberId }: { surveyId: number; memberId: number }): NamedResponse | null {
  const survey = getSurvey(db, surveyId);
  if (survey.anonymous) throw ruleError('anonymousNoMember', 'Anonymous answers are never shown per person.', 'surveyId');
  const response = db.prepare('SELECT id FROM feedback_response WHERE survey_id = ? AND member_id = ?').get(surveyId, memberId) as
    | { id: number }
    | undefined;
  if (!response) return null;
  const rows = db
    .prepare('SELECT question_id AS questionId, score, choice, text FROM feedback_answer WHERE response_id = ?')
    .all(response.id) as { questionId: number; score: number | null; choice: string | null; text: string | null }[];
  return { memberId, answers: rows.map((row) => ({ ...row, text: row.text ?? '' })) };
}

/**
 * Ends collecting. An anonymous round's responses are rewritten in a random order first; the
 * caller must then empty the write-ahead log (see feedback/service.ts).
 */
export function endSurvey(db: Database, { id }: SurveyRef): Survey {
  return db.transaction(() => {
    requireOpenProgramme(db);
    const survey = getSurvey(db, id);
    if (survey.status === 'closed') return survey;
    if (survey.responses === 0) {
      throw ruleError('emptyRound', 'Nobody has answered yet. Collect answers first, or discard the round.');
    }
    if (survey.anonymous) rewriteAnonymousResponses(db, id);
    clearLock(db, id);
    db.prepare(`UPDATE feedback_survey SET status = 'closed', ended_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`).run(id);
    return getSurvey(db, id);
  })();
}

export function reopenSurvey(db: Database, { id }: SurveyRef): Survey {
  return db.transaction(() => {
    requireOpenProgramme(db);
    getSurvey(db, id);
    db.prepare(`UPDATE feedback_survey SET status = 'open', ended_at = NULL WHERE id = ?`).run(id);
    return getSurvey(db, id);
  })();
}

/** Removes a session nobody has answered (started by mistake, or in the wrong mode). */
export function discardSurvey(db: Database, { id }: SurveyRef): SurveyRef {
  return db.transaction(() => {
    requireOpenProgramme(db);
    const survey = getSurvey(db, id);
    if (survey.responses > 0) throw ruleError('surveyHasAnswers', 'Answers exist; a session with answers is kept.');
    db.prepare('DELETE FROM feedback_survey WHERE id = ?').run(id);
    return { id };
  })();
}
