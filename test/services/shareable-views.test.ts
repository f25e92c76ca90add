import { afterEach, describe, expect, it } from 'vitest';
import { call, callAsync, createTestBackend, makeTempDir, openStoreFile, removeTempDirs, validSetup, type TestBackend } from './helpers';
import { backendCaller, buildLeakFixture } from './summary-fixture';

/**
 * The shareable_* feedback views of 0006 each hold on their own, not only behind
 * feedback/shareable.ts (which applies the same rules again): a session still open is in none of
 * them, and a question fewer than three answered has no counts. Read straight from the store.
 */
const backends: TestBackend[] = [];
afterEach(() => {
  for (const backend of backends.splice(0)) backend.close();
  removeTempDirs();
});

function round(backend: TestBackend, scores: number[], { end }: { end: boolean }) {
  const meeting = call(backend, 'plan.add', { plannedTheme: '', plannedDate: null, plannedMonth: null, place: '', format: null });
  const [question] = call(backend, 'feedback.questions', { instrument: 'round' }).questions.filter((q) => q.kind === 'scale');
  const survey = call(backend, 'feedback.start', { instrument: 'round', meetingId: meeting.id, phase: null, anonymous: true });
  for (const score of scores) call(backend, 'feedback.submit', { surveyId: survey.id, memberId: null, answers: [{ questionId: question!.id, score, choice: null, text: '' }] });
  return { survey: survey.id, question: question!.id, end: end ? () => callAsync(backend, 'feedback.end', { id: survey.id }) : null };
}

function views(backend: TestBackend) {
  const db = openStoreFile(backend.databasePath, { readonly: true });
  try {
    const rows = (sql: string) => db.prepare(sql).all();
    return {
      sessions: rows('SELECT survey_id AS survey FROM shareable_feedback_session ORDER BY survey_id'),
      counts: rows('SELECT survey_id AS survey, question_id AS question, answers FROM shareable_answer_count ORDER BY survey_id'),
      scores: rows('SELECT survey_id AS survey, score, answers FROM shareable_score_count ORDER BY survey_id, score'),
      raw: rows('SELECT r.survey_id AS survey, count(*) AS answers FROM feedback_answer a JOIN feedback_response r ON r.id = a.response_id GROUP BY r.survey_id ORDER BY r.survey_id'),
    };
  } finally {
    db.close();
  }
}

describe('the shareable feedback views', () => {
  it('leave out a session still open, and the counts of a question fewer than three answered', async () => {
    const backend = createTestBackend(makeTempDir());
    backends.push(backend);
    call(backend, 'programme.setup', validSetup());
    const open = round(backend, [4, 4, 5], { end: false });
    const two = round(backend, [2, 3], { end: true });
    const three = round(backend, [1, 1, 2], { end: true });
    await two.end!();
    await three.end!();
    const seen = views(backend);
    // The premise: every answer is in the store.
    expect(seen.raw).toEqual([
      { survey: open.survey, answers: 3 },
      { survey: two.survey, answers: 2 },
      { survey: three.survey, answers: 3 },
    ]);
    expect(seen.sessions).toEqual([{ survey: two.survey }, { survey: three.survey }]);
    expect(seen.counts).toEqual([{ survey: three.survey, question: three.question, answers: 3 }]);
    expect(seen.scores).toEqual([
      { survey: three.survey, score: 1, answers: 2 },
      { survey: three.survey, score: 2, answers: 1 },
    ]);
  });

  it('give exactly the rows of their first definitions (0006), for every kind of answer and both sides of the rule', async () => {
    const backend = createTestBackend(makeTempDir());
    backends.push(backend);
    const fixture = await buildLeakFixture(backendCaller(backend), 4);
    const db = openStoreFile(backend.databasePath);
    // A shared wording in the round of two answers, written past the app (which refuses it): the
    // views must leave it out on their own.
    const small = db
      .prepare(`SELECT a.response_id AS r, a.question_id AS q FROM feedback_answer a JOIN feedback_response r ON r.id = a.response_id WHERE r.survey_id = ? AND a.text IS NOT NULL LIMIT 1`)
      .get(fixture.smallRound) as { r: number; q: number };
    db.prepare(`UPDATE feedback_answer SET shared_text = 'JAETTAVA-pieni' WHERE response_id = ? AND question_id = ?`).run(small.r, small.q);
    try {
      const rows = (sql: string) => db.prepare(`SELECT * FROM (${sql}) ORDER BY 1, 2, 3`).all();
      // The premise: every kind is there, and the small round's shared wording is in the store.
      expect(rows(REFERENCE.score).length).toBeGreaterThan(0);
      expect(rows(REFERENCE.choice).length).toBeGreaterThan(0);
      expect(rows(REFERENCE.quote).length).toBeGreaterThan(0);
      expect(db.prepare(`SELECT count(*) FROM feedback_answer WHERE shared_text = 'JAETTAVA-pieni'`).pluck().get()).toBe(1);
      expect(rows('SELECT * FROM shareable_score_count')).toEqual(rows(REFERENCE.score));
      expect(rows('SELECT * FROM shareable_choice_count')).toEqual(rows(REFERENCE.choice));
      expect(rows('SELECT * FROM shareable_quote')).toEqual(rows(REFERENCE.quote));
      expect(rows('SELECT * FROM shareable_quote')).not.toContainEqual(expect.objectContaining({ text: 'JAETTAVA-pieni' }));
    } finally {
      db.close();
    }
  });

  it('count only the questions whose values they show (not every question of every session first)', () => {
    const backend = createTestBackend(makeTempDir());
    backends.push(backend);
    const db = openStoreFile(backend.databasePath, { readonly: true });
    try {
      for (const view of ['shareable_score_count', 'shareable_choice_count', 'shareable_quote']) {
        const plan = (db.prepare(`EXPLAIN QUERY PLAN SELECT * FROM ${view}`).all() as { detail: string }[]).map((r) => r.detail);
        expect(plan.join('\n'), view).not.toMatch(/shareable_answer_count/);
      }
    } finally {
      db.close();
    }
  });
});

/** The feedback views as 0006 first defined them (each counted every question of every session). */
const COUNTED = `(SELECT r.survey_id, a.question_id, count(*) AS answers
  FROM feedback_answer a JOIN feedback_response r ON r.id = a.response_id JOIN feedback_survey s ON s.id = r.survey_id
  WHERE s.status = 'closed' GROUP BY r.survey_id, a.question_id HAVING count(*) >= 3)`;
const REFERENCE = {
  score: `SELECT r.survey_id, a.question_id, a.score, count(*) AS answers
    FROM feedback_answer a JOIN feedback_response r ON r.id = a.response_id
    JOIN ${COUNTED} c ON c.survey_id = r.survey_id AND c.question_id = a.question_id
    WHERE a.score IS NOT NULL GROUP BY r.survey_id, a.question_id, a.score`,
  choice: `SELECT r.survey_id, a.question_id, a.choice, count(*) AS answers
    FROM feedback_answer a JOIN feedback_response r ON r.id = a.response_id
    JOIN ${COUNTED} c ON c.survey_id = r.survey_id AND c.question_id = a.question_id
    WHERE a.choice IS NOT NULL GROUP BY r.survey_id, a.question_id, a.choice`,
  quote: `SELECT r.survey_id, a.question_id, a.shared_text AS text
    FROM feedback_answer a JOIN feedback_response r ON r.id = a.response_id
    JOIN ${COUNTED} c ON c.survey_id = r.survey_id AND c.question_id = a.question_id
    WHERE a.shared_text IS NOT NULL`,
};
