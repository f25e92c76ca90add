import { afterEach, describe, expect, it } from 'vitest';
import type { Question } from '@shared/domain';
import { call, createTestBackend, expectFail, makeTempDir, removeTempDirs, validSetup, type TestBackend } from './helpers';

/** The final evaluation has one scale item per goal of the mentoring agreement. */
const backends: TestBackend[] = [];
afterEach(() => {
  for (const backend of backends.splice(0)) backend.close();
  removeTempDirs();
});

function group() {
  const backend = createTestBackend(makeTempDir());
  backends.push(backend);
  call(backend, 'programme.setup', validSetup());
  call(backend, 'agreement.start', { template: null });
  return backend;
}

const evaluation = (backend: TestBackend) => call(backend, 'feedback.questions', { instrument: 'evaluation' });
const goalItems = (backend: TestBackend) =>
  evaluation(backend)
    .questions.filter((q) => q.preset === 'goal')
    .map((q) => [q.goalKind, q.text]);
const presets = (questions: Question[]) => questions.map((q) => q.preset);

describe('goal items of the final evaluation', () => {
  it('follow the agreement\'s goals while nobody has answered', () => {
    const backend = group();
    expect(goalItems(backend)).toEqual([]);

    const organisation = call(backend, 'agreement.addGoal', { kind: 'organisation', text: 'Esihenkilöiden työhyvinvointi paranee' });
    const own = call(backend, 'agreement.addGoal', { kind: 'group', text: 'Opimme toisiltamme arjen ratkaisuja' });
    const first = evaluation(backend);
    expect(presets(first.questions)).toEqual(['wellbeing', 'peerLearning', 'goal', 'goal', 'atmosphere', 'again', 'continuation', 'learned', 'changedWork', 'mostValuable']);
    expect(goalItems(backend)).toEqual([
      ['organisation', 'Esihenkilöiden työhyvinvointi paranee'],
      ['group', 'Opimme toisiltamme arjen ratkaisuja'],
    ]);
    expect(first.questions.filter((q) => q.preset === 'goal').every((q) => q.kind === 'scale' && q.scaleMax === 5)).toBe(true);

    // Reworded, removed and added goals: the items follow, and a kept goal keeps its item.
    call(backend, 'agreement.updateGoal', { id: own.id, text: 'Opimme toisiltamme käytännön ratkaisuja' });
    call(backend, 'agreement.removeGoal', { id: organisation.id });
    call(backend, 'agreement.addGoal', { kind: 'member', text: 'Saan tukea muutosten johtamiseen' });
    const second = evaluation(backend);
    expect(goalItems(backend)).toEqual([
      ['member', 'Saan tukea muutosten johtamiseen'],
      ['group', 'Opimme toisiltamme käytännön ratkaisuja'],
    ]);
    const ownItem = (questions: Question[]) => questions.find((q) => q.goalKind === 'group')?.id;
    expect(ownItem(second.questions)).toBe(ownItem(first.questions));
  });

  it('are snapshotted once answers exist: later changes to the agreement do not change them', () => {
    const backend = group();
    const goal = call(backend, 'agreement.addGoal', { kind: 'organisation', text: 'Työssäoppiminen lisääntyy' });
    const survey = call(backend, 'feedback.start', { instrument: 'evaluation', meetingId: null, phase: null, anonymous: true });
    const item = evaluation(backend).questions.find((q) => q.preset === 'goal')!;
    call(backend, 'feedback.submit', { surveyId: survey.id, memberId: null, answers: [{ questionId: item.id, score: 4, choice: null, text: '' }] });

    call(backend, 'agreement.updateGoal', { id: goal.id, text: 'Jotain aivan muuta' });
    call(backend, 'agreement.addGoal', { kind: 'group', text: 'Uusi tavoite' });
    const after = evaluation(backend);
    expect(after.locked).toBe(true);
    expect(goalItems(backend)).toEqual([['organisation', 'Työssäoppiminen lisääntyy']]);
    const results = call(backend, 'feedback.results', { id: survey.id });
    expect(results.questions.find((q) => q.question.id === item.id)?.scale).toMatchObject({ n: 1, mean: 4 });
  });

  it('are generated when the questionnaire is re-created, and cannot be edited apart from the agreement', () => {
    const backend = group();
    call(backend, 'agreement.addGoal', { kind: 'group', text: 'Luottamus kasvaa' });
    const item = evaluation(backend).questions.find((q) => q.preset === 'goal')!;
    expect(expectFail(backend.dispatch('feedback.updateQuestion', { id: item.id, text: 'Muu' }), 'conflict').issues).toEqual([
      { path: 'id', message: 'goalItemFromAgreement' },
    ]);
    expect(expectFail(backend.dispatch('feedback.removeQuestion', { id: item.id }), 'conflict').issues).toEqual([
      { path: 'id', message: 'goalItemFromAgreement' },
    ]);
    call(backend, 'feedback.addQuestion', { instrument: 'evaluation', kind: 'text', text: 'Mitä muuta haluat sanoa?' });
    const reset = call(backend, 'feedback.resetQuestions', { instrument: 'evaluation' });
    expect(reset.questions.map((q) => q.preset ?? q.text)).toEqual([
      'wellbeing',
      'peerLearning',
      'goal',
      'atmosphere',
      'again',
      'continuation',
      'learned',
      'changedWork',
      'mostValuable',
    ]);
    expect(reset.questions[2]?.text).toBe('Luottamus kasvaa');
  });
});
