import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { call, removeTempDirs, type TestBackend } from '../helpers';
import { expectRefused, plannedGroup } from './helpers';

/** Issue 15, point 6: agreed versions, acceptances and the continuation decision are dated as things that happened. */
let backend: TestBackend;
let who: ReturnType<typeof plannedGroup>['members'];

beforeEach(() => {
  ({ backend, members: who } = plannedGroup());
  call(backend, 'agreement.start', { template: null });
});
afterEach(() => {
  backend.close();
  removeTempDirs();
  vi.useRealTimers();
});

describe('an agreed version', () => {
  it('is not agreed after the programme has ended', () => {
    // Today moves past the end, so that only the programme's end refuses it.
    vi.setSystemTime(new Date(2025, 8, 1, 12));
    expectRefused(backend, 'agreement.saveVersion', { agreedOn: '2025-06-16', note: '' }, { path: 'agreedOn', message: 'agreedAfterProgramme' });
    expect(call(backend, 'agreement.saveVersion', { agreedOn: '2025-06-15', note: '' }).number).toBe(1);
  });

  it('is not agreed on a day still to come', () => {
    expectRefused(backend, 'agreement.saveVersion', { agreedOn: '2025-03-16', note: '' }, { path: 'agreedOn', message: 'dateInFuture' });
    expect(call(backend, 'agreement.saveVersion', { agreedOn: '2025-03-15', note: 'Sovittu tänään' }).agreedOn).toBe('2025-03-15');
  });
});

describe('an acceptance', () => {
  it('is dated between the version and today, while the member was still in the group', () => {
    const version = call(backend, 'agreement.saveVersion', { agreedOn: '2025-02-03', note: '' });
    const accept = (acceptedOn: string, memberId = who.a) => ({ versionId: version.id, memberId, acceptedOn });
    expectRefused(backend, 'agreement.setAcceptance', accept('2025-02-02'), { path: 'acceptedOn', message: 'acceptedBeforeAgreed' });
    expectRefused(backend, 'agreement.setAcceptance', accept('2025-03-16'), { path: 'acceptedOn', message: 'dateInFuture' });
    call(backend, 'members.setLeft', { id: who.b, leftOn: '2025-02-10' });
    expectRefused(backend, 'agreement.setAcceptance', accept('2025-02-11', who.b), { path: 'acceptedOn', message: 'memberHadLeft' });
    expect(call(backend, 'agreement.setAcceptance', accept('2025-02-10', who.b)).acceptances).toEqual([{ memberId: who.b, acceptedOn: '2025-02-10' }]);
  });
});

describe('the continuation decision', () => {
  const decision = (decidedOn: string | null) => ({ decision: 'regular' as const, rationale: 'Jatketaan kuukausittain.', decidedOn });

  it('is not dated 1900, nor before the programme started', () => {
    expectRefused(backend, 'evaluation.saveDecision', decision('1900-01-01'), { path: 'decidedOn', message: 'beforeProgramme' });
    expectRefused(backend, 'evaluation.saveDecision', decision('2025-01-12'), { path: 'decidedOn', message: 'beforeProgramme' });
  });

  it('is not dated in the future; without a date it is fine', () => {
    expectRefused(backend, 'evaluation.saveDecision', decision('2025-03-16'), { path: 'decidedOn', message: 'dateInFuture' });
    expect(call(backend, 'evaluation.saveDecision', decision('2025-03-15')).decidedOn).toBe('2025-03-15');
    expect(call(backend, 'evaluation.saveDecision', decision(null)).decidedOn).toBeNull();
  });
});
