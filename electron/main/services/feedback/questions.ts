import type { Database } from 'better-sqlite3';
import type { EditableInstrument, Instrument, Question, QuestionAdd, Questionnaire, QuestionTextUpdate } from '@shared/domain';
import { AppError } from '../errors';

/**
 * The questions of each instrument. One set per instrument for the whole programme; locked as soon
 * as any answer exists for the instrument (a trigger in 0004 keeps the same rule in the store).
 */
interface QuestionRow extends Omit<Question, 'options'> {
  options: string | null;
}

const COLUMNS = `id, instrument, position, kind, preset, text, scale_max AS scaleMax, options, goal_kind AS goalKind`;

const toQuestion = (row: QuestionRow): Question => ({
  ...row,
  options: row.options === null ? null : (JSON.parse(row.options) as string[]),
});

export function listQuestions(db: Database, instrument: Instrument): Question[] {
  const rows = db.prepare(`SELECT ${COLUMNS} FROM feedback_question WHERE instrument = ? ORDER BY position`).all(instrument) as QuestionRow[];
  return rows.map(toQuestion);
}

export function getQuestion(db: Database, id: number): Question {
  const row = db.prepare(`SELECT ${COLUMNS} FROM feedback_question WHERE id = ?`).get(id) as QuestionRow | undefined;
  if (!row) throw new AppError('not_found', `No question with id ${id}.`);
  return toQuestion(row);
}

export function isLocked(db: Database, instrument: Instrument): boolean {
  return (
    db
      .prepare(
        `SELECT 1 FROM feedback_response r JOIN feedback_survey s ON s.id = r.survey_id WHERE s.instrument = ? LIMIT 1`,
      )
      .get(instrument) !== undefined
  );
}

export const questionnaireOf = (db: Database, instrument: Instrument): Questionnaire => ({
  instrument,
  locked: isLocked(db, instrument),
  questions: listQuestions(db, instrument),
});

/** A conflict the renderer explains with `validation.<key>`. */
export const ruleError = (key: string, sentence: string, path = 'id') => new AppError('conflict', sentence, [{ path, message: key }]);

function requireEditable(db: Database, instrument: Instrument): void {
  if (instrument === 'selfcheck') throw ruleError('fixedQuestions', 'The self-check has four fixed dimensions.');
  if (isLocked(db, instrument)) {
    throw ruleError('questionsLocked', 'Answers already exist, so the questions can no longer change.');
  }
}

export function updateQuestion(db: Database, { id, text }: QuestionTextUpdate): Questionnaire {
  return db.transaction(() => {
    const question = getQuestion(db, id);
    requireEditable(db, question.instrument);
    if (question.goalKind !== null) {
      throw ruleError('goalItemFromAgreement', 'A goal item takes its wording from the agreement; edit the goal there.');
    }
    if (question.preset === null && text === '') throw ruleError('required', 'A question of your own needs a text.', 'text');
    db.prepare('UPDATE feedback_question SET text = ? WHERE id = ?').run(text, id);
    return questionnaireOf(db, question.instrument);
  })();
}

export function addQuestion(db: Database, { instrument, kind, text }: QuestionAdd): Questionnaire {
  return db.transaction(() => {
    requireEditable(db, instrument);
    const { next } = db
      .prepare('SELECT coalesce(max(position), 0) + 10 AS next FROM feedback_question WHERE instrument = ?')
      .get(instrument) as { next: number };
    db.prepare('INSERT INTO feedback_question (instrument, position, kind, text, scale_max) VALUES (?, ?, ?, ?, ?)').run(
      instrument,
      Math.max(next, 1000),
      kind,
      text,
      kind === 'scale' ? 5 : null,
    );
    return questionnaireOf(db, instrument);
  })();
}

export function removeQuestion(db: Database, { id }: { id: number }): Questionnaire {
  return db.transaction(() => {
    const question = getQuestion(db, id);
    requireEditable(db, question.instrument);
    if (question.goalKind !== null) {
      throw ruleError('goalItemFromAgreement', 'A goal item follows the agreement; remove the goal there.');
    }
    const { count } = db.prepare('SELECT count(*) AS count FROM feedback_question WHERE instrument = ?').get(question.instrument) as {
      count: number;
    };
    if (count <= 1) throw ruleError('lastQuestion', 'A questionnaire needs at least one question.');
    db.prepare('DELETE FROM feedback_question WHERE id = ?').run(id);
    return questionnaireOf(db, question.instrument);
  })();
}

