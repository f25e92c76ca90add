import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { AnswerInput, Question, Survey } from '@shared/domain';
import { changeBetween, choiceAggregate, isReportable, scaleAggregate } from '../../electron/main/services/feedback/aggregates';
import { shareableFeedback } from '../../electron/main/services/feedback/shareable';
import {
  call,
  createTestBackend,
  dumpDatabase,
  expectFail,
  makeTempDir,
  removeTempDirs,
  sqliteErrorCode,
  validSetup,
  type TestBackend,
  openStoreFile,
} from './helpers';

const backends: TestBackend[] = [];
const raws: Database[] = [];

afterEach(() => {
  for (const db of raws.splice(0)) db.close();
  for (const backend of backends.splice(0)) backend.close();
  removeTempDirs();
});

/** A set-up group (3 members) with two meetings in the plan. */
function group() {
  const backend = createTestBackend(makeTempDir());
  backends.push(backend);
  call(backend, 'programme.setup', validSetup());
  const members = call(backend, 'members.list', undefined);
  const meeting1 = call(backend, 'plan.add', { plannedTheme: 'Aloitus', plannedDate: '2025-02-03', plannedMonth: null, place: '', format: null });
  const meeting2 = call(backend, 'plan.add', { plannedTheme: 'Jaksaminen', plannedDate: '2025-03-03', plannedMonth: null, place: '', format: null });
  return { backend, members, meeting1, meeting2 };
}

/** A second, plain connection to the same file: what is really stored, bypassing the services. */
function raw(backend: TestBackend): Database {
  const db = openStoreFile(backend.databasePath, { fileMustExist: true });
  db.pragma('foreign_keys = ON');
  raws.push(db);
  return db;
}

const questionsOf = (backend: TestBackend, instrument: 'round' | 'selfcheck' | 'evaluation') =>
  call(backend, 'feedback.questions', { instrument }).questions;

const byPreset = (questions: Question[], preset: string): Question => {
  const question = questions.find((q) => q.preset === preset);
  if (!question) throw new Error(`no ${preset} question`);
  return question;
};

const score = (q: Question, value: number): AnswerInput => ({ questionId: q.id, score: value, choice: null, text: '' });
const text = (q: Question, value: string): AnswerInput => ({ questionId: q.id, score: null, choice: null, text: value });
const choice = (q: Question, value: string): AnswerInput => ({ questionId: q.id, score: null, choice: value, text: '' });

function roundAnswers(backend: TestBackend, usefulness: number, dialogue: number, keep = '', change = ''): AnswerInput[] {
  const qs = questionsOf(backend, 'round');
  return [
    score(byPreset(qs, 'usefulness'), usefulness),
    score(byPreset(qs, 'dialogue'), dialogue),
    text(byPreset(qs, 'keep'), keep),
    text(byPreset(qs, 'change'), change),
  ];
}

function anonymousRound(backend: TestBackend, meetingId: number, answers: [number, number, string, string][]): Survey {
  const survey = call(backend, 'feedback.start', { instrument: 'round', meetingId, phase: null, anonymous: true });
  for (const [u, d, k, c] of answers) call(backend, 'feedback.submit', { surveyId: survey.id, memberId: null, answers: roundAnswers(backend, u, d, k, c) });
  return call(backend, 'feedback.survey', { id: survey.id });
}

