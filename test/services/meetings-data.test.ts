import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, createTestBackend, dumpDatabase, expectFail, makeTempDir, openStoreFile, removeTempDirs, validSetup, type TestBackend } from './helpers';

/**
 * The meeting record's writes, each shown to keep what it should and to lose nothing: attendance
 * re-marked, timing, held/planned and cancelled meetings, notes, and the next meeting. Each
 * refusal leaves the store exactly as it was.
 */
let backend: TestBackend;
let m1: number;
let m2: number;
let members: number[];

const plan = (number: number, plannedDate: string | null, plannedMonth: string | null = null) =>
  call(backend, 'plan.add', { number, plannedDate, plannedMonth, plannedTheme: `Teema ${number}`, place: 'Kahvila', format: 'cafe' }).id;
const reasons = () => {
  const db = openStoreFile(backend.databasePath, { readonly: true });
  const rows = db.prepare('SELECT meeting_id AS meetingId, member_id AS memberId, reason FROM absence_reason ORDER BY member_id').all();
  db.close();
  return rows;
};
const noteRows = () => {
  const db = openStoreFile(backend.databasePath, { readonly: true });
  const n = db.prepare('SELECT count(*) FROM meeting_note').pluck().get();
  db.close();
  return n;
};

beforeEach(() => {
  backend = createTestBackend(makeTempDir());
  call(backend, 'programme.setup', validSetup());
  m1 = plan(1, '2025-02-03');
  m2 = plan(2, '2025-03-03');
  members = call(backend, 'members.list', undefined).map((m) => m.id);
});
afterEach(() => {
  backend.close();
  removeTempDirs();
});

describe('attendance, marked again', () => {
  it('present → absent with a reason → present: the mark follows and the old reason is gone', () => {
    const [a, b] = members as [number, number];
    const mark = (memberId: number, present: boolean | null, absenceReason = '') =>
      call(backend, 'meetings.setAttendance', { meetingId: m1, memberId, present, absenceReason });
    expect(mark(a, true)).toEqual([{ memberId: a, present: true, absenceReason: '' }]);
    mark(b, true);
    expect(mark(a, false, 'Sairaana')).toEqual([
      { memberId: a, present: false, absenceReason: 'Sairaana' },
      { memberId: b, present: true, absenceReason: '' },
    ]);
    expect(reasons()).toEqual([{ meetingId: m1, memberId: a, reason: 'Sairaana' }]);
    expect(mark(a, false, 'Koulutuksessa')[0]).toEqual({ memberId: a, present: false, absenceReason: 'Koulutuksessa' });
    expect(mark(a, true)[0]).toEqual({ memberId: a, present: true, absenceReason: '' });
    expect(reasons()).toEqual([]);
    // Absent again without a reason: none comes back.
    expect(mark(a, false)[0]).toEqual({ memberId: a, present: false, absenceReason: '' });
    expect(call(backend, 'meetings.overview', undefined)[0]).toMatchObject({ presentCount: 1, markedCount: 2 });
    // Clearing the mark takes its reason with it.
    mark(b, false, 'Lomalla');
    expect(mark(b, null)).toEqual([{ memberId: a, present: false, absenceReason: '' }]);
    expect(reasons()).toEqual([]);
  });

  it('an unknown meeting or member is refused and nothing is marked', () => {
    const before = dumpDatabase(backend.databasePath);
    expectFail(backend.dispatch('meetings.setAttendance', { meetingId: 999, memberId: members[0]!, present: true, absenceReason: '' }), 'not_found');
    expectFail(backend.dispatch('meetings.setAttendance', { meetingId: m1, memberId: 999, present: true, absenceReason: '' }), 'not_found');
    expectFail(backend.dispatch('meetings.setAttendance', { meetingId: m1, memberId: 999, present: null, absenceReason: '' }), 'not_found');
    expect(dumpDatabase(backend.databasePath)).toEqual(before);
  });
});

