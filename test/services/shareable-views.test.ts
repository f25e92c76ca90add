import { afterEach, describe, expect, it } from 'vitest';
import { call, callAsync, createTestBackend, makeTempDir, openStoreFile, removeTempDirs, validSetup, type TestBackend } from './helpers';

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
});
