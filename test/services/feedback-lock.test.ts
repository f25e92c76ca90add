import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AnswerInput, Survey } from '@shared/domain';
import { hashPin, pinMatches } from '../../electron/main/services/feedback/lock';
import { call, callAsync, createTestBackend, dumpDatabase, expectFail, makeTempDir, openStoreFile, removeTempDirs, validSetup, type TestBackend } from './helpers';

/**
 * Pass-the-device is locked with the facilitator's PIN: the PIN is kept only as a salted scrypt
 * hash, the backend answers nothing but the respondents' calls while the round is locked, a wrong
 * PIN counts towards a growing wait that survives a reload, and a reload finds the locked round.
 */
const PIN = '4821';
const backends: TestBackend[] = [];

afterEach(() => {
  vi.useRealTimers();
  for (const backend of backends.splice(0)) backend.close();
  removeTempDirs();
});

function open(dir = makeTempDir()) {
  const backend = createTestBackend(dir);
  backends.push(backend);
  return { backend, dir };
}

function lockedRound() {
  const { backend, dir } = open();
  call(backend, 'programme.setup', validSetup());
  const meeting = call(backend, 'plan.add', { plannedTheme: 'Aloitus', plannedDate: null, plannedMonth: null, place: '', format: null });
  const survey = call(backend, 'feedback.start', { instrument: 'round', meetingId: meeting.id, phase: null, anonymous: true, pin: PIN });
  return { backend, dir, survey, meeting };
}

const answer = (backend: TestBackend): AnswerInput[] => {
  const [first] = call(backend, 'feedback.questions', { instrument: 'round' }).questions;
  return [{ questionId: first!.id, score: 4, choice: null, text: '' }];
};

