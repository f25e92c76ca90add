import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, callAsync, createTestBackend, expectFail, makeTempDir, removeTempDirs, type TestBackend } from './helpers';
import { backendCaller, buildLeakFixture, SECRET } from './summary-fixture';

/**
 * The meeting brief: one confidential page for the facilitator before a meeting, read from the
 * PDF with pdftotext. It holds the plan's facts, the ground rules, the open actions with their
 * owners, the previous meeting's tasks, who will be away (names only) and the chosen prompts;
 * never notes, reasons for absence or feedback answers. The summary cannot reach it.
 */
let backend: TestBackend;
let dir: string;

beforeEach(() => {
  dir = makeTempDir();
  backend = createTestBackend(dir);
});
afterEach(() => {
  backend.close();
  removeTempDirs();
});

async function briefPdf(meetingId: number, language: 'fi' | 'en') {
  const file = await callAsync(backend, 'brief.export', { meetingId, language });
  if (file.delivery !== 'download') throw new Error('expected the bytes');
  expect(file.mimeType).toBe('application/pdf');
  const path = join(dir, `brief-${language}.pdf`);
  writeFileSync(path, Buffer.from(file.base64, 'base64'));
  return { fileName: file.fileName, text: execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }) };
}

/** A meeting after the leak fixture's six held ones, with a theme, two prompts and a member away. */
async function nextMeeting() {
  const fixture = await buildLeakFixture(backendCaller(backend));
  const { id } = call(backend, 'plan.add', { plannedDate: '2026-05-04', plannedMonth: null, plannedTheme: 'Palautteen antaminen', place: 'Neuvotteluhuone Kuusi', format: 'office' });
  call(backend, 'meetings.setTiming', { id, startTime: '13:00', plannedMinutes: 90 });
  call(backend, 'prompts.add', { meetingId: id, moment: 'checkin', bankKey: 'during.since', text: '' });
  call(backend, 'prompts.add', { meetingId: id, moment: 'closing', bankKey: null, text: 'Mitä kokeilen huomenna?' });
  const member = call(backend, 'members.list', undefined)[1]!;
  call(backend, 'meetings.setAttendance', { meetingId: id, memberId: member.id, present: false, absenceReason: `${SECRET}-reason-brief` });
  return { fixture, id, away: member.name };
}

const normal = (text: string) => text.replace(/\s+/g, ' ');

describe('the meeting brief', () => {
  it('prints what the facilitator needs before the meeting, marked confidential, in Finnish', { timeout: 60_000 }, async () => {
    const { fixture, id, away } = await nextMeeting();
    const { fileName, text } = await briefPdf(id, 'fi');
    const page = normal(text);
    expect(fileName).toBe('muistilista-tapaaminen-7.pdf');
    expect(page).toContain('Muistilista: tapaaminen 7');
    expect(page).toContain('LUOTTAMUKSELLINEN');
    expect(page).toContain('Palautteen antaminen');
    expect(page).toContain('Neuvotteluhuone Kuusi');
    expect(page).toContain('90 min');
    expect(page).toContain('Mitä on tapahtunut edellisen tapaamisen jälkeen?');
    expect(page).toContain('Mitä kokeilen huomenna?');
    expect(page).toContain(away);
    // The open actions of every earlier meeting, with the owner; the previous meeting's tasks.
    const actions = fixture.secrets.filter((m) => m.includes('-action-'));
    expect(actions).toHaveLength(6);
    for (const action of actions) expect(page).toContain(action);
    expect(page).toContain('Önni Mäkelä');
    const tasks = fixture.secrets.filter((m) => m.includes('-task-'));
    expect(page).toContain(tasks.at(-1));
    expect(tasks.slice(0, -1).filter((m) => page.includes(m))).toEqual([]);
    // Never what was said: notes, reasons for absence, feedback answers.
    const never = fixture.secrets.filter((m) => !m.includes('-action-') && !m.includes('-task-'));
    expect(never.length).toBeGreaterThan(30);
    expect(never.filter((m) => page.includes(m))).toEqual([]);
    expect(page).not.toContain('reason-brief');
  });

  it('in English, the same page on screen as on paper', { timeout: 60_000 }, async () => {
    const { id } = await nextMeeting();
    const { text } = await briefPdf(id, 'en');
    const page = normal(text);
    expect(page).toContain('Brief: meeting 7');
    expect(page).toContain('CONFIDENTIAL');
    expect(page).toContain('What has happened since the last meeting?');
    const onScreen = call(backend, 'brief.get', { meetingId: id, language: 'en' });
    expect(onScreen.blocks.find((b) => b.type === 'notice')).toMatchObject({ text: expect.stringContaining('never part of the management summary') });
    for (const block of onScreen.blocks) if (block.type === 'field') expect(page).toContain(block.value);
  });

  it('refuses a meeting that does not exist, and a language it does not speak', async () => {
    expectFail(backend.dispatch('brief.get', { meetingId: 999, language: 'fi' }), 'not_found');
    expectFail(backend.dispatch('brief.get', { meetingId: 1, language: 'sv' }), 'invalid_input');
  });
});

describe('the summary cannot reach the brief or the early warnings', () => {
  const SERVICES = resolve('electron/main/services');
  /** Every module a file imports, followed through relative imports. */
  function reach(start: string, seen = new Set<string>()): Set<string> {
    if (seen.has(start)) return seen;
    seen.add(start);
    const source = readFileSync(start, 'utf8');
    for (const [, spec] of source.matchAll(/from\s+'(\.[^']+)'/g)) reach(`${resolve(dirname(start), spec!)}.ts`, seen);
    return seen;
  }

  // The summary's read model (what its document is made of) and the feedback door. The summary's
  // export handler reaches export/jobs.ts, the worker's switch over every kind of export, the brief
  // among them: that is where the brief's own job runs, not a way for the summary to read it.
  it('no module of the summary read model or the feedback door imports the brief or the health rules, even through another', () => {
    const roots = ['summary/document.ts', 'summary/sources.ts', 'summary/labels.ts', 'feedback/shareable.ts'].map((f) => join(SERVICES, f));
    expect(readdirSync(join(SERVICES, 'summary'))).toEqual(expect.arrayContaining(['document.ts', 'sources.ts', 'labels.ts']));
    const reached = new Set(roots.flatMap((root) => [...reach(root)]));
    // The premise: the walk does follow imports (the summary's document reaches its labels).
    expect(reached.has(join(SERVICES, 'summary', 'labels.ts'))).toBe(true);
    expect(reached.size).toBeGreaterThan(roots.length);
    for (const folder of ['brief', 'health']) expect([...reached].filter((file) => file.includes(`${join(SERVICES, folder)}/`))).toEqual([]);
  });
});
