import type BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AgreementSnapshot, Goal } from '@shared/domain';
import { listAgreementGoals } from '../../electron/main/services/agreement/goals';
import { call, createTestBackend, dumpDatabase, expectFail, makeTempDir, removeTempDirs, validSetup, type TestBackend, openStoreFile } from './helpers';

let backend: TestBackend;

beforeEach(() => {
  backend = createTestBackend(makeTempDir());
  call(backend, 'programme.setup', validSetup());
});
afterEach(() => {
  backend.close();
  removeTempDirs();
});

const agreement = () => call(backend, 'agreement.get', undefined)!;
const plan = () => call(backend, 'plan.list', undefined);
const withDb = <T>(fn: (db: BetterSqlite3.Database) => T, readonly = true): T => {
  const db = openStoreFile(backend.databasePath, { readonly });
  try {
    return fn(db);
  } finally {
    db.close();
  }
};

describe('starting the agreement', () => {
  it('is absent until started; the Finnish template brings goals, rules, practicalities and a six-meeting plan', () => {
    expect(call(backend, 'agreement.get', undefined)).toBeNull();
    const started = call(backend, 'agreement.start', { template: 'fi' });
    expect(started.startedFrom).toBe('fi');
    expect(started.goals.map((g) => g.kind)).toEqual(['organisation', 'organisation', 'member', 'member', 'group']);
    expect(started.goals[0]!.text).toMatch(/Työhyvinvoinnin/);
    expect(started.rules[0]!.text).toMatch(/^Luottamus ensin/);
    expect(started.practicalities.meetingMinutes).toBe(120);
    expect(started.versions).toEqual([]);
    expect(started.draftDiffers).toBe(true);
    const rows = plan();
    expect(rows.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6]);
    // spread over the programme (January to June 2025), with varied formats
    expect(rows.map((r) => r.plannedMonth)).toEqual(['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06']);
    expect(new Set(rows.map((r) => r.format)).size).toBeGreaterThanOrEqual(4);
    // the template's meeting length is the planned length of the meetings it adds
    expect(call(backend, 'meetings.get', { id: rows[0]!.id }).plannedMinutes).toBe(120);
  });

  it('in English, or empty; it cannot be started twice, and an existing plan is kept', () => {
    call(backend, 'plan.add', { number: 1, plannedTheme: 'Oma', plannedDate: '2025-02-03', plannedMonth: null, place: '', format: null });
    const started = call(backend, 'agreement.start', { template: 'en' });
    expect(started.rules[0]!.text).toMatch(/^Trust first/);
    expect(plan().map((r) => r.plannedTheme)).toEqual(['Oma']);
    expectFail(backend.dispatch('agreement.start', { template: null }), 'conflict');
  });

  it('an empty start has no goals, rules or plan rows', () => {
    const started = call(backend, 'agreement.start', { template: null });
    expect(started).toMatchObject({ startedFrom: 'empty', goals: [], rules: [] });
    expect(started.practicalities).toMatchObject({ duration: '', meetingMinutes: null });
    expect(plan()).toEqual([]);
  });

  it('edits before the start are refused', () => {
    expectFail(backend.dispatch('agreement.addRule', { text: 'Sääntö' }), 'not_found');
    expectFail(backend.dispatch('agreement.saveVersion', { agreedOn: '2025-01-20', note: '' }), 'not_found');
  });
});

