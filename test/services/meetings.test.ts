import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SEARCH_MARK_END, SEARCH_MARK_START } from '@shared/domain';
import { call, createTestBackend, dumpDatabase, expectFail, makeTempDir, removeTempDirs, validSetup, type TestBackend, openStoreFile } from './helpers';

let backend: TestBackend;
let m1: number;
let m2: number;
let m3: number;

const plan = (number: number, plannedDate: string) =>
  call(backend, 'plan.add', { number, plannedDate, plannedMonth: null, plannedTheme: `Teema ${number}`, place: 'Kahvila Äijä', format: 'cafe' });

beforeEach(() => {
  backend = createTestBackend(makeTempDir());
  call(backend, 'programme.setup', validSetup());
  m1 = plan(1, '2025-02-03').id;
  m2 = plan(2, '2025-03-03').id;
  m3 = plan(3, '2025-04-07').id;
});
afterEach(() => {
  backend.close();
  removeTempDirs();
});

const members = () => call(backend, 'members.list', undefined);

describe('attendance', () => {
  it('records present and absent members with an optional reason, and clears a mark', () => {
    const [a, b, c] = members();
    call(backend, 'meetings.setAttendance', { meetingId: m1, memberId: a!.id, present: true, absenceReason: '' });
    call(backend, 'meetings.setAttendance', { meetingId: m1, memberId: b!.id, present: false, absenceReason: 'Lomalla Ylläksellä' });
    call(backend, 'meetings.setAttendance', { meetingId: m1, memberId: c!.id, present: true, absenceReason: 'ignored when present' });
    expect(call(backend, 'meetings.get', { id: m1 }).attendance).toEqual([
      { memberId: a!.id, present: true, absenceReason: '' },
      { memberId: b!.id, present: false, absenceReason: 'Lomalla Ylläksellä' },
      { memberId: c!.id, present: true, absenceReason: '' },
    ]);
    expect(call(backend, 'meetings.overview', undefined)[0]).toMatchObject({ presentCount: 2, markedCount: 3 });
    call(backend, 'meetings.setAttendance', { meetingId: m1, memberId: c!.id, present: null, absenceReason: '' });
    expect(call(backend, 'meetings.get', { id: m1 }).attendance).toHaveLength(2);
  });

  it('refuses an unknown member or meeting, and a member with attendance cannot be removed', () => {
    const [a] = members();
    expectFail(backend.dispatch('meetings.setAttendance', { meetingId: m1, memberId: 999, present: true, absenceReason: '' }), 'not_found');
    expectFail(backend.dispatch('meetings.setAttendance', { meetingId: 999, memberId: a!.id, present: true, absenceReason: '' }), 'not_found');
    call(backend, 'meetings.setAttendance', { meetingId: m1, memberId: a!.id, present: true, absenceReason: '' });
    expectFail(backend.dispatch('members.remove', { id: a!.id }), 'conflict');
    expect(members()).toHaveLength(3);
  });
});

describe('themes', () => {
  it('are reusable tags: the same name in any letter case is one theme, counted per meeting', () => {
    call(backend, 'themes.addToMeeting', { meetingId: m1, name: 'Työhyvinvointi' });
    call(backend, 'themes.addToMeeting', { meetingId: m1, name: 'Muutosjohtaminen' });
    call(backend, 'themes.addToMeeting', { meetingId: m2, name: 'työhyvinvointi' });
    call(backend, 'themes.addToMeeting', { meetingId: m2, name: 'Työhyvinvointi' }); // twice: no duplicate
    expect(call(backend, 'themes.list', undefined)).toEqual([
      { id: expect.any(Number), name: 'Työhyvinvointi', meetings: 2 },
      { id: expect.any(Number), name: 'Muutosjohtaminen', meetings: 1 },
    ]);
    expect(call(backend, 'meetings.get', { id: m2 }).themes.map((t) => t.name)).toEqual(['Työhyvinvointi']);
  });

  it('forgets a theme no meeting uses any more', () => {
    const detail = call(backend, 'themes.addToMeeting', { meetingId: m1, name: 'Kiire' });
    call(backend, 'themes.removeFromMeeting', { meetingId: m1, themeId: detail.themes[0]!.id });
    expect(call(backend, 'themes.list', undefined)).toEqual([]);
  });
});

