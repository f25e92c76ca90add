import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { midpointOf, nearestMeeting } from '../../electron/main/services/midpoint/service';
import { call, callAsync, createTestBackend, expectFail, makeTempDir, removeTempDirs, type TestBackend } from './helpers';

/**
 * The mid-point check (väliarviointi): planned for the meeting nearest the programme's midpoint,
 * editable until it starts, run as the 'midpoint' feedback instrument, its outcome made into the
 * agreement's next agreed version once, and its aggregate in the summary only with three answers.
 */
let backend: TestBackend;

beforeEach(() => {
  backend = createTestBackend(makeTempDir());
  call(backend, 'programme.setup', {
    programme: { name: 'Vertaisryhmä', organisation: 'Virasto', facilitatorName: 'Päivi', startDate: '2025-09-01', endDate: '2026-05-31' },
    members: ['Önni', 'Sari', 'Jukka', 'Liisa'].map((name) => ({ name, role: '', email: '' })),
  });
});
afterEach(() => {
  backend.close();
  removeTempDirs();
});

const plan = (plannedDate: string | null, plannedMonth: string | null = null) =>
  call(backend, 'plan.add', { plannedDate, plannedMonth, plannedTheme: '', place: '', format: null }).id;

/** Runs the check with `count` answers and ends it; answers by preset. */
async function runCheck(meetingId: number, count: number) {
  const { questions } = call(backend, 'feedback.questions', { instrument: 'midpoint' });
  const by = (preset: string) => questions.find((q) => q.preset === preset)!;
  const survey = call(backend, 'feedback.start', { instrument: 'midpoint', meetingId, phase: null, anonymous: true });
  for (let i = 0; i < count; i++) {
    call(backend, 'feedback.submit', {
      surveyId: survey.id,
      memberId: null,
      answers: [
        { questionId: by('goalsRight').id, score: null, choice: i === 0 ? 'partly' : 'yes', text: '' },
        { questionId: by('rhythmRight').id, score: null, choice: 'right', text: '' },
        { questionId: by('helpedSoFar').id, score: 4, choice: null, text: '' },
        { questionId: by('shouldChange').id, score: null, choice: null, text: `SALAINEN-muutos-${i}` },
      ],
    });
  }
  await callAsync(backend, 'feedback.end', { id: survey.id });
  return survey.id;
}

describe('where the check is planned', () => {
  it('halfway between the first and the last day', () => {
    expect(midpointOf('2025-09-01', '2026-05-31')).toBe('2026-01-15');
    expect(midpointOf('2026-01-01', '2026-01-02')).toBe('2026-01-01');
  });

  it('the meeting nearest the midpoint; a month holding the day is nearest; the earlier on a tie; undated ones never', () => {
    const m = (number: number, plannedDate: string | null, plannedMonth: string | null = null) => ({ id: number, number, plannedDate, plannedMonth });
    expect(nearestMeeting([m(1, '2026-01-05'), m(2, '2026-01-20')], '2026-01-15')?.number).toBe(2);
    expect(nearestMeeting([m(1, '2026-01-10'), m(2, '2026-01-20')], '2026-01-15')?.number).toBe(1);
    expect(nearestMeeting([m(1, '2026-01-12'), m(2, null, '2026-01')], '2026-01-15')?.number).toBe(2);
    expect(nearestMeeting([m(1, null)], '2026-01-15')).toBeNull();
  });

  it('follows the plan automatically, can be moved by the facilitator and back, and skips a cancelled meeting', () => {
    const ids = [plan('2025-10-06'), plan('2025-12-08'), plan('2026-01-19'), plan('2026-03-09')];
    expect(call(backend, 'midpoint.get', undefined)).toMatchObject({ midpointDate: '2026-01-15', automaticMeetingId: ids[2], meetingId: ids[2], meetingNumber: 3, started: false });
    expect(call(backend, 'midpoint.plan', { meetingId: ids[1]! })).toMatchObject({ chosenMeetingId: ids[1], meetingId: ids[1], meetingNumber: 2 });
    expect(call(backend, 'midpoint.plan', { meetingId: null })).toMatchObject({ chosenMeetingId: null, meetingId: ids[2] });
    call(backend, 'plan.cancel', { id: ids[2]!, cancelled: true });
    expect(call(backend, 'midpoint.get', undefined)).toMatchObject({ automaticMeetingId: ids[1], meetingId: ids[1] });
    expectFail(backend.dispatch('midpoint.plan', { meetingId: ids[2]! }), 'invalid_input');
    expectFail(backend.dispatch('midpoint.plan', { meetingId: 'x' }), 'invalid_input');
    expect(call(backend, 'midpoint.get', undefined).chosenMeetingId).toBeNull();
  });
});

describe('running the check and agreeing what to change', () => {
  it('once started it stays in its meeting; ended, its outcome becomes the next agreed version, once', async () => {
    const ids = [plan('2025-10-06'), plan('2026-01-12'), plan('2026-03-09')];
    call(backend, 'agreement.start', { template: 'fi' });
    call(backend, 'agreement.saveVersion', { agreedOn: '2025-10-06', note: '' });
    expectFail(backend.dispatch('midpoint.agreeVersion', { agreedOn: '2026-01-12', note: 'Väliarvioinnin muutokset' }), 'conflict');
    await runCheck(ids[1]!, 4);
    expect(call(backend, 'midpoint.get', undefined)).toMatchObject({ meetingId: ids[1], started: true, ended: true, version: null });
    expect(expectFail(backend.dispatch('midpoint.plan', { meetingId: ids[2]! }), 'conflict').issues).toEqual([{ path: 'meetingId', message: 'midpointStarted' }]);
    // Not before the day of the check.
    expect(expectFail(backend.dispatch('midpoint.agreeVersion', { agreedOn: '2026-01-11', note: '' }), 'invalid_input').issues).toEqual([{ path: 'agreedOn', message: 'agreedBeforeCheck' }]);
    call(backend, 'agreement.addRule', { text: 'Tapaamme joka toinen viikko.' });
    const state = call(backend, 'midpoint.agreeVersion', { agreedOn: '2026-01-12', note: 'Väliarvioinnin muutokset' });
    expect(state.version).toMatchObject({ number: 2, agreedOn: '2026-01-12', note: 'Väliarvioinnin muutokset' });
    expect(call(backend, 'agreement.get', undefined)!.versions.map((v) => v.number)).toEqual([1, 2]);
    expect(expectFail(backend.dispatch('midpoint.agreeVersion', { agreedOn: '2026-01-13', note: '' }), 'conflict').issues).toEqual([{ path: '', message: 'midpointVersionMade' }]);
    expect(call(backend, 'agreement.get', undefined)!.versions).toHaveLength(2);
  });
});

describe('the summary', () => {
  const midpointBlocks = () => JSON.stringify(call(backend, 'summary.preview', undefined).blocks);

  it('shows the aggregate of three or more answers, never the open answers', async () => {
    const id = plan('2026-01-12');
    await runCheck(id, 3);
    const text = midpointBlocks();
    expect(text).toContain('Väliarviointi (tapaaminen 1)');
    expect(text).not.toContain('SALAINEN-muutos');
  });

  it('leaves out a check with fewer than three answers', async () => {
    const id = plan('2026-01-12');
    await runCheck(id, 2);
    expect(midpointBlocks()).not.toContain('Väliarviointi');
  });
});
