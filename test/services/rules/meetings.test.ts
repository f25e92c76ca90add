import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { call, expectOk, removeTempDirs, type TestBackend } from '../helpers';
import { expectRefused, plannedGroup } from './helpers';

/** Issue 15, point 6: what cannot be true of a meeting is refused where it is written. */
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

const cancel = (id: number) => call(backend, 'plan.cancel', { id, cancelled: true });
const action = (meetingId: number, dueDate: string | null = null, ownerMemberId: number | null = null) =>
  call(backend, 'actions.add', { meetingId, text: 'Kokeillaan kävelypalaveria', ownerMemberId, dueDate });
const leave = (id: number, leftOn: string) => call(backend, 'members.setLeft', { id, leftOn });
const present = (meetingId: number, memberId: number) =>
  call(backend, 'meetings.setAttendance', { meetingId, memberId, present: true, absenceReason: '' });

describe('an action', () => {
  it('is not reviewed in a meeting before the one it was agreed in', () => {
    const agreed = action(m.past2);
    expectRefused(backend, 'actions.setStatus', { id: agreed.id, status: 'done', reviewedInId: m.past1 }, { path: 'reviewedInId', message: 'reviewedBeforeAgreed' });
    expect(call(backend, 'actions.setStatus', { id: agreed.id, status: 'done', reviewedInId: m.past2 }).reviewedInId).toBe(m.past2);
    expect(call(backend, 'actions.setStatus', { id: agreed.id, status: 'done', reviewedInId: m.ahead }).reviewedInId).toBe(m.ahead);
  });

  it('is not reviewed in a cancelled meeting', () => {
    const agreed = action(m.past1);
    cancel(m.may);
    expectRefused(backend, 'actions.setStatus', { id: agreed.id, status: 'dropped', reviewedInId: m.may }, { path: 'reviewedInId', message: 'meetingCancelled' });
  });

  it('is not due before its meeting, also when the meeting is planned by month', () => {
    expectRefused(backend, 'actions.add', { meetingId: m.may, text: 'Varataan tila', ownerMemberId: null, dueDate: '2025-04-30' }, { path: 'dueDate', message: 'dueBeforeMeeting' });
    expect(action(m.may, '2025-05-01').dueDate).toBe('2025-05-01');
  });

  it('is not owned by a member who had left before its meeting', () => {
    leave(who.a, '2025-02-20');
    expectRefused(backend, 'actions.add', { meetingId: m.past2, text: 'Varataan tila', ownerMemberId: who.a, dueDate: null }, { path: 'ownerMemberId', message: 'memberHadLeft' });
    const earlier = action(m.past1, null, who.a);
    expect(earlier.ownerMemberId).toBe(who.a);
  });
});

describe('attendance', () => {
  it('is not recorded in a cancelled meeting (clearing a mark stays possible)', () => {
    cancel(m.may);
    expectRefused(backend, 'meetings.setAttendance', { meetingId: m.may, memberId: who.a, present: true, absenceReason: '' }, { path: 'meetingId', message: 'meetingCancelled' });
    expectRefused(backend, 'meetings.setAttendance', { meetingId: m.may, memberId: who.a, present: false, absenceReason: 'Peruttu' }, { path: 'meetingId', message: 'meetingCancelled' });
    expectOk(backend.dispatch('meetings.setAttendance', { meetingId: m.may, memberId: who.a, present: null, absenceReason: '' }));
  });

  it('is not recorded for a member who had left before the meeting', () => {
    leave(who.b, '2025-02-10');
    expectRefused(backend, 'meetings.setAttendance', { meetingId: m.past2, memberId: who.b, present: true, absenceReason: '' }, { path: 'memberId', message: 'memberHadLeft' });
    expectRefused(backend, 'meetings.setAttendance', { meetingId: m.may, memberId: who.b, present: false, absenceReason: '' }, { path: 'memberId', message: 'memberHadLeft' });
    expect(present(m.past1, who.b)).toContainEqual({ memberId: who.b, present: true, absenceReason: '' });
  });
});

