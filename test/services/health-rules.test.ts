import { describe, expect, it } from 'vitest';
import {
  actionsLingering,
  assess,
  feedbackFalling,
  longGap,
  lowAttendance,
  rhythmDays,
  type ActionFact,
  type HealthFacts,
  type MeetingFact,
} from '../../electron/main/services/health/rules';

/**
 * Each early-warning rule on crafted programmes: the ones that must warn and, as carefully, the
 * ones that must not (recovered attendance, half present, a planned break, actions done).
 */
const meeting = (number: number, day: string | null, present: number, status: MeetingFact['status'] = 'held', members = 6): MeetingFact => ({
  id: number,
  number,
  status,
  day,
  members,
  present,
  marked: status === 'held' ? members : 0,
});

/** Monthly meetings from January 2026: `present` per held meeting, the rest planned. */
function programme(present: number[], planned = 0, overrides: Partial<HealthFacts> = {}): HealthFacts {
  const day = (i: number) => `2026-${String(i + 1).padStart(2, '0')}-05`;
  return {
    today: '2026-06-01',
    endDate: '2026-12-31',
    meetings: [...present.map((p, i) => meeting(i + 1, day(i), p)), ...Array.from({ length: planned }, (_, j) => meeting(present.length + j + 1, day(present.length + j), 0, 'planned'))],
    actions: [],
    rounds: [],
    ...overrides,
  };
}

const action = (meetingNumber: number, status: ActionFact['status'] = 'open', dueDate: string | null = null, doneOn: string | null = null): ActionFact => ({ meetingNumber, status, dueDate, doneOn });

describe('low attendance', () => {
  it('warns when under half came to the last two held meetings', () => {
    expect(lowAttendance(programme([6, 5, 2, 2]))).toMatchObject({ kind: 'lowAttendance', meetings: [3, 4] });
  });
  it('names every meeting of a longer run', () => {
    expect(lowAttendance(programme([6, 2, 1, 2]))).toMatchObject({ meetings: [2, 3, 4] });
  });
  it('does not warn for one low meeting, for exactly half, or once attendance has recovered', () => {
    expect(lowAttendance(programme([6, 5, 5, 2]))).toBeNull();
    expect(lowAttendance(programme([6, 3, 3, 3]))).toBeNull(); // 3 of 6 is half, not under half
    expect(lowAttendance(programme([2, 2, 2, 5]))).toBeNull();
  });
  it('ignores meetings nobody marked attendance for, and planned ones', () => {
    const facts = programme([6, 2, 2]);
    facts.meetings[2] = { ...facts.meetings[2]!, marked: 0, present: 0 };
    expect(lowAttendance(facts)).toBeNull();
    expect(lowAttendance(programme([6, 5], 3))).toBeNull();
  });
});

describe('actions open three meetings in a row', () => {
  it('warns for an action still open after three held meetings since it was agreed', () => {
    const facts = programme([6, 6, 6, 6], 0, { actions: [action(1), action(1, 'done'), action(3)] });
    expect(actionsLingering(facts)).toMatchObject({ kind: 'actionsLingering', count: 1, meetings: [1] });
  });
  it('does not warn after two meetings, nor for done or dropped actions', () => {
    expect(actionsLingering(programme([6, 6, 6], 2, { actions: [action(1)] }))).toBeNull();
    expect(actionsLingering(programme([6, 6, 6, 6, 6], 0, { actions: [action(1, 'done'), action(1, 'dropped')] }))).toBeNull();
  });
  it('counts held meetings only: planned and cancelled ones do not age an action', () => {
    const facts = programme([6, 6], 0, { actions: [action(1)] });
    facts.meetings.push(meeting(3, '2026-03-05', 0, 'cancelled'), meeting(4, '2026-04-05', 0, 'planned'), meeting(5, '2026-05-05', 6));
    expect(actionsLingering(facts)).toBeNull();
  });
});

