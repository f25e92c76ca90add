import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProgrammeFields } from '@shared/domain';
import { call, removeTempDirs, VALID_SETUP, type TestBackend } from '../helpers';
import { expectRefused, plannedGroup } from './helpers';

/** Issue 15, point 6: the programme's period and the members' leaving days. */
let backend: TestBackend;
let m: ReturnType<typeof plannedGroup>['meetings'];
let who: ReturnType<typeof plannedGroup>['members'];

beforeEach(() => {
  ({ backend, meetings: m, members: who } = plannedGroup());
});
afterEach(() => {
  backend.close();
  removeTempDirs();
  vi.useRealTimers();
});

const period = (change: Partial<ProgrammeFields>): ProgrammeFields => ({ ...VALID_SETUP.programme, ...change });

describe('a member leaving', () => {
  it('leaves during the programme: not before it starts, not decades after it ends', () => {
    expectRefused(backend, 'members.setLeft', { id: who.a, leftOn: '2025-01-12' }, { path: 'leftOn', message: 'leftOutsideProgramme' });
    expectRefused(backend, 'members.setLeft', { id: who.a, leftOn: '2061-05-01' }, { path: 'leftOn', message: 'leftOutsideProgramme' });
    expect(call(backend, 'members.setLeft', { id: who.a, leftOn: '2025-01-13' }).leftOn).toBe('2025-01-13');
    expect(call(backend, 'members.setLeft', { id: who.a, leftOn: null }).leftOn).toBeNull();
  });

  it('leaves after the last meeting, action or acceptance recorded for them', () => {
    const issue = { path: 'leftOn', message: 'recordedAfterLeaving' };
    call(backend, 'meetings.setAttendance', { meetingId: m.past2, memberId: who.a, present: false, absenceReason: 'Sairaana' });
    expectRefused(backend, 'members.setLeft', { id: who.a, leftOn: '2025-02-20' }, issue);
    call(backend, 'actions.add', { meetingId: m.may, text: 'Kerää palautetta', ownerMemberId: who.b, dueDate: null });
    expectRefused(backend, 'members.setLeft', { id: who.b, leftOn: '2025-04-30' }, issue);
    const survey = call(backend, 'feedback.start', { instrument: 'round', meetingId: m.past2, phase: null, anonymous: false });
    const question = call(backend, 'feedback.questions', { instrument: 'round' }).questions.find((q) => q.kind === 'scale')!;
    call(backend, 'feedback.submit', { surveyId: survey.id, memberId: who.c, answers: [{ questionId: question.id, score: 5, choice: null, text: '' }] });
    expectRefused(backend, 'members.setLeft', { id: who.c, leftOn: '2025-03-02' }, issue);
    call(backend, 'agreement.start', { template: null });
    const version = call(backend, 'agreement.saveVersion', { agreedOn: '2025-02-01', note: '' });
    call(backend, 'agreement.setAcceptance', { versionId: version.id, memberId: who.c, acceptedOn: '2025-02-14' });
    expectRefused(backend, 'members.setLeft', { id: who.c, leftOn: '2025-02-13' }, issue);
    expect(call(backend, 'members.setLeft', { id: who.a, leftOn: '2025-03-03' }).leftOn).toBe('2025-03-03');
  });
});

describe("the programme's period", () => {
  it('cannot be shortened so that its meetings fall outside it, held, planned or cancelled', () => {
    call(backend, 'meetings.setHeld', { id: m.past1, held: true });
    expectRefused(backend, 'programme.update', period({ startDate: '2025-02-04' }), { path: 'startDate', message: 'meetingsOutsidePeriod' });
    expectRefused(backend, 'programme.update', period({ endDate: '2025-04-30' }), { path: 'endDate', message: 'meetingsOutsidePeriod' });
    call(backend, 'plan.cancel', { id: m.may, cancelled: true });
    expectRefused(backend, 'programme.update', period({ endDate: '2025-04-30' }), { path: 'endDate', message: 'meetingsOutsidePeriod' });
    expect(call(backend, 'programme.update', period({ startDate: '2025-02-03', endDate: '2025-05-01' })).endDate).toBe('2025-05-01');
  });

  it('keeps every leaving day, agreed version and the decision inside it', () => {
    call(backend, 'members.setLeft', { id: who.a, leftOn: '2025-06-01' });
    expectRefused(backend, 'programme.update', period({ endDate: '2025-05-31' }), { path: 'endDate', message: 'leavingOutsidePeriod' });
    call(backend, 'members.setLeft', { id: who.a, leftOn: '2025-01-20' });
    expectRefused(backend, 'programme.update', period({ startDate: '2025-01-21' }), { path: 'startDate', message: 'leavingOutsidePeriod' });
    call(backend, 'members.setLeft', { id: who.a, leftOn: null });

    call(backend, 'agreement.start', { template: null });
    call(backend, 'agreement.saveVersion', { agreedOn: '2025-03-14', note: '' });
    call(backend, 'plan.remove', { id: m.ahead });
    call(backend, 'plan.remove', { id: m.may });
    expectRefused(backend, 'programme.update', period({ endDate: '2025-03-13' }), { path: 'endDate', message: 'versionAfterPeriod' });

    call(backend, 'evaluation.saveDecision', { decision: 'informal', rationale: '', decidedOn: '2025-01-31' });
    expectRefused(backend, 'programme.update', period({ startDate: '2025-02-01' }), { path: 'startDate', message: 'decisionBeforePeriod' });
  });
});