describe('actions', () => {
  it('flow open → done / dropped, carry over while open, and are listed by status and member', () => {
    const [a, b] = members();
    const own = call(backend, 'actions.add', { meetingId: m1, text: 'Kokeilla kävelypalaveria', ownerMemberId: a!.id, dueDate: '2025-03-01' });
    const group = call(backend, 'actions.add', { meetingId: m1, text: 'Koko ryhmä lukee artikkelin', ownerMemberId: null, dueDate: null });
    const other = call(backend, 'actions.add', { meetingId: m1, text: 'Selvittää koulutusbudjetti', ownerMemberId: b!.id, dueDate: null });
    expect(own).toMatchObject({ status: 'open', meetingNumber: 1, reviewedInId: null });

    // Meeting 2 opens with every open action of meeting 1 to review.
    expect(call(backend, 'meetings.get', { id: m2 }).carriedOver.map((x) => x.id)).toEqual([own.id, group.id, other.id]);
    call(backend, 'actions.setStatus', { id: own.id, status: 'done', reviewedInId: m2 });
    call(backend, 'actions.setStatus', { id: other.id, status: 'dropped', reviewedInId: m2 });
    // Reviewed ones stay visible in meeting 2; meeting 3 only sees what is still open.
    expect(call(backend, 'meetings.get', { id: m2 }).carriedOver.map((x) => [x.id, x.status])).toEqual([
      [own.id, 'done'],
      [group.id, 'open'],
      [other.id, 'dropped'],
    ]);
    expect(call(backend, 'meetings.get', { id: m3 }).carriedOver.map((x) => x.id)).toEqual([group.id]);
    expect(call(backend, 'meetings.get', { id: m1 }).carriedOver).toEqual([]);

    expect(call(backend, 'actions.list', { status: 'open', memberId: null }).map((x) => x.id)).toEqual([group.id]);
    expect(call(backend, 'actions.list', { status: null, memberId: a!.id }).map((x) => x.id)).toEqual([own.id]);
    expect(call(backend, 'actions.list', { status: 'dropped', memberId: b!.id }).map((x) => x.id)).toEqual([other.id]);
    expect(call(backend, 'meetings.overview', undefined).map((m) => m.openActions)).toEqual([1, 0, 0]);
  });

  it('refuses an action without text or with a due date before its meeting, and saves nothing', () => {
    const before = dumpDatabase(backend.databasePath);
    const empty = expectFail(backend.dispatch('actions.add', { meetingId: m1, text: '  ', ownerMemberId: null, dueDate: null }), 'invalid_input');
    expect(empty.issues).toEqual([{ path: 'text', message: 'required' }]);
    const early = expectFail(
      backend.dispatch('actions.add', { meetingId: m2, text: 'Liian aikaisin', ownerMemberId: null, dueDate: '2025-03-02' }),
      'invalid_input',
    );
    expect(early.issues).toEqual([{ path: 'dueDate', message: 'dueBeforeMeeting' }]);
    expectFail(backend.dispatch('actions.add', { meetingId: m1, text: 'Kuka?', ownerMemberId: 999, dueDate: null }), 'not_found');
    expect(dumpDatabase(backend.databasePath)).toEqual(before);
  });
});