describe('a PIN-locked pass-the-device round', () => {
  it('keeps only a salted scrypt hash of the PIN', () => {
    const { backend, survey } = lockedRound();
    expect(survey.locked).toBe(true);
    const db = openStoreFile(backend.databasePath, { readonly: true });
    const { hash } = db.prepare('SELECT pin_hash AS hash FROM feedback_survey WHERE id = ?').get(survey.id) as { hash: string };
    db.close();
    expect(hash).toMatch(/^scrypt:32768:8:1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    expect(JSON.stringify(dumpDatabase(backend.databasePath).rows)).not.toContain(PIN);
    // Salted: the same PIN never gives the same hash.
    expect(hashPin(PIN)).not.toBe(hashPin(PIN));
    expect(pinMatches(PIN, hash)).toBe(true);
    expect(pinMatches('4822', hash)).toBe(false);
  });

  it('lets through only what the respondents need; everything else answers round_locked', async () => {
    const { backend, survey, meeting } = lockedRound();
    call(backend, 'feedback.submit', { surveyId: survey.id, memberId: null, answers: answer(backend) });
    expect(call(backend, 'feedback.survey', { id: survey.id }).responses).toBe(1);
    expect(call(backend, 'feedback.lockedRound', undefined)?.id).toBe(survey.id);
    call(backend, 'app.info', undefined);
    for (const [name, input] of [
      ['meetings.get', { id: meeting.id }],
      ['meetings.saveNotes', { id: meeting.id, notes: 'kurkistus' }],
      ['members.list', undefined],
      ['feedback.results', { id: survey.id }],
      ['feedback.discard', { id: survey.id }],
      ['summary.preview', undefined],
      ['search.query', { query: 'mitä' }],
    ] as const) {
      expectFail(await backend.call(name, input), 'round_locked');
    }
    expectFail(await backend.call('feedback.end', { id: survey.id }), 'round_locked');
    expect(call(backend, 'feedback.survey', { id: survey.id }).status).toBe('open');
  });

  it('slows guessing down, keeps the wait across a reload, and opens with the right PIN', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-02T10:00:00Z'));
    const { backend, dir, survey } = lockedRound();
    const unlock = (b: TestBackend, pin: string) => call(b, 'feedback.unlock', { surveyId: survey.id, pin });
    expect(unlock(backend, '0000')).toEqual({ unlocked: false, retryAfterSeconds: 0 });
    expect(unlock(backend, '1111')).toEqual({ unlocked: false, retryAfterSeconds: 0 });
    expect(unlock(backend, '2222')).toEqual({ unlocked: false, retryAfterSeconds: 15 });
    // While waiting, not even the right PIN is tried.
    expect(unlock(backend, PIN)).toEqual({ unlocked: false, retryAfterSeconds: 15 });
    vi.setSystemTime(new Date('2026-03-02T10:00:16Z'));
    expect(unlock(backend, '3333')).toEqual({ unlocked: false, retryAfterSeconds: 30 });

    // A reload (the app restarts) finds the locked round and the wait.
    backend.close();
    const { backend: again } = open(dir);
    expect(call(again, 'feedback.lockedRound', undefined)).toMatchObject({ id: survey.id, locked: true });
    expect(unlock(again, PIN)).toEqual({ unlocked: false, retryAfterSeconds: 30 });

    vi.setSystemTime(new Date('2026-03-02T10:01:00Z'));
    expect(unlock(again, PIN)).toEqual({ unlocked: true, retryAfterSeconds: 0 });
    expect(call(again, 'feedback.lockedRound', undefined)).toBeNull();
    expect(call(again, 'feedback.survey', { id: survey.id }).locked).toBe(false);
    call(again, 'members.list', undefined);
  });

  it('the facilitator can lock it again with a new PIN, and ending it forgets the PIN', async () => {
    const { backend, survey } = lockedRound();
    call(backend, 'feedback.submit', { surveyId: survey.id, memberId: null, answers: answer(backend) });
    expect(call(backend, 'feedback.unlock', { surveyId: survey.id, pin: PIN }).unlocked).toBe(true);
    expect(call(backend, 'feedback.lock', { surveyId: survey.id, pin: '99887766' }).locked).toBe(true);
    expect(call(backend, 'feedback.unlock', { surveyId: survey.id, pin: PIN }).unlocked).toBe(false);
    expect(call(backend, 'feedback.unlock', { surveyId: survey.id, pin: '99887766' }).unlocked).toBe(true);
    const ended = await callAsync(backend, 'feedback.end', { id: survey.id });
    expect(ended).toMatchObject({ status: 'closed', locked: false });
    const db = openStoreFile(backend.databasePath, { readonly: true });
    expect(db.prepare('SELECT pin_hash, locked_at FROM feedback_survey').all()).toEqual([{ pin_hash: null, locked_at: null }]);
    db.close();
  });

  it(`lapses after a long time, so a forgotten PIN does not shut the facilitator out for good`, () => {
    const { backend, survey } = lockedRound();
    const db = openStoreFile(backend.databasePath);
    db.prepare(`UPDATE feedback_survey SET locked_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-13 hours')`).run();
    db.close();
    expect(call(backend, 'feedback.lockedRound', undefined)).toBeNull();
    expect(call(backend, 'feedback.survey', { id: survey.id }).locked).toBe(false);
    call(backend, 'members.list', undefined);
  });

  it('refuses a PIN that is not 4–8 digits, or on a named round, and stores nothing', () => {
    const { backend } = open();
    call(backend, 'programme.setup', validSetup());
    const meeting = call(backend, 'plan.add', { plannedTheme: '', plannedDate: null, plannedMonth: null, place: '', format: null });
    const start = (pin: string, anonymous = true) =>
      backend.dispatch('feedback.start', { instrument: 'round', meetingId: meeting.id, phase: null, anonymous, pin });
    for (const pin of ['123', '123456789', '12a4', ' 1234', '']) {
      expect(expectFail(start(pin), 'invalid_input').issues).toEqual([{ path: 'pin', message: 'invalidPin' }]);
    }
    expect(expectFail(start(PIN, false), 'invalid_input').issues).toEqual([{ path: 'pin', message: 'pinOnlyAnonymous' }]);
    expect(call(backend, 'feedback.surveys', { instrument: 'round' })).toEqual([]);
    // Without a PIN a round starts unlocked, as before.
    const plain: Survey = call(backend, 'feedback.start', { instrument: 'round', meetingId: meeting.id, phase: null, anonymous: true });
    expect(plain.locked).toBe(false);
    expect(call(backend, 'feedback.lockedRound', undefined)).toBeNull();
    expect(expectFail(backend.dispatch('feedback.lock', { surveyId: 999, pin: PIN }), 'not_found').code).toBe('not_found');
  });
});