describe('aggregates', () => {
  it('gives mean, distribution and n of scores', () => {
    expect(scaleAggregate([4, 5, 3, 4], 5)).toEqual({ n: 4, mean: 4, distribution: [0, 0, 1, 2, 1], reportable: true });
    expect(scaleAggregate([1, 2, 2], 5)).toEqual({ n: 3, mean: 1.67, distribution: [1, 2, 0, 0, 0], reportable: true });
    expect(scaleAggregate([10, 7], 10)).toEqual({ n: 2, mean: 8.5, distribution: [0, 0, 0, 0, 0, 0, 1, 0, 0, 1], reportable: false });
    expect(scaleAggregate([], 5)).toEqual({ n: 0, mean: null, distribution: [0, 0, 0, 0, 0], reportable: false });
  });

  it('refuses a score outside the scale instead of counting it', () => {
    expect(() => scaleAggregate([6], 5)).toThrow(RangeError);
    expect(() => scaleAggregate([0], 5)).toThrow(RangeError);
    expect(() => choiceAggregate(['perhaps'], ['yes', 'no'])).toThrow(RangeError);
  });

  it('counts choices in the order of the options', () => {
    expect(choiceAggregate(['stop', 'regular', 'regular'], ['regular', 'informal', 'stop'])).toEqual({
      n: 3,
      counts: [
        { option: 'regular', count: 2 },
        { option: 'informal', count: 0 },
        { option: 'stop', count: 1 },
      ],
      reportable: true,
    });
  });

  it('reports only from three answers up', () => {
    expect([0, 1, 2, 3, 4].map(isReportable)).toEqual([false, false, false, true, true]);
  });

  it('gives a change only when both sides may be reported', () => {
    expect(changeBetween(scaleAggregate([5, 6, 7], 10), scaleAggregate([7, 8, 9, 8], 10))).toBe(2);
    expect(changeBetween(scaleAggregate([5, 6], 10), scaleAggregate([7, 8, 9], 10))).toBeNull();
    expect(changeBetween(null, scaleAggregate([7, 8, 9], 10))).toBeNull();
  });
});

describe('default questions', () => {
  it('has the round, the four self-check dimensions and the final evaluation', () => {
    const { backend } = group();
    expect(questionsOf(backend, 'round').map((q) => [q.preset, q.kind, q.scaleMax])).toEqual([
      ['usefulness', 'scale', 5],
      ['dialogue', 'scale', 5],
      ['keep', 'text', null],
      ['change', 'text', null],
    ]);
    expect(questionsOf(backend, 'selfcheck').map((q) => [q.preset, q.scaleMax])).toEqual([
      ['know', 10],
      ['can', 10],
      ['able', 10],
      ['want', 10],
    ]);
    const evaluation = questionsOf(backend, 'evaluation');
    expect(evaluation.map((q) => q.preset)).toEqual(['wellbeing', 'peerLearning', 'atmosphere', 'again', 'continuation', 'learned', 'changedWork', 'mostValuable']);
    expect(byPreset(evaluation, 'continuation').options).toEqual(['regular', 'informal', 'stop']);
  });
});

