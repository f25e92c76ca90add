import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { easterSunday, firstWorkingDay } from '../../electron/main/services/calendar/days';
import { call, callAsync, createTestBackend, expectFail, makeTempDir, openStoreFile, removeTempDirs, validSetup, type TestBackend } from './helpers';
import { backendCaller, buildLeakFixture, SECRET } from './summary-fixture';

/**
 * The meeting plan as an .ics file, read back with a real calendar parser (ical.js): one event per
 * dated meeting, stable UIDs, SEQUENCE raised by a change, cancelled and tentative events, and
 * nothing but the plan's own facts.
 */
let backend: TestBackend;

beforeEach(() => {
  backend = createTestBackend(makeTempDir());
});
afterEach(() => {
  backend.close();
  removeTempDirs();
});

interface Parsed {
  uid: string;
  sequence: number;
  summary: string;
  description: string;
  location: string | null;
  status: string | null;
  start: string;
  allDay: boolean;
  minutes: number;
}

/** The file as a calendar sees it: every VEVENT through ical.js. */
function parse(text: string): { name: string | null; method: string | null; events: Parsed[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    const start = event.startDate;
    return {
      uid: event.uid,
      sequence: Number(component.getFirstPropertyValue('sequence')),
      summary: event.summary,
      description: event.description,
      location: event.location || null,
      status: (component.getFirstPropertyValue('status') as string | null) ?? null,
      start: start.toString(),
      allDay: start.isDate,
      minutes: Math.round(event.duration.toSeconds() / 60),
    };
  });
  return {
    name: calendar.getFirstPropertyValue('x-wr-calname') as string | null,
    method: calendar.getFirstPropertyValue('method') as string | null,
    events,
  };
}

async function exportIcs(language: 'fi' | 'en' = 'fi') {
  const file = await callAsync(backend, 'calendar.export', { language });
  if (file.delivery !== 'download') throw new Error('expected the bytes');
  expect(file.mimeType).toBe('text/calendar');
  expect(file.fileName).toMatch(/\.ics$/);
  return { fileName: file.fileName, text: Buffer.from(file.base64, 'base64').toString('utf8') };
}

function setUpPlan() {
  call(backend, 'programme.setup', validSetup());
  const add = (plannedDate: string | null, plannedMonth: string | null, plannedTheme: string, place: string, format: 'cafe' | 'office' | 'remote' | null) =>
    call(backend, 'plan.add', { plannedDate, plannedMonth, plannedTheme, place, format }).id;
  const ids = [
    add('2025-02-03', null, 'Tutustuminen ja pelisäännöt', 'Kahvila Äijä', 'cafe'),
    add(null, '2025-03', 'Työhyvinvointi', 'Neuvotteluhuone Kuusi', 'office'),
    add('2025-04-07', null, '', '', 'remote'),
    add(null, null, 'Päivä auki', '', null),
  ];
  call(backend, 'meetings.setTiming', { id: ids[0]!, startTime: '17:30', plannedMinutes: 120 });
  call(backend, 'meetings.setTiming', { id: ids[2]!, startTime: '09:00', plannedMinutes: 90 });
  return ids;
}