/** The default questions of each instrument, as 0004 creates them (goal items are added by the sync). */
const DEFAULTS: Record<EditableInstrument, { position: number; kind: Question['kind']; preset: string; scaleMax: number | null; options: string[] | null }[]> = {
  round: [
    { position: 10, kind: 'scale', preset: 'usefulness', scaleMax: 5, options: null },
    { position: 20, kind: 'scale', preset: 'dialogue', scaleMax: 5, options: null },
    { position: 30, kind: 'text', preset: 'keep', scaleMax: null, options: null },
    { position: 40, kind: 'text', preset: 'change', scaleMax: null, options: null },
  ],
  evaluation: [
    { position: 10, kind: 'scale', preset: 'wellbeing', scaleMax: 5, options: null },
    { position: 20, kind: 'scale', preset: 'peerLearning', scaleMax: 5, options: null },
    { position: 400, kind: 'scale', preset: 'atmosphere', scaleMax: 5, options: null },
    { position: 500, kind: 'choice', preset: 'again', scaleMax: null, options: ['yes', 'maybe', 'no'] },
    { position: 600, kind: 'choice', preset: 'continuation', scaleMax: null, options: ['regular', 'informal', 'stop'] },
    { position: 700, kind: 'text', preset: 'learned', scaleMax: null, options: null },
    { position: 800, kind: 'text', preset: 'changedWork', scaleMax: null, options: null },
    { position: 900, kind: 'text', preset: 'mostValuable', scaleMax: null, options: null },
  ],
  // the mid-point check (0007): goals still right, rhythm right, what it has given, what to change
  midpoint: [
    { position: 10, kind: 'choice', preset: 'goalsRight', scaleMax: null, options: ['yes', 'partly', 'no'] },
    { position: 20, kind: 'choice', preset: 'rhythmRight', scaleMax: null, options: ['right', 'tooOften', 'tooRarely'] },
    { position: 30, kind: 'scale', preset: 'helpedSoFar', scaleMax: 5, options: null },
    { position: 40, kind: 'text', preset: 'shouldChange', scaleMax: null, options: null },
  ],
};

/** Re-creates a questionnaire from the defaults while no answers exist (the evaluation's goal items included). */
export function resetQuestions(db: Database, instrument: EditableInstrument, goals: () => AgreementGoal[]): Questionnaire {
  return db.transaction(() => {
    requireEditable(db, instrument);
    db.prepare('DELETE FROM feedback_question WHERE instrument = ?').run(instrument);
    const insert = db.prepare(
      'INSERT INTO feedback_question (instrument, position, kind, preset, scale_max, options) VALUES (?, ?, ?, ?, ?, ?)',
    );
    for (const q of DEFAULTS[instrument]) {
      insert.run(instrument, q.position, q.kind, q.preset, q.scaleMax, q.options === null ? null : JSON.stringify(q.options));
    }
    if (instrument === 'evaluation') syncGoalItems(db, goals());
    return questionnaireOf(db, instrument);
  })();
}

export interface AgreementGoal {
  id: number;
  kind: 'organisation' | 'member' | 'group';
  text: string;
}

/** Goal items sit between the learning item (20) and the atmosphere item (400), in the agreement's order. */
const GOAL_POSITION = 300;
const MAX_GOAL_ITEMS = 99;
/** The agreement allows goals of up to 500 characters; the item keeps all of it. */
const MAX_GOAL_TEXT = 500;

/**
 * Makes the evaluation's goal items follow the agreement: one scale item per goal, the goal's text
 * snapshotted into the item. Runs only while no evaluation answers exist; afterwards the items stay
 * as they were answered, whatever happens to the agreement. Item ids are kept for goals that remain.
 */
export function syncGoalItems(db: Database, goals: AgreementGoal[]): void {
  if (isLocked(db, 'evaluation')) return;
  const existing = db
    .prepare(
      `SELECT id, goal_id AS goalId, goal_kind AS goalKind, text FROM feedback_question
       WHERE instrument = 'evaluation' AND preset = 'goal' ORDER BY position`,
    )
    .all() as { id: number; goalId: number | null; goalKind: string | null; text: string }[];
  const keyOf = (kind: string | null, id: number | null) => `${kind}:${id}`;
  const wanted = goals
    .map((goal) => ({ ...goal, text: goal.text.trim().slice(0, MAX_GOAL_TEXT) }))
    .filter((goal) => goal.text !== '')
    .slice(0, MAX_GOAL_ITEMS);
  // Already in step with the agreement (the usual case when the questions are only read): no write.
  const inStep =
    existing.length === wanted.length &&
    wanted.every((goal, i) => existing[i]!.goalId === goal.id && existing[i]!.goalKind === goal.kind && existing[i]!.text === goal.text);
  if (inStep) return;
  const wantedKeys = new Set(wanted.map((goal) => keyOf(goal.kind, goal.id)));
  const byKey = new Map(existing.map((row) => [keyOf(row.goalKind, row.goalId), row.id]));

  const remove = db.prepare('DELETE FROM feedback_question WHERE id = ?');
  for (const row of existing) if (!wantedKeys.has(keyOf(row.goalKind, row.goalId))) remove.run(row.id);
  // Park the kept items out of the way so that renumbering never collides with itself.
  db.prepare(`UPDATE feedback_question SET position = -id WHERE instrument = 'evaluation' AND preset = 'goal'`).run();
  const update = db.prepare('UPDATE feedback_question SET position = ?, text = ? WHERE id = ?');
  const insert = db.prepare(
    `INSERT INTO feedback_question (instrument, position, kind, preset, text, scale_max, goal_id, goal_kind)
     VALUES ('evaluation', ?, 'scale', 'goal', ?, 5, ?, ?)`,
  );
  wanted.forEach((goal, index) => {
    const id = byKey.get(keyOf(goal.kind, goal.id));
    if (id !== undefined) update.run(GOAL_POSITION + index, goal.text, id);
    else insert.run(GOAL_POSITION + index, goal.text, goal.id, goal.kind);
  });
}
