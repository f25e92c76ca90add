import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_PROMPTS_PER_MOMENT, PROMPT_BANK, PROMPT_PHASES } from '@shared/domain';
import { call, createTestBackend, expectFail, makeTempDir, removeTempDirs, validSetup, type TestBackend } from './helpers';

/** Reflection prompts chosen for a meeting: the bank, the facilitator's own, and every refusal changing nothing. */
let backend: TestBackend;
let meetingId: number;

beforeEach(() => {
  backend = createTestBackend(makeTempDir());
  call(backend, 'programme.setup', validSetup());
  meetingId = call(backend, 'plan.add', { plannedDate: null, plannedMonth: null, plannedTheme: '', place: '', format: null }).id;
});
afterEach(() => {
  backend.close();
  removeTempDirs();
});

const list = () => call(backend, 'prompts.forMeeting', { meetingId });

describe('the prompt bank', () => {
  it('has prompts for every phase and both moments, worded in both languages, each once', () => {
    for (const phase of PROMPT_PHASES)
      for (const moment of ['checkin', 'closing'] as const) expect(PROMPT_BANK.some((p) => p.phase === phase && p.moment === moment)).toBe(true);
    expect(new Set(PROMPT_BANK.map((p) => p.key)).size).toBe(PROMPT_BANK.length);
    expect(new Set(PROMPT_BANK.map((p) => p.fi)).size).toBe(PROMPT_BANK.length);
    for (const p of PROMPT_BANK) expect(p.fi && p.en && p.fi !== p.en).toBeTruthy();
  });
});

describe('prompts for a meeting', () => {
  it('adds from the bank and the facilitator\'s own, check-in first, each in its order', () => {
    call(backend, 'prompts.add', { meetingId, moment: 'closing', bankKey: 'during.stayed', text: '' });
    call(backend, 'prompts.add', { meetingId, moment: 'checkin', bankKey: null, text: 'Mitä kuuluu?' });
    call(backend, 'prompts.add', { meetingId, moment: 'checkin', bankKey: 'during.since', text: '' });
    expect(list().map((p) => [p.moment, p.bankKey, p.text, p.position])).toEqual([
      ['checkin', null, 'Mitä kuuluu?', 1],
      ['checkin', 'during.since', '', 2],
      ['closing', 'during.stayed', '', 1],
    ]);
  });

  it('refuses the same bank prompt twice in a round, an unknown key, both or neither, and a full round; nothing changes', () => {
    call(backend, 'prompts.add', { meetingId, moment: 'checkin', bankKey: 'during.since', text: '' });
    expect(expectFail(backend.dispatch('prompts.add', { meetingId, moment: 'checkin', bankKey: 'during.since', text: '' }), 'invalid_input').issues).toEqual([{ path: 'bankKey', message: 'promptChosen' }]);
    expectFail(backend.dispatch('prompts.add', { meetingId, moment: 'checkin', bankKey: 'no.such', text: '' }), 'invalid_input');
    expectFail(backend.dispatch('prompts.add', { meetingId, moment: 'checkin', bankKey: 'during.since', text: 'Molemmat' }), 'invalid_input');
    expectFail(backend.dispatch('prompts.add', { meetingId, moment: 'checkin', bankKey: null, text: '' }), 'invalid_input');
    expectFail(backend.dispatch('prompts.add', { meetingId, moment: 'middle', bankKey: null, text: 'x' }), 'invalid_input');
    expect(list()).toHaveLength(1);
    for (let i = 1; i < MAX_PROMPTS_PER_MOMENT; i++) call(backend, 'prompts.add', { meetingId, moment: 'checkin', bankKey: null, text: `Oma ${i}` });
    expect(expectFail(backend.dispatch('prompts.add', { meetingId, moment: 'checkin', bankKey: null, text: 'Yksi liikaa' }), 'invalid_input').issues).toEqual([{ path: 'moment', message: 'tooManyPrompts' }]);
    expect(list()).toHaveLength(MAX_PROMPTS_PER_MOMENT);
  });

  it('rewords the facilitator\'s own prompt but not the bank\'s; removes and restores with the same id and place', () => {
    const [own, bank] = [
      call(backend, 'prompts.add', { meetingId, moment: 'closing', bankKey: null, text: 'Vanha' }),
      call(backend, 'prompts.add', { meetingId, moment: 'closing', bankKey: 'end.thanks', text: '' }),
    ].map((prompts) => prompts.at(-1)!);
    expect(call(backend, 'prompts.update', { id: own!.id, text: 'Uusi' }).text).toBe('Uusi');
    expectFail(backend.dispatch('prompts.update', { id: bank!.id, text: 'Muu' }), 'conflict');
    const { removed } = call(backend, 'prompts.remove', { id: own!.id });
    expect(list().map((p) => p.id)).toEqual([bank!.id]);
    call(backend, 'prompts.restore', removed);
    expect(list().map((p) => [p.id, p.text])).toEqual([
      [own!.id, 'Uusi'],
      [bank!.id, ''],
    ]);
    expectFail(backend.dispatch('prompts.restore', removed), 'conflict');
  });

  it('refuses a meeting that does not exist', () => {
    expectFail(backend.dispatch('prompts.forMeeting', { meetingId: 999 }), 'not_found');
    expectFail(backend.dispatch('prompts.add', { meetingId: 999, moment: 'checkin', bankKey: null, text: 'x' }), 'not_found');
  });
});