describe('the calendar file', () => {
  it('has one event per dated meeting, with its time, length, place and theme, in Finnish', async () => {
    setUpPlan();
    const { fileName, text } = await exportIcs('fi');
    expect(fileName).toBe('Vertaisryhmä-Jyväskylä-tapaamiset.ics');
    const parsed = parse(text);
    expect(parsed.method).toBe('PUBLISH');
    expect(parsed.name).toBe('Vertaisryhmä Jyväskylä');
    expect(parsed.events).toHaveLength(3); // meeting 4 has neither a date nor a month
    const [first, second, third] = parsed.events;
    expect(first).toMatchObject({
      summary: 'Tutustuminen ja pelisäännöt',
      location: 'Kahvila Äijä',
      status: 'CONFIRMED',
      start: '2025-02-03T17:30:00',
      allDay: false,
      minutes: 120,
      sequence: 0,
    });
    expect(first!.description).toContain('Vertaisryhmä Jyväskylä, tapaaminen 1.');
    expect(first!.description).toContain('Muoto: kahvila.');
    expect(first!.description).toContain('Kesto: 2 t.');
    // Only the month is planned: the first working day of March 2025 (Saturday the 1st → Monday the 3rd), tentative, all day.
    expect(second).toMatchObject({ summary: 'Työhyvinvointi', status: 'TENTATIVE', start: '2025-03-03', allDay: true });
    expect(second!.description).toContain('maaliskuu 2025');
    // No theme: the meeting's name; a remote meeting without a place says so.
    expect(third).toMatchObject({ summary: 'Vertaisryhmän tapaaminen 3', location: 'etänä', start: '2025-04-07T09:00:00', minutes: 90 });
    // Floating local times: no time zone, no UTC mark.
    expect(text).toContain('DTSTART:20250203T173000\r\n');
    expect(new Set(parsed.events.map((e) => e.uid)).size).toBe(3);
  });

  it('speaks English when asked', async () => {
    setUpPlan();
    const { fileName, text } = await exportIcs('en');
    expect(fileName).toBe('Vertaisryhmä-Jyväskylä-meetings.ics');
    const events = parse(text).events;
    expect(events[0]!.description).toContain('Vertaisryhmä Jyväskylä, meeting 1.');
    expect(events[0]!.description).toContain('Format: café.');
    expect(events[1]!.description).toContain('March 2025');
    expect(events[2]!.summary).toBe('Peer group meeting 3');
  });

  it('keeps each UID and raises SEQUENCE only for the meeting that changed', async () => {
    const ids = setUpPlan();
    const before = parse((await exportIcs()).text).events;
    const again = parse((await exportIcs()).text).events;
    expect(again.map((e) => [e.uid, e.sequence])).toEqual(before.map((e) => [e.uid, 0]));

    const moved = call(backend, 'plan.list', undefined).find((m) => m.id === ids[0])!;
    call(backend, 'plan.update', { ...moved, plannedDate: '2025-02-10' });
    expect(call(backend, 'calendar.preview', { language: 'fi' }).events.map((e) => [e.number, e.change, e.sequence])).toEqual([
      [1, 'changed', 1],
      [2, 'same', 0],
      [3, 'same', 0],
    ]);
    const after = parse((await exportIcs()).text).events;
    expect(after.map((e) => e.uid)).toEqual(before.map((e) => e.uid));
    expect(after[0]).toMatchObject({ start: '2025-02-10T17:30:00', sequence: 1 });
    expect(after.slice(1).map((e) => e.sequence)).toEqual([0, 0]);
    // Moved once more: one more revision.
    call(backend, 'plan.update', { ...moved, plannedDate: '2025-02-17' });
    expect(parse((await exportIcs()).text).events[0]).toMatchObject({ uid: before[0]!.uid, start: '2025-02-17T17:30:00', sequence: 2 });
  });

  it('sends a cancelled meeting as STATUS:CANCELLED under its own UID, and a removed one as cancelled too', async () => {
    const ids = setUpPlan();
    const before = parse((await exportIcs()).text).events;
    call(backend, 'plan.cancel', { id: ids[1]!, cancelled: true });
    call(backend, 'plan.remove', { id: ids[2]! });
    const { text } = await exportIcs();
    expect(text).toContain('STATUS:CANCELLED');
    const after = parse(text).events;
    expect(after).toHaveLength(3);
    const cancelled = after.find((e) => e.uid === before[1]!.uid)!;
    expect(cancelled).toMatchObject({ status: 'CANCELLED', sequence: 1, summary: 'Peruttu: Työhyvinvointi' });
    const removed = after.find((e) => e.uid === before[2]!.uid)!;
    expect(removed).toMatchObject({ status: 'CANCELLED', sequence: 1, start: '2025-04-07T09:00:00' });
    // Exported again unchanged: the same revisions.
    expect(parse((await exportIcs()).text).events.map((e) => e.sequence)).toEqual(after.map((e) => e.sequence));
    // Restored: confirmed again (tentative, as only its month is planned), one revision later.
    call(backend, 'plan.cancel', { id: ids[1]!, cancelled: false });
    expect(parse((await exportIcs()).text).events.find((e) => e.uid === before[1]!.uid)).toMatchObject({ status: 'TENTATIVE', sequence: 2 });
  });

  it('a meeting the calendar holds can still be removed from the plan (the export is not a record of it)', async () => {
    const ids = setUpPlan();
    await exportIcs();
    expect(call(backend, 'plan.list', undefined).find((m) => m.id === ids[2])!.hasContent).toBe(false);
    expect(call(backend, 'plan.remove', { id: ids[2]! })).toEqual({ id: ids[2] });
  });

  it('refuses a language it does not speak, and changes nothing', async () => {
    setUpPlan();
    const refused = await backend.call('calendar.export', { language: 'sv' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).toMatchObject({ code: 'invalid_input', issues: [{ path: 'language', message: 'invalidLanguage' }] });
    expect(call(backend, 'calendar.preview', { language: 'fi' }).lastExportedAt).toBeNull();
    expectFail(backend.dispatch('calendar.preview', { language: 'sv' }), 'invalid_input');
  });

  it('holds no notes, actions, tasks, reasons or answers (marker test)', async () => {
    const fixture = await buildLeakFixture(backendCaller(backend));
    // The premise: the markers are in the store, in the meetings that go into the file.
    const db = openStoreFile(backend.databasePath, { readonly: true });
    const stored = ['meeting_note', 'action', 'task', 'absence_reason', 'feedback_answer']
      .map((table) => JSON.stringify(db.prepare(`SELECT * FROM "${table}"`).all()))
      .join('\n');
    db.close();
    expect(fixture.secrets.length).toBeGreaterThan(50);
    // All but the quote the fixture saw refused (it was never stored).
    const kept = fixture.secrets.filter((marker) => !marker.includes('small-round quote'));
    expect(kept.length).toBe(fixture.secrets.length - 1);
    expect(kept.filter((marker) => !stored.includes(marker))).toEqual([]);
    for (const language of ['fi', 'en'] as const) {
      const { text } = await exportIcs(language);
      expect(parse(text).events.length).toBe(fixture.meetingIds.length);
      // Unfolded (a long line may be folded inside a marker), then searched.
      const unfolded = text.replace(/\r\n[ \t]/g, '');
      expect(fixture.secrets.filter((marker) => unfolded.includes(marker))).toEqual([]);
      expect(unfolded).not.toContain(SECRET);
    }
  });
});

describe('the first working day of a month', () => {
  it('skips weekends and the Finnish public holidays that can open a month', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2000)).toBe('2000-04-23');
    expect(firstWorkingDay('2025-03')).toBe('2025-03-03'); // Saturday 1st
    expect(firstWorkingDay('2026-01')).toBe('2026-01-02'); // New Year's Day on Thursday
    expect(firstWorkingDay('2027-05')).toBe('2027-05-03'); // May Day on Saturday
    expect(firstWorkingDay('2026-05')).toBe('2026-05-04'); // May Day on Friday, then the weekend
    expect(firstWorkingDay('2024-04')).toBe('2024-04-02'); // Easter Monday on the 1st
    expect(firstWorkingDay('2027-04')).toBe('2027-04-01'); // Thursday, before Good Friday the 26th of March? no: Easter 2027 is 28 March
    expect(firstWorkingDay('2000-06')).toBe('2000-06-02'); // Ascension Day on Thursday the 1st
    expect(firstWorkingDay('2026-10')).toBe('2026-10-01'); // an ordinary Thursday
  });
});