describe('notes, tasks and ideas', () => {
  it('keeps ideas to forward apart from notes and tasks, in their own table', () => {
    call(backend, 'meetings.saveNotes', { id: m1, notes: 'Luottamuksellinen: Jää kertoi jaksamisestaan.' });
    call(backend, 'tasks.add', { meetingId: m1, text: 'Kirjoita oppimispäiväkirjaan' });
    call(backend, 'ideas.add', { meetingId: m1, text: 'Esihenkilöille yhteinen perehdytyspäivä' });
    const detail = call(backend, 'meetings.get', { id: m1 });
    expect(detail.ideas.map((i) => i.text)).toEqual(['Esihenkilöille yhteinen perehdytyspäivä']);
    expect(detail.tasks.map((t) => t.text)).toEqual(['Kirjoita oppimispäiväkirjaan']);
    const raw = openStoreFile(backend.databasePath, { readonly: true });
    expect(raw.prepare('SELECT text FROM idea_to_forward').all()).toEqual([{ text: 'Esihenkilöille yhteinen perehdytyspäivä' }]);
    expect(raw.prepare("SELECT count(*) AS n FROM idea_to_forward WHERE text LIKE '%Luottamuksellinen%'").get()).toEqual({ n: 0 });
    raw.close();
  });

  it('stores a 1 MB paste, emoji and right-to-left text exactly', () => {
    const big = 'Äänekoski ö '.repeat(90_000); // ~1 MB
    const mixed = 'Hyvä tapaaminen 🧡👍 — שלום עולם — مرحبا';
    call(backend, 'meetings.saveNotes', { id: m1, notes: big });
    expect(call(backend, 'meetings.get', { id: m1 }).notes).toBe(big);
    call(backend, 'meetings.saveNotes', { id: m1, notes: mixed });
    expect(call(backend, 'meetings.get', { id: m1 }).notes).toBe(mixed);
  });

  it('refuses notes over the limit with a clear message and keeps what was saved', () => {
    call(backend, 'meetings.saveNotes', { id: m1, notes: 'Tallessa' });
    const error = expectFail(backend.dispatch('meetings.saveNotes', { id: m1, notes: 'x'.repeat(2_000_001) }), 'invalid_input');
    expect(error.issues).toEqual([{ path: 'notes', message: 'notesTooLong' }]);
    expect(call(backend, 'meetings.get', { id: m1 }).notes).toBe('Tallessa');
  });

  it('a planned meeting with notes cannot be removed from the plan; an empty one can', () => {
    call(backend, 'meetings.saveNotes', { id: m1, notes: 'Jotain kirjattua' });
    expectFail(backend.dispatch('plan.remove', { id: m1 }), 'conflict');
    call(backend, 'ideas.add', { meetingId: m2, text: 'Idea' });
    expectFail(backend.dispatch('plan.remove', { id: m2 }), 'conflict');
    expect(call(backend, 'plan.remove', { id: m3 })).toEqual({ id: m3 });
    expect(call(backend, 'meetings.overview', undefined).map((m) => m.number)).toEqual([1, 2]);
  });

  it('notes of blank space only are not content: the plan says so, and the meeting can be removed', () => {
    call(backend, 'meetings.saveNotes', { id: m1, notes: 'Jotain kirjattua' });
    call(backend, 'meetings.saveNotes', { id: m3, notes: ' \n\t ' });
    expect(call(backend, 'meetings.get', { id: m3 }).notes).toBe(' \n\t '); // kept as typed
    const plan = call(backend, 'plan.list', undefined);
    expect(plan.map((m) => [m.id, m.hasContent])).toEqual([[m1, true], [m2, false], [m3, false]]);
    expectFail(backend.dispatch('plan.remove', { id: m1 }), 'conflict');
    expect(call(backend, 'plan.remove', { id: m3 })).toEqual({ id: m3 });
    expect(call(backend, 'plan.list', undefined).map((m) => m.id)).toEqual([m1, m2]);
  });
});