describe('anonymous (pass-the-device) round', () => {
  it('stores answers with no member and no time, and gives results with n', () => {
    const { backend, meeting1 } = group();
    const survey = anonymousRound(backend, meeting1.id, [
      [4, 5, 'Rauhallinen tahti', 'Enemmän aikaa'],
      [5, 4, 'Konkreettiset esimerkit', ''],
      [3, 4, '', 'Aloitetaan ajallaan'],
      [4, 3, 'Avoimuus', ''],
    ]);
    expect(survey).toMatchObject({ anonymous: true, status: 'open', responses: 4, respondedMemberIds: [] });

    const db = raw(backend);
    const responses = db.prepare('SELECT * FROM feedback_response').all() as Record<string, unknown>[];
    expect(responses).toHaveLength(4);
    for (const row of responses) expect(row).toMatchObject({ anonymous: 1, member_id: null, submitted_at: null });
    // The store itself refuses to link an anonymous answer to a member.
    const memberId = (db.prepare('SELECT id FROM member LIMIT 1').get() as { id: number }).id;
    expect(sqliteErrorCode(() => db.prepare('INSERT INTO feedback_response (survey_id, anonymous, member_id) VALUES (?, 1, ?)').run(survey.id, memberId))).toBe(
      'SQLITE_CONSTRAINT_CHECK',
    );
    expect(
      sqliteErrorCode(() =>
        db.prepare(`INSERT INTO feedback_response (survey_id, anonymous, member_id, submitted_at) VALUES (?, 0, ?, 'x')`).run(survey.id, memberId),
      ),
    ).toBe('SQLITE_CONSTRAINT_TRIGGER');

    const results = call(backend, 'feedback.results', { id: survey.id });
    const [usefulness, dialogue, keep, change] = results.questions;
    expect(usefulness).toMatchObject({ n: 4, reportable: true, scale: { n: 4, mean: 4, distribution: [0, 0, 1, 2, 1], reportable: true } });
    expect(dialogue?.scale).toEqual({ n: 4, mean: 4, distribution: [0, 0, 1, 2, 1], reportable: true });
    expect(keep?.texts.map((t) => t.text)).toEqual(['Avoimuus', 'Konkreettiset esimerkit', 'Rauhallinen tahti']);
    expect(keep).toMatchObject({ n: 3, reportable: true });
    expect(change).toMatchObject({ n: 2, reportable: false });
    expect(JSON.stringify(results.questions)).not.toMatch(/member/i);
  });

  it('refuses a member in an anonymous round and keeps nothing', () => {
    const { backend, meeting1, members } = group();
    const survey = call(backend, 'feedback.start', { instrument: 'round', meetingId: meeting1.id, phase: null, anonymous: true });
    const error = expectFail(
      backend.dispatch('feedback.submit', { surveyId: survey.id, memberId: members[0]!.id, answers: roundAnswers(backend, 4, 4) }),
      'invalid_input',
    );
    expect(error.issues).toEqual([{ path: 'memberId', message: 'anonymousNoMember' }]);
    expect(call(backend, 'feedback.survey', { id: survey.id }).responses).toBe(0);
  });

  it('a meeting with a round and a member with named answers cannot be deleted', () => {
    const { backend, meeting1, members } = group();
    anonymousRound(backend, meeting1.id, [[4, 4, '', '']]);
    expectFail(backend.dispatch('plan.remove', { id: meeting1.id }), 'conflict');
    const selfCheck = call(backend, 'feedback.start', { instrument: 'selfcheck', meetingId: null, phase: 'start', anonymous: false });
    const know = byPreset(questionsOf(backend, 'selfcheck'), 'know');
    call(backend, 'feedback.submit', { surveyId: selfCheck.id, memberId: members[1]!.id, answers: [score(know, 7)] });
    expectFail(backend.dispatch('members.remove', { id: members[1]!.id }), 'conflict');
  });
});

describe('named round (the facilitator records)', () => {
  it('links each answer to its member; a second submission replaces theirs', () => {
    const { backend, meeting1, members } = group();
    const survey = call(backend, 'feedback.start', { instrument: 'round', meetingId: meeting1.id, phase: null, anonymous: false });
    const [a, b] = members;
    call(backend, 'feedback.submit', { surveyId: survey.id, memberId: a!.id, answers: roundAnswers(backend, 2, 3, 'Kahvi') });
    call(backend, 'feedback.submit', { surveyId: survey.id, memberId: b!.id, answers: roundAnswers(backend, 5, 5) });
    const after = call(backend, 'feedback.submit', { surveyId: survey.id, memberId: a!.id, answers: roundAnswers(backend, 4, 3, 'Kahvi ja pulla') });
    expect(after).toMatchObject({ responses: 2, respondedMemberIds: [a!.id, b!.id] });

    const stored = raw(backend).prepare('SELECT member_id AS memberId FROM feedback_response ORDER BY member_id').all();
    expect(stored).toEqual([{ memberId: a!.id }, { memberId: b!.id }]);
    const mine = call(backend, 'feedback.response', { surveyId: survey.id, memberId: a!.id });
    expect(mine?.answers.map((x) => x.score ?? x.text)).toEqual([4, 3, 'Kahvi ja pulla']);
    expect(call(backend, 'feedback.results', { id: survey.id }).questions[0]?.scale?.mean).toBe(4.5);
  });

  it('never shows anonymous answers per person', () => {
    const { backend, meeting1, members } = group();
    const survey = anonymousRound(backend, meeting1.id, [[4, 4, 'x', '']]);
    expectFail(backend.dispatch('feedback.response', { surveyId: survey.id, memberId: members[0]!.id }), 'conflict');
  });
});

