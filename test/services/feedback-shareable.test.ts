import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openFile } from '../../electron/main/services/db/driver';
import { shareableDb } from '../../electron/main/services/db/shareable';
import { changeBetween, choiceAggregate, scaleAggregate } from '../../electron/main/services/feedback/aggregates';
import { shareableFeedback } from '../../electron/main/services/feedback/shareable';

/**
 * feedback/shareable.ts on its own: the views of 0006 already leave out sessions still open and
 * questions fewer than three answered, so a test through the app could never see the module's own
 * minimum-answers rule at work. Here the `shareable_*` views are views over tables the test fills
 * as it likes (as a view that let too much through would), and the module must still report only
 * what it may, in the right order, with the right numbers. Rows keep to the schema's own checks
 * (a scale question has its scale_max, a choice question its options: 0004).
 */
let db: Database;

const VIEWS = {
  shareable_feedback_session: 'survey_id, instrument, meeting_number, phase',
  shareable_feedback_question: 'id, instrument, position, kind, preset, text, scale_max, options',
  shareable_score_count: 'survey_id, question_id, score, answers',
  shareable_choice_count: 'survey_id, question_id, choice, answers',
  shareable_quote: 'survey_id, question_id, text',
};
type View = keyof typeof VIEWS;

beforeEach(() => {
  db = openFile(':memory:', null);
  for (const [view, columns] of Object.entries(VIEWS)) {
    db.exec(`CREATE TABLE raw_${view} (${columns}); CREATE VIEW ${view} AS SELECT ${columns} FROM raw_${view};`);
  }
});
afterEach(() => db.close());

function put(view: View, ...rows: unknown[][]) {
  const columns = VIEWS[view].split(', ');
  const insert = db.prepare(`INSERT INTO raw_${view} VALUES (${columns.map(() => '?').join(', ')})`);
  for (const row of rows) insert.run(...row);
}
/** Scores of one question in one session, as the count view keeps them. */
const scores = (survey: number, question: number, values: number[]) => {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  put('shareable_score_count', ...[...counts].map(([score, answers]) => [survey, question, score, answers]));
};
const feedback = () => shareableFeedback(shareableDb(db));