describe('feedback falling', () => {
  const rounds = (...means: number[]) => means.map((mean, i) => ({ number: i + 1, mean, answers: 8 }));
  it('warns when the round average fell twice in a row', () => {
    expect(feedbackFalling(programme([6, 6, 6, 6], 0, { rounds: rounds(4.2, 4.5, 4.1, 3.6) }))).toMatchObject({ kind: 'feedbackFalling', meetings: [2, 3, 4] });
  });
  it('does not warn for one fall, a level stretch, a recovery, or fewer than three rounds', () => {
    expect(feedbackFalling(programme([], 0, { rounds: rounds(4.5, 4.5, 4.1) }))).toBeNull();
    expect(feedbackFalling(programme([], 0, { rounds: rounds(4.5, 4.1, 4.1) }))).toBeNull();
    expect(feedbackFalling(programme([], 0, { rounds: rounds(4.5, 4.1, 3.9, 4.4) }))).toBeNull();
    expect(feedbackFalling(programme([], 0, { rounds: rounds(4.5, 4.1) }))).toBeNull();
  });
});

describe('time since the last meeting', () => {
  it('finds the rhythm as the median gap between dated meetings', () => {
    expect(rhythmDays(programme([6, 6, 6, 6]))).toBe(31); // 5 Jan, 5 Feb, 5 Mar, 5 Apr: 31, 28, 31
    expect(rhythmDays(programme([6]))).toBeNull();
  });
  it('warns when much longer than the rhythm has passed and the next planned meeting went by unheld', () => {
    // Held January–March; April's meeting was never held; on 1 June it is 88 days since 5 March.
    const facts = programme([6, 6, 6], 1);
    expect(longGap(facts)).toMatchObject({ kind: 'longGap', days: 88 });
  });
  it('warns when nothing more is planned', () => {
    expect(longGap(programme([6, 6, 6], 0))).toMatchObject({ kind: 'longGap' });
  });
  it('does not warn within the rhythm, before a meeting still ahead, or after the programme ended', () => {
    expect(longGap(programme([6, 6, 6, 6, 6], 0))).toBeNull(); // 5 May to 1 June: 27 days
    const breakPlanned = programme([6, 6, 6], 0);
    breakPlanned.meetings.push(meeting(4, '2026-08-15', 0, 'planned'));
    expect(longGap(breakPlanned)).toBeNull();
    expect(longGap(programme([6, 6, 6], 0, { endDate: '2026-05-31' }))).toBeNull();
  });
});

describe('the overview', () => {
  it('a healthy programme has its signals and no warning', () => {
    const health = assess(
      programme([6, 5, 6, 5, 6], 2, {
        actions: [action(1, 'done', '2026-02-01', '2026-01-30'), action(2, 'done', '2026-03-01', '2026-03-05'), action(5)],
        rounds: [4.1, 4.3, 4.2, 4.4].map((mean, i) => ({ number: i + 1, mean, answers: 6 })),
      }),
    );
    expect(health.warnings).toEqual([]);
    expect(health.actions).toEqual({ due: 2, doneOnTime: 1, open: 1 });
    expect(health.attendance).toHaveLength(5);
    expect(health.rhythm).toMatchObject({ lastHeld: '2026-05-05', daysSince: 27 });
  });
  it('a struggling programme warns on every rule, each with suggestions', () => {
    const health = assess(
      programme([6, 4, 2, 2], 0, {
        actions: [action(1)],
        rounds: [4.5, 4.0, 3.2].map((mean, i) => ({ number: i + 2, mean, answers: 6 })),
        today: '2026-07-01',
      }),
    );
    expect(health.warnings.map((w) => w.kind)).toEqual(['lowAttendance', 'actionsLingering', 'feedbackFalling', 'longGap']);
    for (const warning of health.warnings) expect(warning.suggestions.length).toBeGreaterThan(0);
  });
});