describe('bad input', () => {
  it('refuses a score outside the question\'s scale, with the field, and stores nothing', () => {
    const { backend, meeting1 } = group();
    const survey = call(backend, 'feedback.start', { instrument: 'round', meetingId: meeting1.id, phase: null, anonymous: true });
    const before = dumpDatabase(backend.databasePath).rows;
    const six = expectFail(backend.dispatch('feedback.submit', { surveyId: survey.id, memberId: null, answers: roundAnswers(backend, 6, 3) }), 'invalid_input');
    expect(six.issues).toEqual([{ path: 'answers.0.score', message: 'scoreOutOfRange' }]);
    const eleven = expectFail(backend.dispatch('feedback.submit', { surveyId: survey.id, memberId: null, answers: roundAnswers(backend, 11, 3) }), 'invalid_input');
    expect(eleven.issues).toEqual([{ path: 'answers.0.score', message: 'scoreOutOfRange' }]);
    const half = expectFail(backend.dispatch('feedback.submit', { surveyId: survey.id, memberId: null, answers: roundAnswers(backend, 2.5, 3) }), 'invalid_input');
    expect(half.issues).toEqual([{ path: 'answers.0.score', message: 'invalidScore' }]);
    expect(dumpDatabase(backend.databasePath).rows).toEqual(before);
    // The store keeps the rule even without the service.
    const db = raw(backend);
    db.prepare('INSERT INTO feedback_response (id, survey_id, anonymous) VALUES (77, ?, 1)').run(survey.id);
    const usefulness = byPreset(questionsOf(backend, 'round'), 'usefulness');
    expect(sqliteErrorCode(() => db.prepare('INSERT INTO feedback_answer (response_id, question_id, score) VALUES (77, ?, 6)').run(usefulness.id))).toBe(
      'SQLITE_CONSTRAINT_TRIGGER',
    );
    expect(sqliteErrorCode(() => db.prepare(`INSERT INTO feedback_answer (response_id, question_id, text) VALUES (77, ?, 'x')`).run(usefulness.id))).toBe(
      'SQLITE_CONSTRAINT_TRIGGER',
    );
  });

  it('refuses an empty submission, a choice that is not an option and an answer of the wrong kind', () => {
    const { backend } = group();
    const survey = call(backend, 'feedback.start', { instrument: 'evaluation', meetingId: null, phase: null, anonymous: true });
    const qs = questionsOf(backend, 'evaluation');
    const empty = expectFail(backend.dispatch('feedback.submit', { surveyId: survey.id, memberId: null, answers: [text(byPreset(qs, 'learned'), '  ')] }), 'invalid_input');
    expect(empty.issues).toEqual([{ path: 'answers', message: 'noAnswers' }]);
    const wrongOption = expectFail(backend.dispatch('feedback.submit', { surveyId: survey.id, memberId: null, answers: [choice(byPreset(qs, 'continuation'), 'forever')] }), 'invalid_input');
    expect(wrongOption.issues).toEqual([{ path: 'answers.0.choice', message: 'invalidAnswerChoice' }]);
    const wrongKind = expectFail(backend.dispatch('feedback.submit', { surveyId: survey.id, memberId: null, answers: [score(byPreset(qs, 'learned'), 3)] }), 'invalid_input');
    expect(wrongKind.issues).toEqual([{ path: 'answers.0', message: 'answerKindMismatch' }]);
    const otherForm = expectFail(backend.dispatch('feedback.submit', { surveyId: survey.id, memberId: null, answers: [score(byPreset(questionsOf(backend, 'round'), 'usefulness'), 3)] }), 'invalid_input');
    expect(otherForm.issues).toEqual([{ path: 'answers.0.questionId', message: 'notInQuestionnaire' }]);
    expect(call(backend, 'feedback.survey', { id: survey.id }).responses).toBe(0);
  });

  it('refuses to end a round nobody answered; it can be discarded instead', () => {
    const { backend, meeting1 } = group();
    const survey = call(backend, 'feedback.start', { instrument: 'round', meetingId: meeting1.id, phase: null, anonymous: true });
    const error = expectFail(backend.dispatch('feedback.end', { id: survey.id }), 'conflict');
    expect(error.issues).toEqual([{ path: 'id', message: 'emptyRound' }]);
    expect(call(backend, 'feedback.survey', { id: survey.id }).status).toBe('open');
    expect(call(backend, 'feedback.discard', { id: survey.id })).toEqual({ id: survey.id });
    expect(call(backend, 'feedback.surveys', { instrument: 'round' })).toEqual([]);
  });

  it('takes no answers after the facilitator ends the round, and keeps those it has', () => {
    const { backend, meeting1 } = group();
    const survey = anonymousRound(backend, meeting1.id, [[4, 4, '', '']]);
    expect(call(backend, 'feedback.end', { id: survey.id })).toMatchObject({ status: 'closed', responses: 1 });
    const error = expectFail(backend.dispatch('feedback.submit', { surveyId: survey.id, memberId: null, answers: roundAnswers(backend, 3, 3) }), 'conflict');
    expect(error.issues).toEqual([{ path: 'surveyId', message: 'surveyClosed' }]);
    expectFail(backend.dispatch('feedback.discard', { id: survey.id }), 'conflict');
    expect(call(backend, 'feedback.survey', { id: survey.id }).responses).toBe(1);
  });

  it('refuses a second round for the same meeting', () => {
    const { backend, meeting1 } = group();
    call(backend, 'feedback.start', { instrument: 'round', meetingId: meeting1.id, phase: null, anonymous: true });
    const error = expectFail(backend.dispatch('feedback.start', { instrument: 'round', meetingId: meeting1.id, phase: null, anonymous: false }), 'conflict');
    expect(error.issues?.[0]?.message).toBe('surveyExists');
  });
});