describe('goals and ground rules', () => {
  beforeEach(() => {
    call(backend, 'agreement.start', { template: null });
  });

  it('goals keep stable ids and their kind; edited, reordered and removed', () => {
    const a = call(backend, 'agreement.addGoal', { kind: 'group', text: 'Opimme toisiltamme' });
    const b = call(backend, 'agreement.addGoal', { kind: 'group', text: 'Jaksamme paremmin' });
    const c = call(backend, 'agreement.addGoal', { kind: 'organisation', text: 'Työhyvinvointi' });
    call(backend, 'agreement.updateGoal', { id: a.id, text: '  Opimme toistemme kokemuksista  ' });
    expect(call(backend, 'agreement.reorderGoals', { kind: 'group', ids: [b.id, a.id] }).map((g) => g.id)).toEqual([b.id, a.id]);
    expect(agreement().goals).toEqual<Goal[]>([
      { id: c.id, kind: 'organisation', text: 'Työhyvinvointi' },
      { id: b.id, kind: 'group', text: 'Jaksamme paremmin' },
      { id: a.id, kind: 'group', text: 'Opimme toistemme kokemuksista' },
    ]);
    call(backend, 'agreement.removeGoal', { id: c.id });
    expect(agreement().goals.map((g) => g.id)).toEqual([b.id, a.id]);
    // a removed goal's id never comes back: the final evaluation refers to goals by id
    const d = call(backend, 'agreement.addGoal', { kind: 'organisation', text: 'Uusi' });
    expect([a.id, b.id, c.id]).not.toContain(d.id);
  });

  it('rules form an ordered list: add, edit, reorder, remove; a stale order is refused', () => {
    const ids = ['Luottamus', 'Asiat, ei ihmiset', 'Saa olla hiljaa'].map((text) => call(backend, 'agreement.addRule', { text }).id);
    call(backend, 'agreement.updateRule', { id: ids[1]!, text: 'Puhumme asioista, emme ihmisistä' });
    call(backend, 'agreement.reorderRules', { ids: [ids[2]!, ids[0]!, ids[1]!] });
    expect(agreement().rules.map((r) => r.text)).toEqual(['Saa olla hiljaa', 'Luottamus', 'Puhumme asioista, emme ihmisistä']);
    expectFail(backend.dispatch('agreement.reorderRules', { ids: [ids[0]!, ids[1]!] }), 'conflict');
    expectFail(backend.dispatch('agreement.reorderRules', { ids: [ids[0]!, ids[0]!, ids[1]!] }), 'conflict');
    call(backend, 'agreement.removeRule', { id: ids[2]! });
    expect(agreement().rules.map((r) => r.id)).toEqual([ids[0], ids[1]]);
    expectFail(backend.dispatch('agreement.updateRule', { id: ids[2]!, text: 'x' }), 'not_found');
  });

  it('bad input gets a message at the field and changes nothing', () => {
    const rule = call(backend, 'agreement.addRule', { text: 'Luottamus ensin' });
    const before = dumpDatabase(backend.databasePath);
    expect(expectFail(backend.dispatch('agreement.updateRule', { id: rule.id, text: '   ' }), 'invalid_input').issues).toEqual([
      { path: 'text', message: 'required' },
    ]);
    expect(expectFail(backend.dispatch('agreement.addGoal', { kind: 'group', text: 'ä'.repeat(501) }), 'invalid_input').issues).toEqual([
      { path: 'text', message: 'tooLong' },
    ]);
    const practicalities = { ...agreement().practicalities, confidentiality: 'x'.repeat(2001), meetingMinutes: 5 };
    expect(expectFail(backend.dispatch('agreement.updatePracticalities', practicalities), 'invalid_input').issues).toEqual([
      { path: 'meetingMinutes', message: 'invalidMeetingLength' },
      { path: 'confidentiality', message: 'tooLong' },
    ]);
    expect(dumpDatabase(backend.databasePath)).toEqual(before);
  });

  it('practicalities are saved whole; the meeting length becomes the default for new meetings', () => {
    const saved = call(backend, 'agreement.updatePracticalities', {
      duration: 'Syyskuusta helmikuuhun',
      meetingFrequency: 'Kerran kuussa',
      meetingMinutes: 90,
      workingTime: 'Työaikaa',
      costs: 'Työnantaja maksaa kahvit',
      contact: 'Sähköposti',
      tasks: 'Oppimispäiväkirja',
      confidentiality: 'Ryhmässä puhuttu jää ryhmään.',
    });
    expect(agreement().practicalities).toEqual(saved);
    const meeting = call(backend, 'plan.add', { plannedTheme: '', plannedDate: null, plannedMonth: '2025-02', place: '', format: 'walking' });
    expect(call(backend, 'meetings.get', { id: meeting.id }).plannedMinutes).toBe(90);
  });
});