describe('a meeting marked held', () => {
  it('is not dated in the future', () => {
    expectRefused(backend, 'meetings.setHeld', { id: m.ahead, held: true }, { path: 'held', message: 'heldInFuture' });
    expectRefused(backend, 'meetings.setHeld', { id: m.may, held: true }, { path: 'held', message: 'heldInFuture' });
    expect(call(backend, 'meetings.setHeld', { id: m.past2, held: true }).status).toBe('held');
    const thisMonth = call(backend, 'plan.add', { number: 5, plannedDate: null, plannedMonth: '2025-03', plannedTheme: '', place: '', format: null });
    expect(call(backend, 'meetings.setHeld', { id: thisMonth.id, held: true }).status).toBe('held');
  });

  it('is not moved into the future, in the plan or as the next meeting', () => {
    call(backend, 'meetings.setHeld', { id: m.past2, held: true });
    const row = call(backend, 'plan.list', undefined).find((p) => p.id === m.past2)!;
    const { id, number, plannedTheme, place, format } = row;
    expectRefused(backend, 'plan.update', { id, number, plannedTheme, place, format, plannedDate: '2025-03-20', plannedMonth: null }, { path: 'plannedDate', message: 'heldInFuture' });
    expectRefused(backend, 'meetings.setNext', { meetingId: m.past1, plannedDate: '2025-03-20', plannedTheme: 'Uusi' }, { path: 'plannedDate', message: 'heldInFuture' });
  });

  it('is not a cancelled one', () => {
    cancel(m.may);
    expectRefused(backend, 'meetings.setHeld', { id: m.may, held: true }, { path: 'held', message: 'meetingCancelled' });
  });
});

describe('a cancelled meeting', () => {
  it('gets no action, task, idea or theme', () => {
    cancel(m.may);
    const issue = { path: 'meetingId', message: 'meetingCancelled' };
    expectRefused(backend, 'actions.add', { meetingId: m.may, text: 'Toimi', ownerMemberId: null, dueDate: null }, issue);
    expectRefused(backend, 'tasks.add', { meetingId: m.may, text: 'Välitehtävä' }, issue);
    expectRefused(backend, 'ideas.add', { meetingId: m.may, text: 'Idea johdolle' }, issue);
    expectRefused(backend, 'themes.addToMeeting', { meetingId: m.may, name: 'Jaksaminen' }, issue);
  });

  it('gets no feedback round', () => {
    cancel(m.may);
    expectRefused(backend, 'feedback.start', { instrument: 'round', meetingId: m.may, phase: null, anonymous: true }, { path: 'meetingId', message: 'meetingCancelled' });
  });

  it('cannot be one in which something was recorded; notes alone do not stop it', () => {
    const issue = { path: 'cancelled', message: 'cancelHasRecords' };
    call(backend, 'meetings.saveNotes', { id: m.may, notes: 'Peruttiin lomien vuoksi.' });
    present(m.ahead, who.a);
    expectRefused(backend, 'plan.cancel', { id: m.ahead, cancelled: true }, issue);
    const agreed = action(m.past1);
    call(backend, 'actions.setStatus', { id: agreed.id, status: 'done', reviewedInId: m.past2 });
    expectRefused(backend, 'plan.cancel', { id: m.past2, cancelled: true }, issue);
    expect(cancel(m.may).status).toBe('cancelled');
  });
});

const scaleAnswer = () => {
  const question = call(backend, 'feedback.questions', { instrument: 'round' }).questions.find((q) => q.kind === 'scale')!;
  return [{ questionId: question.id, score: 4, choice: null, text: '' }];
};