describe('questions', () => {
  it('can be reworded, added and removed before answers exist', () => {
    const { backend } = group();
    const usefulness = byPreset(questionsOf(backend, 'round'), 'usefulness');
    let form = call(backend, 'feedback.updateQuestion', { id: usefulness.id, text: '  Oliko tapaamisesta hyötyä työssäsi? ' });
    expect(form.questions[0]?.text).toBe('Oliko tapaamisesta hyötyä työssäsi?');
    form = call(backend, 'feedback.addQuestion', { instrument: 'round', kind: 'scale', text: 'Pysyimmekö aikataulussa?' });
    const added = form.questions.at(-1);
    expect(added).toMatchObject({ kind: 'scale', scaleMax: 5, preset: null, text: 'Pysyimmekö aikataulussa?' });
    form = call(backend, 'feedback.removeQuestion', { id: byPreset(form.questions, 'change').id });
    expect(form.questions.map((q) => q.preset ?? q.text)).toEqual(['usefulness', 'dialogue', 'keep', 'Pysyimmekö aikataulussa?']);
    expect(form.locked).toBe(false);
    form = call(backend, 'feedback.resetQuestions', { instrument: 'round' });
    expect(form.questions.map((q) => q.preset)).toEqual(['usefulness', 'dialogue', 'keep', 'change']);
  });

  it('are locked once answered: edits are refused with a clear reason and nothing changes', () => {
    const { backend, meeting1 } = group();
    anonymousRound(backend, meeting1.id, [[4, 4, '', '']]);
    const form = call(backend, 'feedback.questions', { instrument: 'round' });
    expect(form.locked).toBe(true);
    const first = form.questions[0]!;
    for (const [name, input] of [
      ['feedback.updateQuestion', { id: first.id, text: 'Muutettu' }],
      ['feedback.addQuestion', { instrument: 'round', kind: 'text', text: 'Uusi' }],
      ['feedback.removeQuestion', { id: first.id }],
      ['feedback.resetQuestions', { instrument: 'round' }],
    ] as const) {
      const error = expectFail(backend.dispatch(name, input), 'conflict');
      expect(error.issues).toEqual([{ path: 'id', message: 'questionsLocked' }]);
    }
    expect(call(backend, 'feedback.questions', { instrument: 'round' })).toEqual(form);
    // The other instruments are still open for editing.
    expect(call(backend, 'feedback.questions', { instrument: 'evaluation' }).locked).toBe(false);
    // And the store refuses too, whatever code tries.
    expect(sqliteErrorCode(() => raw(backend).prepare(`UPDATE feedback_question SET text = 'x' WHERE id = ?`).run(first.id))).toBe('SQLITE_CONSTRAINT_TRIGGER');
  });

  it('the self-check dimensions are fixed', () => {
    const { backend } = group();
    const know = byPreset(questionsOf(backend, 'selfcheck'), 'know');
    const error = expectFail(backend.dispatch('feedback.updateQuestion', { id: know.id, text: 'Muu' }), 'conflict');
    expect(error.issues).toEqual([{ path: 'id', message: 'fixedQuestions' }]);
  });
});