describe('the meeting plan and the meetings are one set of records', () => {
  beforeEach(() => {
    call(backend, 'agreement.start', { template: 'fi' });
  });

  it('adding a plan row schedules a meeting, and moving a meeting shows in the agreement', () => {
    const added = call(backend, 'plan.add', { number: 7, plannedTheme: 'Lisätapaaminen', plannedDate: '2025-06-10', plannedMonth: null, place: 'Kahvila Säde', format: 'cafe' });
    expect(call(backend, 'meetings.overview', undefined).map((m) => m.id)).toContain(added.id);
    const third = plan()[2]!;
    // the meetings feature moves meeting 3 (the "next meeting" of meeting 2)
    call(backend, 'meetings.setNext', { meetingId: plan()[1]!.id, plannedDate: '2025-03-19', plannedTheme: third.plannedTheme });
    const compared = call(backend, 'agreement.compare', { from: null, to: null, language: 'fi' });
    const line = compared.sections.find((s) => s.section === 'plan')!.lines[2]!;
    expect(line.text).toBe('3. tapaaminen · 19.3.2025 · kävelytapaaminen · Vuorovaikutus ja vaikeat keskustelut');
  });

  it('a planned meeting with notes cannot be removed; an empty one can, and it leaves the agreement', () => {
    const [first, second] = plan();
    call(backend, 'meetings.saveNotes', { id: first!.id, notes: 'Kävimme sopimuksen läpi.' });
    const error = expectFail(backend.dispatch('plan.remove', { id: first!.id }), 'conflict');
    expect(error.message).toMatch(/notes or records/);
    expect(plan()).toHaveLength(6);
    call(backend, 'plan.remove', { id: second!.id });
    expect(plan().map((r) => r.number)).toEqual([1, 2, 3, 4, 5]);
  });

  it('closes the gap a removed meeting leaves: the later meetings, planned or cancelled, move up one number in order', () => {
    const rows = plan();
    call(backend, 'plan.cancel', { id: rows[4]!.id, cancelled: true });
    call(backend, 'plan.remove', { id: rows[1]!.id });
    const after = plan();
    expect(after.map((r) => [r.number, r.plannedTheme])).toEqual([rows[0], rows[2], rows[3], rows[4], rows[5]].map((r, i) => [i + 1, r!.plannedTheme]));
    expect(after.map((r) => r.status)).toEqual(['planned', 'planned', 'planned', 'cancelled', 'planned']);
  });

  it('keeps every number when a meeting after the removed one was held or has records: their numbers stay as recorded', () => {
    const rows = plan();
    call(backend, 'meetings.setHeld', { id: rows[3]!.id, held: true });
    call(backend, 'plan.remove', { id: rows[1]!.id });
    expect(plan().map((r) => r.number)).toEqual([1, 3, 4, 5, 6]);

    call(backend, 'meetings.setHeld', { id: rows[3]!.id, held: false });
    call(backend, 'meetings.saveNotes', { id: rows[5]!.id, notes: 'Sovittiin jo jotain.' });
    call(backend, 'plan.remove', { id: rows[2]!.id });
    expect(plan().map((r) => r.number)).toEqual([1, 4, 5, 6]);
  });

  it('a duplicate number or a date outside the programme is refused at the field', () => {
    const row = plan()[1]!;
    const update = { id: row.id, number: 1, plannedTheme: row.plannedTheme, plannedDate: null, plannedMonth: row.plannedMonth, place: '', format: row.format };
    expect(expectFail(backend.dispatch('plan.update', update), 'invalid_input').issues).toEqual([{ path: 'number', message: 'duplicateNumber' }]);
    const outside = { ...update, number: 2, plannedDate: '2025-08-01', plannedMonth: null };
    expect(expectFail(backend.dispatch('plan.update', outside), 'invalid_input').issues).toEqual([
      { path: 'plannedDate', message: 'outsideProgramme' },
    ]);
    expect(plan()[1]).toEqual(row);
  });

  it('a cancelled meeting drops out of the agreement but stays among the meetings', () => {
    const december = plan()[3]!;
    call(backend, 'agreement.saveVersion', { agreedOn: '2025-01-20', note: '' });
    call(backend, 'plan.cancel', { id: december.id, cancelled: true });
    expect(agreement().draftDiffers).toBe(true);
    const lines = call(backend, 'agreement.compare', { from: 1, to: null, language: 'en' }).sections.find((s) => s.section === 'plan')!.lines;
    expect(lines.filter((l) => l.kind !== 'same')).toEqual([{ kind: 'removed', text: expect.stringMatching(/^Meeting 4 · April 2025 · lunch meeting/) }]);
  });
});