describe('next meeting', () => {
  it('moves the next planned meeting (keeping its history) or adds one', () => {
    call(backend, 'meetings.setNext', { meetingId: m1, plannedDate: '2025-03-10', plannedTheme: 'Palautteen antaminen' });
    const moved = call(backend, 'plan.list', undefined).find((p) => p.id === m2)!;
    expect(moved).toMatchObject({ plannedDate: '2025-03-10', plannedTheme: 'Palautteen antaminen' });
    expect(moved.history.map((h) => [h.kind, h.oldValue, h.newValue])).toEqual([
      ['moved', '2025-03-03', '2025-03-10'],
      ['rethemed', 'Teema 2', 'Palautteen antaminen'],
    ]);
    const detail = call(backend, 'meetings.setNext', { meetingId: m3, plannedDate: '2025-05-05', plannedTheme: 'Loppuarviointi' });
    expect(detail.next).toMatchObject({ number: 4, plannedDate: '2025-05-05', plannedTheme: 'Loppuarviointi' });
  });

  it('refuses a next date before this meeting or outside the programme', () => {
    const early = expectFail(backend.dispatch('meetings.setNext', { meetingId: m2, plannedDate: '2025-03-01', plannedTheme: '' }), 'invalid_input');
    expect(early.issues).toEqual([{ path: 'plannedDate', message: 'nextBeforeCurrent' }]);
    const late = expectFail(backend.dispatch('meetings.setNext', { meetingId: m3, plannedDate: '2025-12-01', plannedTheme: '' }), 'invalid_input');
    expect(late.issues).toEqual([{ path: 'plannedDate', message: 'outsideProgramme' }]);
    expect(call(backend, 'meetings.overview', undefined)).toHaveLength(3);
  });
});