describe('the feedback door, on views that give it more than it may pass on', () => {
  it('reports a scale and a choice question only from three answers up, whatever the views give', () => {
    put('shareable_feedback_session', [1, 'round', 2, null]);
    put('shareable_feedback_question', [10, 'round', 0, 'scale', 'usefulness', '', 5, null], [11, 'round', 1, 'choice', null, 'Valinta', null, '["a","b","c"]']);
    scores(1, 10, [4, 5]);
    put('shareable_choice_count', [1, 11, 'b', 2]);
    expect(feedback().aggregates).toEqual([]);
    scores(1, 10, [3]);
    put('shareable_choice_count', [1, 11, 'a', 1]);
    expect(feedback().aggregates).toEqual([
      {
        instrument: 'round',
        meetingNumber: 2,
        phase: null,
        question: { preset: 'usefulness', text: '', kind: 'scale' },
        n: 3,
        scale: { n: 3, mean: 4, distribution: [0, 0, 1, 1, 1] },
        choice: null,
      },
      {
        instrument: 'round',
        meetingNumber: 2,
        phase: null,
        question: { preset: null, text: 'Valinta', kind: 'choice' },
        n: 3,
        scale: null,
        choice: { n: 3, counts: [{ option: 'a', count: 1 }, { option: 'b', count: 2 }, { option: 'c', count: 0 }] },
      },
    ]);
  });

  it('keeps each session\'s answers to itself, and each question\'s', () => {
    put('shareable_feedback_session', [1, 'round', 1, null], [2, 'round', 2, null]);
    put('shareable_feedback_question', [10, 'round', 0, 'scale', 'usefulness', '', 5, null], [11, 'round', 1, 'scale', 'dialogue', '', 5, null]);
    scores(1, 10, [1, 1, 1]);
    scores(1, 11, [2, 2, 2]);
    scores(2, 10, [5, 5, 5, 5]);
    scores(2, 11, [4, 4, 4]);
    const means = feedback().aggregates.map((a) => [a.meetingNumber, a.question.preset, a.scale?.mean, a.n]);
    expect(means).toEqual([
      [1, 'usefulness', 1, 3],
      [1, 'dialogue', 2, 3],
      [2, 'usefulness', 5, 4],
      [2, 'dialogue', 4, 3],
    ]);
  });

  it('orders rounds by meeting, then the self-check start before its end, then the evaluation; questions by position', () => {
    put(
      'shareable_feedback_session',
      [5, 'evaluation', null, null],
      [4, 'selfcheck', null, 'end'],
      [3, 'round', 3, null],
      [2, 'selfcheck', null, 'start'],
      [1, 'round', 1, null],
    );
    put(
      'shareable_feedback_question',
      [21, 'round', 1, 'scale', 'dialogue', '', 5, null],
      [20, 'round', 0, 'scale', 'usefulness', '', 5, null],
      [30, 'selfcheck', 0, 'scale', 'know', '', 10, null],
      [40, 'evaluation', 0, 'scale', 'wellbeing', '', 5, null],
    );
    for (const survey of [1, 3]) for (const question of [20, 21]) scores(survey, question, [3, 3, 3]);
    scores(2, 30, [6, 6, 6]);
    scores(4, 30, [9, 9, 9]);
    scores(5, 40, [2, 2, 2]);
    const order = feedback().aggregates.map((a) => `${a.instrument}:${a.meetingNumber ?? a.phase ?? '-'}:${a.question.preset}`);
    expect(order).toEqual([
      'round:1:usefulness',
      'round:1:dialogue',
      'round:3:usefulness',
      'round:3:dialogue',
      'selfcheck:start:know',
      'selfcheck:end:know',
      'evaluation:-:wellbeing',
    ]);
    // The self-check's scale is 1–10: its distribution has ten places.
    expect(feedback().aggregates.find((a) => a.phase === 'end')!.scale!.distribution).toHaveLength(10);
  });

  it('gives the self-check change only where both sides have three answers; a decline is negative', () => {
    put('shareable_feedback_session', [1, 'selfcheck', null, 'start'], [2, 'selfcheck', null, 'end']);
    put(
      'shareable_feedback_question',
      [30, 'selfcheck', 0, 'scale', 'know', '', 10, null],
      [31, 'selfcheck', 1, 'scale', 'can', '', 10, null],
      [32, 'selfcheck', 2, 'scale', 'able', '', 10, null],
      [33, 'selfcheck', 3, 'scale', 'want', '', 10, null],
    );
    scores(1, 30, [7, 7, 8]);
    scores(2, 30, [5, 5, 6]);
    scores(1, 31, [4, 4, 4]);
    scores(2, 31, [6, 6]); // two at the end
    scores(1, 32, [4, 4]); // two at the start
    scores(2, 32, [8, 8, 8]);
    scores(1, 33, [2, 2, 2]);
    scores(2, 33, [10, 9, 8]);
    expect(feedback().selfCheckChanges).toEqual([
      { question: { preset: 'know', text: '', kind: 'scale' }, startN: 3, startMean: 7.33, endN: 3, endMean: 5.33, change: -2 },
      { question: { preset: 'want', text: '', kind: 'scale' }, startN: 3, startMean: 2, endN: 3, endMean: 9, change: 7 },
    ]);
  });

  it('with only the start of the self-check, gives no change and does not fail', () => {
    put('shareable_feedback_session', [1, 'selfcheck', null, 'start']);
    put('shareable_feedback_question', [30, 'selfcheck', 0, 'scale', 'know', '', 10, null]);
    scores(1, 30, [7, 7, 8]);
    const result = feedback();
    expect(result.selfCheckChanges).toEqual([]);
    expect(result.aggregates.map((a) => a.phase)).toEqual(['start']);
  });

  it('with only the end, or two sessions of the other instruments, gives no change either', () => {
    put('shareable_feedback_session', [2, 'selfcheck', null, 'end'], [3, 'round', 1, null], [4, 'evaluation', null, null]);
    put('shareable_feedback_question', [30, 'selfcheck', 0, 'scale', 'know', '', 10, null]);
    scores(2, 30, [7, 7, 8]);
    scores(3, 30, [1, 1, 1]);
    scores(4, 30, [1, 1, 1]);
    expect(feedback().selfCheckChanges).toEqual([]);
  });

  it('quotes the approved wording of open questions only, under their own session and question, in order', () => {
    put('shareable_feedback_session', [1, 'evaluation', null, null], [2, 'round', 4, null]);
    put(
      'shareable_feedback_question',
      [40, 'evaluation', 0, 'text', 'mostValuable', '', null, null],
      [41, 'evaluation', 1, 'text', 'learned', '', null, null],
      [50, 'round', 0, 'text', 'keep', '', null, null],
      [51, 'round', 1, 'scale', 'usefulness', '', 5, null],
    );
    put('shareable_quote', [1, 40, 'Toinen'], [1, 40, 'Ensimmäinen'], [2, 50, 'Kierrokselta'], [2, 51, 'Ei avoin kysymys'], [9, 40, 'Ei päättynyt']);
    expect(feedback().quotes).toEqual([
      { instrument: 'round', meetingNumber: 4, phase: null, question: { preset: 'keep', text: '', kind: 'text' }, text: 'Kierrokselta' },
      { instrument: 'evaluation', meetingNumber: null, phase: null, question: { preset: 'mostValuable', text: '', kind: 'text' }, text: 'Ensimmäinen' },
      { instrument: 'evaluation', meetingNumber: null, phase: null, question: { preset: 'mostValuable', text: '', kind: 'text' }, text: 'Toinen' },
    ]);
  });

  it('refuses a score off its question\'s scale rather than count it', () => {
    put('shareable_feedback_session', [1, 'round', 1, null]);
    put('shareable_feedback_question', [10, 'round', 0, 'scale', 'usefulness', '', 5, null]);
    scores(1, 10, [5, 5, 5]);
    expect(feedback().aggregates[0]!.scale!.distribution).toEqual([0, 0, 0, 0, 3]);
    scores(1, 10, [6]);
    expect(() => feedback()).toThrow(new RangeError('Score 6 is outside 1–5.'));
  });

  it('reports a session only the questions of its own instrument, whatever counts the views hold', () => {
    put('shareable_feedback_session', [1, 'round', 1, null]);
    put(
      'shareable_feedback_question',
      [10, 'round', 0, 'scale', 'usefulness', '', 5, null],
      [30, 'selfcheck', 0, 'scale', 'know', '', 10, null],
      [40, 'evaluation', 0, 'text', 'learned', '', null, null],
    );
    scores(1, 10, [4, 4, 4]);
    scores(1, 30, [9, 9, 9]);
    put('shareable_quote', [1, 40, 'Toisen kyselyn vastaus']);
    const result = feedback();
    expect(result.aggregates.map((a) => a.question.preset)).toEqual(['usefulness']);
    expect(result.quotes).toEqual([]);
  });

  it('takes the self-check change from the self-check\'s own start and end, and its own questions', () => {
    // A round with a phase, and a round question with counts in both self-check sessions: neither is the self-check.
    put('shareable_feedback_session', [1, 'round', 1, 'start'], [2, 'round', 2, 'end'], [3, 'selfcheck', null, 'start'], [4, 'selfcheck', null, 'end']);
    put('shareable_feedback_question', [10, 'round', 0, 'scale', 'usefulness', '', 5, null], [30, 'selfcheck', 0, 'scale', 'know', '', 10, null]);
    scores(1, 30, [1, 1, 1]);
    scores(2, 30, [10, 10, 10]);
    scores(3, 30, [5, 5, 5]);
    scores(4, 30, [6, 6, 6]);
    scores(3, 10, [1, 1, 1]);
    scores(4, 10, [5, 5, 5]);
    expect(feedback().selfCheckChanges).toEqual([{ question: { preset: 'know', text: '', kind: 'scale' }, startN: 3, startMean: 5, endN: 3, endMean: 6, change: 1 }]);
  });
});