describe('timing', () => {
  it('sets the start time and planned length of one meeting only, and clears the time', () => {
    const detail = call(backend, 'meetings.setTiming', { id: m1, startTime: '17:30', plannedMinutes: 90 });
    expect(detail).toMatchObject({ id: m1, startTime: '17:30', plannedMinutes: 90 });
    expect(call(backend, 'meetings.get', { id: m1 })).toMatchObject({ startTime: '17:30', plannedMinutes: 90 });
    const other = call(backend, 'meetings.get', { id: m2 });
    expect([other.startTime, other.plannedMinutes]).not.toEqual(['17:30', 90]);
    expect(call(backend, 'meetings.setTiming', { id: m1, startTime: null, plannedMinutes: 120 })).toMatchObject({ startTime: null, plannedMinutes: 120 });
  });

  it('refuses an unknown meeting, a bad time and a bad length, and keeps what was set', () => {
    call(backend, 'meetings.setTiming', { id: m1, startTime: '09:00', plannedMinutes: 60 });
    const before = dumpDatabase(backend.databasePath);
    expectFail(backend.dispatch('meetings.setTiming', { id: 999, startTime: '10:00', plannedMinutes: 60 }), 'not_found');
    expectFail(backend.dispatch('meetings.setTiming', { id: m1, startTime: '25:00', plannedMinutes: 60 }), 'invalid_input');
    expectFail(backend.dispatch('meetings.setTiming', { id: m1, startTime: '10:00', plannedMinutes: 5 }), 'invalid_input');
    expect(dumpDatabase(backend.databasePath)).toEqual(before);
    expect(call(backend, 'meetings.get', { id: m1 })).toMatchObject({ startTime: '09:00', plannedMinutes: 60 });
  });
});

describe('held, planned and cancelled', () => {
  it('marks a meeting held and back to planned', () => {
    expect(call(backend, 'meetings.setHeld', { id: m1, held: true }).status).toBe('held');
    expect(call(backend, 'meetings.get', { id: m2 }).status).toBe('planned');
    expect(call(backend, 'meetings.setHeld', { id: m1, held: false }).status).toBe('planned');
  });

  it('a cancelled meeting cannot be marked held (nor planned), and stays cancelled', () => {
    call(backend, 'plan.cancel', { id: m2, cancelled: true });
    const before = dumpDatabase(backend.databasePath);
    expect(expectFail(backend.dispatch('meetings.setHeld', { id: m2, held: true }), 'invalid_input').issues).toEqual([expect.objectContaining({ path: 'held' })]);
    expectFail(backend.dispatch('meetings.setHeld', { id: m2, held: false }), 'invalid_input');
    expectFail(backend.dispatch('meetings.setHeld', { id: 999, held: true }), 'not_found');
    expect(dumpDatabase(backend.databasePath)).toEqual(before);
    expect(call(backend, 'meetings.get', { id: m2 }).status).toBe('cancelled');
  });
});

describe('notes', () => {
  it('saved to an unknown meeting id are refused, and nothing is saved', () => {
    const before = dumpDatabase(backend.databasePath);
    expectFail(backend.dispatch('meetings.saveNotes', { id: 999, notes: 'Minne nämä menisivät?' }), 'not_found');
    expect(dumpDatabase(backend.databasePath)).toEqual(before);
    expect(noteRows()).toBe(0);
  });

  it('are kept per meeting, replaced by the next save, and emptied notes leave no row', () => {
    const saved = call(backend, 'meetings.saveNotes', { id: m1, notes: 'Ensimmäinen' });
    expect(saved.savedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    call(backend, 'meetings.saveNotes', { id: m1, notes: 'Toinen' });
    expect(call(backend, 'meetings.get', { id: m1 }).notes).toBe('Toinen');
    expect(call(backend, 'meetings.get', { id: m2 }).notes).toBe('');
    expect(noteRows()).toBe(1);
    const cleared = call(backend, 'meetings.saveNotes', { id: m1, notes: '' });
    expect(cleared.savedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(call(backend, 'meetings.get', { id: m1 }).notes).toBe('');
    expect(noteRows()).toBe(0);
  });
});

describe('a meeting read back', () => {
  it('names the next meeting that is not cancelled, and none after the last', () => {
    const m3 = plan(3, '2025-04-07');
    call(backend, 'plan.cancel', { id: m2, cancelled: true });
    expect(call(backend, 'meetings.get', { id: m1 }).next).toMatchObject({ id: m3, number: 3 });
    expect(call(backend, 'meetings.get', { id: m3 }).next).toBeNull();
    expectFail(backend.dispatch('meetings.get', { id: 999 }), 'not_found');
  });

  it('carries over open actions of earlier meetings, and keeps one reviewed here visible', () => {
    const [a] = members as [number];
    const open = call(backend, 'actions.add', { meetingId: m1, text: 'Avoin', ownerMemberId: a, dueDate: null });
    const done = call(backend, 'actions.add', { meetingId: m1, text: 'Tehty', ownerMemberId: a, dueDate: null });
    call(backend, 'actions.setStatus', { id: done.id, status: 'done', reviewedInId: m2 });
    const detail = call(backend, 'meetings.get', { id: m2 });
    expect(detail.carriedOver.map((x) => x.text)).toEqual(['Avoin', 'Tehty']);
    expect(detail.actions).toEqual([]);
    expect(call(backend, 'meetings.get', { id: m1 }).carriedOver).toEqual([]);
    expect(call(backend, 'meetings.get', { id: m1 }).actions.map((x) => x.id)).toEqual([open.id, done.id]);
  });
});