describe('self-check', () => {
  it('shows the change per dimension where both start and end have enough answers', () => {
    const { backend } = group();
    const qs = questionsOf(backend, 'selfcheck');
    const [know, can, able, want] = qs as [Question, Question, Question, Question];
    const start = call(backend, 'feedback.start', { instrument: 'selfcheck', meetingId: null, phase: 'start', anonymous: true });
    for (const s of [[5, 6, 4, 7], [6, 6, 5, 7], [4, 7, 3, 8]]) {
      call(backend, 'feedback.submit', { surveyId: start.id, memberId: null, answers: [score(know, s[0]!), score(can, s[1]!), score(able, s[2]!), score(want, s[3]!)] });
    }
    const end = call(backend, 'feedback.start', { instrument: 'selfcheck', meetingId: null, phase: 'end', anonymous: true });
    for (const s of [[7, 7, 6, 8], [8, 6, 6, 8], [8, 8, 5, 9]]) {
      call(backend, 'feedback.submit', { surveyId: end.id, memberId: null, answers: [score(know, s[0]!), score(can, s[1]!), score(able, s[2]!)].concat(s[3] ? [score(want, s[3])] : []) });
    }
    // One more at the start answers only "know": want stays at three.
    call(backend, 'feedback.submit', { surveyId: start.id, memberId: null, answers: [score(know, 5)] });
    const change = call(backend, 'feedback.selfCheckChange', undefined);
    expect(change.dimensions.map((d) => [d.question.preset, d.start?.n, d.start?.mean, d.end?.n, d.end?.mean, d.change])).toEqual([
      ['know', 4, 5, 3, 7.67, 2.67],
      ['can', 3, 6.33, 3, 7, 0.67],
      ['able', 3, 4, 3, 5.67, 1.67],
      ['want', 3, 7.33, 3, 8.33, 1],
    ]);
  });

  it('gives no change when one side has too few answers', () => {
    const { backend } = group();
    const know = byPreset(questionsOf(backend, 'selfcheck'), 'know');
    const start = call(backend, 'feedback.start', { instrument: 'selfcheck', meetingId: null, phase: 'start', anonymous: true });
    for (const s of [5, 6, 7]) call(backend, 'feedback.submit', { surveyId: start.id, memberId: null, answers: [score(know, s)] });
    const end = call(backend, 'feedback.start', { instrument: 'selfcheck', meetingId: null, phase: 'end', anonymous: true });
    for (const s of [9, 9]) call(backend, 'feedback.submit', { surveyId: end.id, memberId: null, answers: [score(know, s)] });
    const [dimension] = call(backend, 'feedback.selfCheckChange', undefined).dimensions;
    expect(dimension).toMatchObject({ start: { n: 3, reportable: true }, end: { n: 2, mean: 9, reportable: false }, change: null });
  });
});