describe('agreed versions', () => {
  beforeEach(() => {
    call(backend, 'agreement.start', { template: 'fi' });
  });

  it('are numbered snapshots; the draft differs from the last one until they match again', () => {
    const v1 = call(backend, 'agreement.saveVersion', { agreedOn: '2025-01-20', note: 'Käyty läpi 1. tapaamisessa' });
    expect(v1).toMatchObject({ number: 1, agreedOn: '2025-01-20', note: 'Käyty läpi 1. tapaamisessa', acceptances: [] });
    expect(agreement().draftDiffers).toBe(false);
    const goal = agreement().goals[4]!;
    call(backend, 'agreement.updateGoal', { id: goal.id, text: 'Jokainen kokeilee yhtä uutta työtapaa.' });
    expect(agreement().draftDiffers).toBe(true);
    call(backend, 'agreement.updateGoal', { id: goal.id, text: goal.text });
    expect(agreement().draftDiffers).toBe(false);
    // a member leaving changes the parties, so the draft differs again
    const member = call(backend, 'members.list', undefined)[2]!;
    call(backend, 'members.setLeft', { id: member.id, leftOn: '2025-02-01' });
    expect(agreement().draftDiffers).toBe(true);
    const v2 = call(backend, 'agreement.saveVersion', { agreedOn: '2025-02-10', note: '' });
    expect(v2.number).toBe(2);
    expect(agreement().versions.map((v) => v.number)).toEqual([1, 2]);
  });

  it('are immutable once agreed: later edits do not touch them, and the store refuses UPDATE and DELETE', () => {
    call(backend, 'agreement.saveVersion', { agreedOn: '2025-01-20', note: '' });
    const frozen = withDb((db) => db.prepare('SELECT * FROM agreement_version').all());
    const rule = agreement().rules[0]!;
    call(backend, 'agreement.updateRule', { id: rule.id, text: 'Muutettu sääntö' });
    call(backend, 'agreement.removeGoal', { id: agreement().goals[0]!.id });
    call(backend, 'plan.update', { ...plan()[0]!, plannedDate: '2025-01-27', plannedMonth: null });
    expect(withDb((db) => db.prepare('SELECT * FROM agreement_version').all())).toEqual(frozen);
    const snapshot = JSON.parse((frozen[0] as { snapshot: string }).snapshot) as AgreementSnapshot;
    expect(snapshot.rules[0]!.text).toBe(rule.text);
    expect(snapshot.plan[0]!.plannedMonth).toBe('2025-01');

    withDb((db) => {
      expect(() => db.prepare(`UPDATE agreement_version SET note = 'muutettu'`).run()).toThrow(/cannot be changed/);
      expect(() => db.prepare(`UPDATE agreement_version SET snapshot = '{}'`).run()).toThrow(/cannot be changed/);
      expect(() => db.prepare('DELETE FROM agreement_version').run()).toThrow(/cannot be deleted/);
    }, false);
    expect(withDb((db) => db.prepare('SELECT * FROM agreement_version').all())).toEqual(frozen);
  });

  it('a version cannot be dated before the previous one; a bad date or an over-long note is refused', () => {
    call(backend, 'agreement.saveVersion', { agreedOn: '2025-01-20', note: '' });
    expect(expectFail(backend.dispatch('agreement.saveVersion', { agreedOn: '2025-01-19', note: '' }), 'invalid_input').issues).toEqual([
      { path: 'agreedOn', message: 'agreedBeforePrevious' },
    ]);
    expect(expectFail(backend.dispatch('agreement.saveVersion', { agreedOn: '2025-02-30', note: 'x'.repeat(301) }), 'invalid_input').issues).toEqual([
      { path: 'agreedOn', message: 'invalidDate' },
      { path: 'note', message: 'tooLong' },
    ]);
    expect(agreement().versions).toHaveLength(1);
  });

  it('listAgreementGoals gives the latest agreed version’s goals, else the draft’s', () => {
    const goals = () => withDb((db) => listAgreementGoals(db));
    const draft = agreement().goals;
    expect(goals()).toEqual(draft);
    call(backend, 'agreement.saveVersion', { agreedOn: '2025-01-20', note: '' });
    call(backend, 'agreement.updateGoal', { id: draft[0]!.id, text: 'Luonnoksen muutos' });
    call(backend, 'agreement.addGoal', { kind: 'group', text: 'Uusi luonnostavoite' });
    expect(goals()).toEqual(draft);
    call(backend, 'agreement.saveVersion', { agreedOn: '2025-02-10', note: '' });
    expect(goals()[0]).toEqual({ id: draft[0]!.id, kind: 'organisation', text: 'Luonnoksen muutos' });
    expect(goals().at(-1)).toMatchObject({ kind: 'group', text: 'Uusi luonnostavoite' });
  });
});

