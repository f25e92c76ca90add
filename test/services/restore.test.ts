import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RemovedAction } from '@shared/domain';
import { call, callAsync, createTestBackend, dumpDatabase, expectFail, makeTempDir, removeTempDirs, validSetup, type TestBackend } from './helpers';

/** Undo after a removal puts back exactly the row that was removed; a bad restore changes nothing. */
let backend: TestBackend;
let m1: number;
let m2: number;

beforeEach(() => {
  backend = createTestBackend(makeTempDir());
  call(backend, 'programme.setup', validSetup());
  const plan = (plannedDate: string) => call(backend, 'plan.add', { plannedDate, plannedMonth: null, plannedTheme: '', place: '', format: null }).id;
  m1 = plan('2025-01-20');
  m2 = plan('2025-02-17');
});
afterEach(() => {
  backend.close();
  removeTempDirs();
});

const rows = (table: string) => dumpDatabase(backend.databasePath).rows[table];
/** The same rows, whatever order SQLite keeps them in (a re-inserted link row gets a new rowid). */
const sorted = (list: unknown[] | undefined) => [...(list ?? [])].map((row) => JSON.stringify(row)).sort();
const search = (query: string) => call(backend, 'search.query', { query });

describe('actions', () => {
  it('come back exactly: id, text, owner, due date, review and timestamps, and searchable again', () => {
    const [member] = call(backend, 'members.list', undefined);
    const action = call(backend, 'actions.add', { meetingId: m1, text: 'Kokeillaan kävelypalaveria', ownerMemberId: member!.id, dueDate: '2025-02-01' });
    call(backend, 'actions.setStatus', { id: action.id, status: 'done', reviewedInId: m2 });
    const before = rows('action');
    const searchBefore = search('kävelypalaveria');

    const removed = call(backend, 'actions.remove', { id: action.id });
    expect(removed).toMatchObject({ id: action.id, ownerMemberId: member!.id, dueDate: '2025-02-01', status: 'done', reviewedInId: m2 });
    expect(rows('action')).toEqual([]);
    expect(search('kävelypalaveria').total).toBe(0);

    expect(call(backend, 'actions.restore', removed)).toEqual(call(backend, 'meetings.get', { id: m1 }).actions[0]);
    expect(rows('action')).toEqual(before);
    expect(search('kävelypalaveria')).toEqual(searchBefore);
  });

  it('are refused when already there, when the meeting is gone, or on bad input; nothing changes', () => {
    const action = call(backend, 'actions.add', { meetingId: m2, text: 'Luetaan artikkeli', ownerMemberId: null, dueDate: null });
    const removed = call(backend, 'actions.remove', { id: action.id });
    call(backend, 'actions.restore', removed);
    const before = dumpDatabase(backend.databasePath);
    expectFail(backend.dispatch('actions.restore', removed), 'conflict');
    const bad = { ...removed, id: removed.id + 1, status: 'forgotten', createdAt: 'eilen' };
    expect(expectFail(backend.dispatch('actions.restore', bad), 'invalid_input').issues?.map((i) => i.path)).toEqual(['status', 'createdAt']);
    call(backend, 'actions.remove', { id: action.id });
    call(backend, 'plan.remove', { id: m2 });
    expectFail(backend.dispatch('actions.restore', removed), 'not_found');
    expect(rows('action')).toEqual([]);
    expect(before.rows['meeting']).toHaveLength(2);
  });

  it('stay gone once the programme is closed', async () => {
    const action = call(backend, 'actions.add', { meetingId: m1, text: 'Luottamuksellinen toimi', ownerMemberId: null, dueDate: null });
    const removed: RemovedAction = call(backend, 'actions.remove', { id: action.id });
    expect((await backend.call('summary.export', { format: 'pdf' })).ok).toBe(true);
    await callAsync(backend, 'summary.archive', { confirm: 'DELETE' });
    expectFail(backend.dispatch('actions.restore', removed), 'programme_closed');
  });
});

describe('tasks, ideas and themes', () => {
  it.each(['tasks', 'ideas'] as const)('%s come back in their place', (kind) => {
    const first = call(backend, `${kind}.add`, { meetingId: m1, text: 'Ensimmäinen' });
    call(backend, `${kind}.add`, { meetingId: m1, text: 'Toinen' });
    const table = kind === 'tasks' ? 'task' : 'idea_to_forward';
    const before = rows(table);
    const removed = call(backend, `${kind}.remove`, { id: first.id });
    expect(removed).toEqual({ id: first.id, meetingId: m1, text: 'Ensimmäinen', position: 1 });
    call(backend, `${kind}.restore`, removed);
    expect(rows(table)).toEqual(before);
    expect(call(backend, 'meetings.get', { id: m1 })[kind].map((i) => i.text)).toEqual(['Ensimmäinen', 'Toinen']);
    expectFail(backend.dispatch(`${kind}.restore`, removed), 'conflict');
  });

  it('a theme comes back in its place, with its id even when no meeting used it any more', () => {
    call(backend, 'themes.addToMeeting', { meetingId: m1, name: 'Työhyvinvointi' });
    const detail = call(backend, 'themes.addToMeeting', { meetingId: m1, name: 'Muutos' });
    const before = { theme: rows('theme'), link: sorted(rows('meeting_theme')) };
    const { removed, detail: after } = call(backend, 'themes.removeFromMeeting', { meetingId: m1, themeId: detail.themes[0]!.id });
    expect(after.themes.map((t) => t.name)).toEqual(['Muutos']);
    expect(call(backend, 'themes.list', undefined).map((t) => t.name)).toEqual(['Muutos']);
    expect(call(backend, 'themes.restoreToMeeting', removed).themes.map((t) => t.name)).toEqual(['Työhyvinvointi', 'Muutos']);
    expect({ theme: rows('theme'), link: sorted(rows('meeting_theme')) }).toEqual(before);
    expect(search('työhyvinvointi').total).toBe(1);
  });
});

describe('agreement goals and rules', () => {
  beforeEach(() => {
    call(backend, 'agreement.start', { template: 'fi' });
    call(backend, 'agreement.saveVersion', { agreedOn: '2025-01-13', note: '' });
  });

  it('come back with their id and place, so the draft matches its version again', () => {
    const agreement = () => call(backend, 'agreement.get', undefined)!;
    const before = { goals: rows('agreement_goal'), rules: rows('agreement_rule') };
    const goal = call(backend, 'agreement.removeGoal', { id: agreement().goals[1]!.id });
    const rule = call(backend, 'agreement.removeRule', { id: agreement().rules[0]!.id });
    expect(agreement().draftDiffers).toBe(true);
    call(backend, 'agreement.restoreRule', rule);
    call(backend, 'agreement.restoreGoal', goal);
    expect({ goals: rows('agreement_goal'), rules: rows('agreement_rule') }).toEqual(before);
    expect(agreement().draftDiffers).toBe(false);
    expectFail(backend.dispatch('agreement.restoreRule', rule), 'conflict');
    expectFail(backend.dispatch('agreement.restoreGoal', { ...goal, id: goal.id + 100, kind: 'boss' }), 'invalid_input');
  });
});