describe('the aggregates the door is built on', () => {
  it('gives no change when either side is missing', () => {
    const three = scaleAggregate([2, 3, 4], 5);
    expect(changeBetween(three, null)).toBeNull();
    expect(changeBetween(null, three)).toBeNull();
    expect(changeBetween(three, scaleAggregate([5, 5, 5], 5))).toBe(2);
  });

  it('refuses a score under 1 or between two scores, and gives no mean without answers', () => {
    expect(() => scaleAggregate([0], 5)).toThrow(new RangeError('Score 0 is outside 1–5.'));
    expect(() => scaleAggregate([2.5], 5)).toThrow(RangeError);
    expect(scaleAggregate([], 5)).toEqual({ n: 0, mean: null, distribution: [0, 0, 0, 0, 0], reportable: false });
  });

  it('says which option an answer outside the options was', () => {
    expect(() => choiceAggregate(['maybe'], ['yes', 'no'])).toThrow(new RangeError('"maybe" is not one of the options.'));
  });

  it('refuses a choice that is not one of the question\'s options', () => {
    put('shareable_feedback_session', [1, 'evaluation', null, null]);
    put('shareable_feedback_question', [10, 'evaluation', 0, 'choice', 'again', '', null, '["no"]']);
    put('shareable_choice_count', [1, 10, 'yes', 3]);
    expect(() => feedback()).toThrow(RangeError);
  });
});