describe('acceptance', () => {
  it('is recorded per member and version, can be taken back, and not dated before the version', () => {
    call(backend, 'agreement.start', { template: 'fi' });
    const v1 = call(backend, 'agreement.saveVersion', { agreedOn: '2025-01-20', note: '' });
    const [a, b] = call(backend, 'members.list', undefined);
    call(backend, 'agreement.setAcceptance', { versionId: v1.id, memberId: a!.id, acceptedOn: '2025-01-20' });
    call(backend, 'agreement.setAcceptance', { versionId: v1.id, memberId: b!.id, acceptedOn: '2025-01-22' });
    // a member who joined later accepts later
    const late = call(backend, 'members.add', { name: 'Åke Närhi', role: '', email: '' });
    const accepted = call(backend, 'agreement.setAcceptance', { versionId: v1.id, memberId: late.id, acceptedOn: '2025-03-03' });
    expect(accepted.acceptances).toEqual([
      { memberId: a!.id, acceptedOn: '2025-01-20' },
      { memberId: b!.id, acceptedOn: '2025-01-22' },
      { memberId: late.id, acceptedOn: '2025-03-03' },
    ]);
    call(backend, 'agreement.setAcceptance', { versionId: v1.id, memberId: b!.id, acceptedOn: null });
    expect(agreement().versions[0]!.acceptances.map((x) => x.memberId)).toEqual([a!.id, late.id]);
    expect(
      expectFail(backend.dispatch('agreement.setAcceptance', { versionId: v1.id, memberId: a!.id, acceptedOn: '2025-01-19' }), 'invalid_input').issues,
    ).toEqual([{ path: 'acceptedOn', message: 'acceptedBeforeAgreed' }]);
    expectFail(backend.dispatch('agreement.setAcceptance', { versionId: 99, memberId: a!.id, acceptedOn: '2025-02-01' }), 'not_found');
    expectFail(backend.dispatch('agreement.setAcceptance', { versionId: v1.id, memberId: 999, acceptedOn: '2025-02-01' }), 'not_found');
    // acceptance is part of the member's history
    expectFail(backend.dispatch('members.remove', { id: a!.id }), 'conflict');
  });
});

describe('migration 0003', () => {
  it('creates strict tables with their checks', () => {
    const { schema } = dumpDatabase(backend.databasePath);
    const tables = schema.filter((s) => s.type === 'table' && s.name.startsWith('agreement')).map((s) => s.name);
    expect(tables.sort()).toEqual(['agreement', 'agreement_acceptance', 'agreement_goal', 'agreement_rule', 'agreement_version']);
    for (const table of tables) expect(schema.find((s) => s.name === table)!.sql).toMatch(/\) STRICT$/);
    withDb((db) => {
      expect(() => db.prepare(`INSERT INTO agreement (id, started_from) VALUES (2, 'empty')`).run()).toThrow(/CHECK/);
      expect(() => db.prepare(`INSERT INTO agreement_goal (kind, text, position) VALUES ('boss', 'x', 1)`).run()).toThrow(/CHECK/);
      expect(() => db.prepare(`INSERT INTO agreement_version (number, agreed_on, snapshot) VALUES (1, '2025-01-01', 'not json')`).run()).toThrow(
        /CHECK/,
      );
    }, false);
  });
});