describe('search', () => {
  beforeEach(() => {
    call(backend, 'meetings.saveNotes', { id: m1, notes: 'Puhuimme kehityskeskusteluista ja työssäjaksamisesta.' });
    call(backend, 'actions.add', { meetingId: m2, text: 'Kokeile säännöllistä kävelypalaveria', ownerMemberId: null, dueDate: null });
    call(backend, 'ideas.add', { meetingId: m2, text: 'Yhteinen sääntö etätyöhön' });
    call(backend, 'tasks.add', { meetingId: m3, text: 'Lue artikkeli saa-alustuksesta' });
    call(backend, 'themes.addToMeeting', { meetingId: m3, name: 'Työssäoppiminen' });
  });

  it('finds words by prefix across notes, actions, ideas, tasks and themes, grouped by meeting', () => {
    const groups = call(backend, 'search.query', { query: 'kehitys' }).groups;
    expect(groups.map((g) => g.number)).toEqual([1]);
    expect(groups[0]!.hits).toEqual([{ kind: 'notes', refId: m1, snippet: expect.stringContaining(`${SEARCH_MARK_START}kehityskeskusteluista${SEARCH_MARK_END}`) }]);
    expect(call(backend, 'search.query', { query: 'työssä' }).groups.map((g) => [g.number, g.hits.map((h) => h.kind)])).toEqual([
      [1, ['notes']],
      [3, ['theme']],
    ]);
  });

  it('keeps ä and ö distinct from a and o', () => {
    // "sää" must find säännöllistä and sääntö, but not "saa-alustuksesta".
    const hits = call(backend, 'search.query', { query: 'sää' }).groups.flatMap((g) => g.hits.map((h) => h.kind));
    expect(hits.sort()).toEqual(['action', 'idea']);
    expect(call(backend, 'search.query', { query: 'saa' }).groups.flatMap((g) => g.hits.map((h) => h.kind))).toEqual(['task']);
  });

  it('counts every match but makes snippets for the first page only', () => {
    for (let i = 0; i < 70; i++) call(backend, 'tasks.add', { meetingId: m1, text: `Kehitystehtävä ${i}` });
    const result = call(backend, 'search.query', { query: 'kehitys' });
    expect(result.total).toBe(71);
    expect(result.groups.flatMap((g) => g.hits)).toHaveLength(60);
    expect(result.groups.flatMap((g) => g.hits).every((h) => h.snippet.includes(SEARCH_MARK_START))).toBe(true);
  });

  it('treats the query as words, never as search syntax, and follows edits and deletions', () => {
    expect(call(backend, 'search.query', { query: '"kehitys* ( ^' }).groups).toHaveLength(1);
    expect(call(backend, 'search.query', { query: 'kehitys OR jaksamisesta' }).total).toBe(0); // words are ANDed; OR is a word
    call(backend, 'meetings.saveNotes', { id: m1, notes: 'Uusi sisältö' });
    expect(call(backend, 'search.query', { query: 'kehitys' }).total).toBe(0);
    const idea = call(backend, 'meetings.get', { id: m2 }).ideas[0]!;
    call(backend, 'ideas.remove', { id: idea.id });
    expect(call(backend, 'search.query', { query: 'sääntö' }).total).toBe(0);
    expectFail(backend.dispatch('search.query', { query: '   ' }), 'invalid_input');
  });

  it('finds the words NEAR, OR and NOT as typed: FTS5 operators typed by the user are words, not operators', () => {
    call(backend, 'meetings.saveNotes', { id: m2, notes: 'Kirjattiin near miss -tilanteet: valitaan x OR y, NOT-lista pidetään.' });
    const found = (query: string) => call(backend, 'search.query', { query }).groups.map((g) => [g.number, g.hits.map((h) => h.kind)]);
    const inNote = [[2, ['notes']]];
    expect(found('NEAR')).toEqual(inNote);
    expect(found('near')).toEqual(inNote);
    expect(found('NOT')).toEqual(inNote); // as an operator, a syntax error
    expect(found('miss NEAR tilanteet')).toEqual(inNote);
    expect(found('"x" OR y')).toEqual(inNote);
    expect(found('x NOT y')).toEqual(inNote); // as an operator, "x but not y": nothing
    // As an operator, "x OR kehitys" would find meetings 1 and 2; as words, no text holds all three.
    expect(found('x OR kehitys')).toEqual([]);
    expect(found('x AND y')).toEqual([]); // the note has no word "and"
  });

  it('finds notes as last saved, however many autosaves came between searches', () => {
    for (const draft of ['Luonnos yksi', 'Luonnos kaksi', 'Luonnos kolme', 'Valmis muistiinpano']) {
      call(backend, 'meetings.saveNotes', { id: m1, notes: draft });
    }
    expect(call(backend, 'search.query', { query: 'valmis' }).groups.map((g) => g.number)).toEqual([1]);
    expect(call(backend, 'search.query', { query: 'luonnos' }).total).toBe(0);
    expect(call(backend, 'search.query', { query: 'kehitys' }).total).toBe(0);
    call(backend, 'meetings.saveNotes', { id: m1, notes: 'Toinen versio' });
    call(backend, 'meetings.saveNotes', { id: m1, notes: 'Kolmas versio' });
    expect(call(backend, 'search.query', { query: 'versio' }).total).toBe(1);
    expect(call(backend, 'search.query', { query: 'kolmas' }).total).toBe(1);
    // Emptied notes leave the index at once.
    call(backend, 'meetings.saveNotes', { id: m1, notes: '' });
    expect(call(backend, 'search.query', { query: 'kolmas' }).total).toBe(0);
    expect(call(backend, 'meetings.get', { id: m1 }).notes).toBe('');
  });

  it('keeps notes and reasons for absence out of the shareable meeting and attendance rows', () => {
    const [a] = members();
    call(backend, 'meetings.saveNotes', { id: m2, notes: 'Luottamuksellinen muistiinpano' });
    call(backend, 'meetings.setAttendance', { meetingId: m2, memberId: a!.id, present: false, absenceReason: 'Luottamuksellinen syy' });
    const { rows } = dumpDatabase(backend.databasePath);
    expect(JSON.stringify({ meeting: rows['meeting'], attendance: rows['attendance'] })).not.toContain('Luottamuksellinen');
    expect(rows['meeting_note']).toContainEqual({ meeting_id: m2, text: 'Luottamuksellinen muistiinpano', updated_at: expect.any(String) });
    expect(rows['absence_reason']).toEqual([{ meeting_id: m2, member_id: a!.id, reason: 'Luottamuksellinen syy' }]);
    // Present again: the reason goes; the mark cleared: the reason goes with it.
    call(backend, 'meetings.setAttendance', { meetingId: m2, memberId: a!.id, present: true, absenceReason: '' });
    expect(dumpDatabase(backend.databasePath).rows['absence_reason']).toEqual([]);
    call(backend, 'meetings.setAttendance', { meetingId: m2, memberId: a!.id, present: false, absenceReason: 'Toinen syy' });
    call(backend, 'meetings.setAttendance', { meetingId: m2, memberId: a!.id, present: null, absenceReason: '' });
    expect(dumpDatabase(backend.databasePath).rows['absence_reason']).toEqual([]);
  });
});