describe('trend over the meetings', () => {
  it('gives the rounds\' scale questions per meeting in meeting order, with n', () => {
    const { backend, meeting1, meeting2 } = group();
    anonymousRound(backend, meeting2.id, [[5, 5, '', ''], [4, 5, '', ''], [5, 4, '', '']]);
    anonymousRound(backend, meeting1.id, [[3, 4, '', ''], [4, 4, '', '']]);
    const trend = call(backend, 'feedback.trend', undefined);
    expect(trend.questions.map((q) => q.preset)).toEqual(['usefulness', 'dialogue']);
    expect(trend.meetings.map((m) => [m.number, ...m.values.map((v) => [v.aggregate.n, v.aggregate.mean, v.aggregate.reportable])])).toEqual([
      [1, [2, 3.5, false], [2, 4, false]],
      [2, [3, 4.67, true], [3, 4.67, true]],
    ]);
  });
});

describe('shareable feedback (the only export door)', () => {
  it('gives only ended sessions\' aggregates with n >= 3 and the marked quotes, nothing linked to a member', () => {
    const { backend, meeting1, meeting2, members } = group();
    const small = anonymousRound(backend, meeting1.id, [[3, 4, 'Pieni ryhmä', ''], [4, 4, '', '']]);
    call(backend, 'feedback.end', { id: small.id });
    const named = call(backend, 'feedback.start', { instrument: 'round', meetingId: meeting2.id, phase: null, anonymous: false });
    members.forEach((m, i) =>
      call(backend, 'feedback.submit', { surveyId: named.id, memberId: m.id, answers: roundAnswers(backend, 3 + (i % 2), 5, `Pidän: ${m.name}`, 'Nimi mukana vastauksessa') }),
    );
    // While the session is open nothing is shareable.
    expect(shareableFeedback(raw(backend))).toEqual({ aggregates: [], selfCheckChanges: [], quotes: [] });
    call(backend, 'feedback.end', { id: named.id });

    const results = call(backend, 'feedback.results', { id: named.id });
    const keep = results.questions.find((q) => q.question.preset === 'keep')!;
    const chosen = keep.texts[1]!;
    const shared = call(backend, 'feedback.share', { responseId: chosen.responseId, questionId: chosen.questionId, sharedText: 'Pidän siitä, että kaikki pääsevät ääneen.' });
    expect(shared.sharedText).toBe('Pidän siitä, että kaikki pääsevät ääneen.');
    const smallKeep = call(backend, 'feedback.results', { id: small.id }).questions.find((q) => q.question.preset === 'keep')!.texts[0]!;
    call(backend, 'feedback.share', { responseId: smallKeep.responseId, questionId: smallKeep.questionId, sharedText: 'Pieni ryhmä' });

    const out = shareableFeedback(raw(backend));
    expect(out.aggregates.map((a) => [a.meetingNumber, a.question.preset, a.n, a.scale?.mean])).toEqual([
      [2, 'usefulness', 3, 3.33],
      [2, 'dialogue', 3, 5],
    ]);
    expect(out.quotes).toEqual([
      { instrument: 'round', meetingNumber: 1, phase: null, question: { preset: 'keep', text: '', kind: 'text' }, text: 'Pieni ryhmä' },
      {
        instrument: 'round',
        meetingNumber: 2,
        phase: null,
        question: { preset: 'keep', text: '', kind: 'text' },
        text: 'Pidän siitä, että kaikki pääsevät ääneen.',
      },
    ]);
    const json = JSON.stringify(out);
    for (const m of members) expect(json).not.toContain(m.name);
    expect(json).not.toMatch(/member|response|Nimi mukana/i);

    // Marking it confidential again takes it out.
    call(backend, 'feedback.share', { responseId: chosen.responseId, questionId: chosen.questionId, sharedText: null });
    expect(shareableFeedback(raw(backend)).quotes.map((q) => q.text)).toEqual(['Pieni ryhmä']);
  });

  it('only open answers can be marked shareable', () => {
    const { backend, meeting1 } = group();
    const survey = anonymousRound(backend, meeting1.id, [[3, 4, '', '']]);
    const result = call(backend, 'feedback.results', { id: survey.id });
    const usefulnessId = result.questions[0]!.question.id;
    const responseId = (raw(backend).prepare('SELECT id FROM feedback_response').get() as { id: number }).id;
    const error = expectFail(backend.dispatch('feedback.share', { responseId, questionId: usefulnessId, sharedText: '3' }), 'conflict');
    expect(error.issues).toEqual([{ path: 'questionId', message: 'notOpenAnswer' }]);
  });
});