describe('a feedback round', () => {
  it('takes named answers only from members still in the group at the meeting', () => {
    const survey = call(backend, 'feedback.start', { instrument: 'round', meetingId: m.past2, phase: null, anonymous: false });
    leave(who.c, '2025-02-20');
    expectRefused(backend, 'feedback.submit', { surveyId: survey.id, memberId: who.c, answers: scaleAnswer() }, { path: 'memberId', message: 'memberHadLeft' });
    expect(call(backend, 'feedback.submit', { surveyId: survey.id, memberId: who.a, answers: scaleAnswer() }).respondedMemberIds).toEqual([who.a]);
  });

  it('is not started for a meeting still ahead', () => {
    expectRefused(backend, 'feedback.start', { instrument: 'round', meetingId: m.ahead, phase: null, anonymous: true }, { path: 'meetingId', message: 'roundInFuture' });
    expect(call(backend, 'feedback.start', { instrument: 'round', meetingId: m.past2, phase: null, anonymous: true }).meetingId).toBe(m.past2);
  });
});

describe('moving or renumbering a meeting in the plan', () => {
  const update = (id: number, change: { plannedDate?: string | null; plannedMonth?: string | null; number?: number }) => {
    const row = call(backend, 'plan.list', undefined).find((p) => p.id === id)!;
    const { number, plannedTheme, plannedDate, plannedMonth, place, format } = row;
    return { id, number, plannedTheme, plannedDate, plannedMonth, place, format, ...change };
  };

  it('keeps its feedback round in the past', () => {
    call(backend, 'feedback.start', { instrument: 'round', meetingId: m.past2, phase: null, anonymous: true });
    expectRefused(backend, 'plan.update', update(m.past2, { plannedDate: '2025-04-01' }), { path: 'plannedDate', message: 'roundInFuture' });
  });

  it('keeps its actions due after it', () => {
    action(m.past1, '2025-02-10');
    expectRefused(backend, 'plan.update', update(m.past1, { plannedDate: '2025-02-17' }), { path: 'plannedDate', message: 'meetingAfterDue' });
    expectRefused(backend, 'plan.update', update(m.past1, { plannedDate: null, plannedMonth: '2025-03' }), { path: 'plannedMonth', message: 'meetingAfterDue' });
  });

  it('keeps the members recorded in it members at the time', () => {
    present(m.past1, who.c);
    leave(who.c, '2025-02-05');
    expectRefused(backend, 'plan.update', update(m.past1, { plannedDate: '2025-02-24' }), { path: 'plannedDate', message: 'memberLeftBeforeMeeting' });
    const owned = action(m.past1, null, who.c);
    call(backend, 'meetings.setAttendance', { meetingId: m.past1, memberId: who.c, present: null, absenceReason: '' });
    expectRefused(backend, 'plan.update', update(m.past1, { plannedDate: '2025-02-24' }), { path: 'plannedDate', message: 'memberLeftBeforeMeeting' });
    call(backend, 'actions.remove', { id: owned.id });
    const survey = call(backend, 'feedback.start', { instrument: 'round', meetingId: m.past1, phase: null, anonymous: false });
    call(backend, 'feedback.submit', { surveyId: survey.id, memberId: who.c, answers: scaleAnswer() });
    expectRefused(backend, 'plan.update', update(m.past1, { plannedDate: '2025-02-24' }), { path: 'plannedDate', message: 'memberLeftBeforeMeeting' });
  });

  it('keeps every review after the meeting where the action was agreed', () => {
    const agreed = action(m.past2);
    call(backend, 'actions.setStatus', { id: agreed.id, status: 'done', reviewedInId: m.ahead });
    call(backend, 'plan.update', update(m.past1, { number: 9 }));
    expectRefused(backend, 'plan.update', update(m.ahead, { number: 1 }), { path: 'number', message: 'reviewedBeforeAgreed' });
    expectRefused(backend, 'plan.update', update(m.past2, { number: 8 }), { path: 'number', message: 'reviewedBeforeAgreed' });
  });
});