describe('continuation decision', () => {
  it('is saved and read back; an unknown decision is refused', () => {
    const { backend } = group();
    expect(call(backend, 'evaluation.decision', undefined)).toEqual({ decision: null, rationale: '', decidedOn: null });
    const saved = call(backend, 'evaluation.saveDecision', { decision: 'informal', rationale: ' Ryhmä jatkaa omin päin. ', decidedOn: '2025-06-10' });
    expect(saved).toEqual({ decision: 'informal', rationale: 'Ryhmä jatkaa omin päin.', decidedOn: '2025-06-10' });
    const error = expectFail(backend.dispatch('evaluation.saveDecision', { decision: 'forever', rationale: '', decidedOn: null }), 'invalid_input');
    expect(error.issues).toEqual([{ path: 'decision', message: 'invalidContinuation' }]);
    expect(call(backend, 'evaluation.decision', undefined)).toEqual(saved);
  });
});

describe('0004 feedback schema', () => {
  it('keeps its tables STRICT and refuses, by itself, to lose a meeting or a member that has feedback', () => {
    const { backend, meeting1, members } = group();
    const db = raw(backend);
    for (const table of ['feedback_question', 'feedback_survey', 'feedback_response', 'feedback_answer', 'continuation_decision']) {
      const { sql } = db.prepare(`SELECT sql FROM sqlite_schema WHERE name = ?`).get(table) as { sql: string };
      expect(sql, table).toMatch(/\)\s*STRICT/);
    }
    anonymousRound(backend, meeting1.id, [[4, 4, '', '']]);
    const named = call(backend, 'feedback.start', { instrument: 'evaluation', meetingId: null, phase: null, anonymous: false });
    const wellbeing = byPreset(questionsOf(backend, 'evaluation'), 'wellbeing');
    call(backend, 'feedback.submit', { surveyId: named.id, memberId: members[0]!.id, answers: [score(wellbeing, 4)] });
    expect(sqliteErrorCode(() => db.prepare('DELETE FROM meeting WHERE id = ?').run(meeting1.id))).toBe('SQLITE_CONSTRAINT_FOREIGNKEY');
    expect(sqliteErrorCode(() => db.prepare('DELETE FROM member WHERE id = ?').run(members[0]!.id))).toBe('SQLITE_CONSTRAINT_FOREIGNKEY');
    // A round always belongs to a meeting; a self-check always has a phase.
    expect(sqliteErrorCode(() => db.prepare(`INSERT INTO feedback_survey (instrument, anonymous) VALUES ('round', 1)`).run())).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(sqliteErrorCode(() => db.prepare(`INSERT INTO feedback_survey (instrument, anonymous) VALUES ('selfcheck', 1)`).run())).toBe('SQLITE_CONSTRAINT_CHECK');
  });
});
