import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_SECTIONS_ON, type SummarySections } from '@shared/domain';
import type { Block } from '../../electron/main/services/export/model';
import { fill, SUMMARY_LABELS } from '../../electron/main/services/summary/labels';
import { call, callAsync, createTestBackend, makeTempDir, openStoreFile, removeTempDirs, type TestBackend } from './helpers';

/**
 * The summary's document model, value by value, on a programme built so that each rule shows:
 * attendance with and without names, a planned and a cancelled meeting that must not count, a
 * chart whose meetings have different means, a question with too few answers on one side, a
 * declining self-check dimension, a choice question two answered, an open session. The words come
 * from the summary's own labels (summary/labels.ts), so the checks are about structure and values.
 */
const l = SUMMARY_LABELS.fi;
const MEMBERS = ['Aino Aalto', 'Bertta Berg', 'Cecilia Cruz', 'Daniel Dahl'];
const SETUP = {
  programme: { name: 'Pilotti Kuopio', organisation: 'Savon virasto', facilitatorName: 'Fanni Fasilitaattori', startDate: '2025-01-13', endDate: '2025-06-15' },
  members: MEMBERS.map((name) => ({ name, role: '', email: '' })),
};

type Doc = { title: string; blocks: Block[] };
type Answer = number | string | null;

const backends: TestBackend[] = [];
afterAll(() => {
  for (const backend of backends) backend.close();
  removeTempDirs();
});

function group(): { backend: TestBackend; members: number[] } {
  const backend = createTestBackend(makeTempDir());
  backends.push(backend);
  call(backend, 'programme.setup', SETUP);
  return { backend, members: call(backend, 'members.list', undefined).map((m) => m.id) };
}

const addMeeting = (backend: TestBackend, number: number, plannedDate: string, place: string) =>
  call(backend, 'plan.add', { number, plannedDate, plannedMonth: null, plannedTheme: '', place, format: 'office' }).id;

/** Submits one respondent per entry of `rows` (values by preset; null: left blank), then ends the session unless `keepOpen`. */
async function session(
  backend: TestBackend,
  start: { instrument: 'round' | 'selfcheck' | 'evaluation'; meetingId?: number; phase?: 'start' | 'end'; anonymous?: boolean },
  rows: Record<string, Answer>[],
  { members = [] as number[], keepOpen = false } = {},
) {
  const { questions } = call(backend, 'feedback.questions', { instrument: start.instrument });
  const anonymous = start.anonymous ?? true;
  const survey = call(backend, 'feedback.start', { instrument: start.instrument, meetingId: start.meetingId ?? null, phase: start.phase ?? null, anonymous });
  for (const [index, row] of rows.entries()) {
    const answers = Object.entries(row)
      .filter(([, value]) => value !== null)
      .map(([preset, value]) => {
        const q = questions.find((x) => x.preset === preset)!;
        return { questionId: q.id, score: q.kind === 'scale' ? (value as number) : null, choice: q.kind === 'choice' ? (value as string) : null, text: q.kind === 'text' ? (value as string) : '' };
      });
    call(backend, 'feedback.submit', { surveyId: survey.id, memberId: anonymous ? null : members[index]!, answers });
  }
  if (!keepOpen) await callAsync(backend, 'feedback.end', { id: survey.id });
  return survey.id;
}

const preview = (backend: TestBackend, sections: Partial<SummarySections> = {}, attendanceNames = false): Doc => {
  call(backend, 'summary.saveSettings', { sections: { ...ALL_SECTIONS_ON, ...sections }, attendanceNames, language: 'fi', conclusions: '' });
  return call(backend, 'summary.preview', undefined) as Doc;
};

/** The blocks under one top-level heading, up to the next one. */
function section(doc: Doc, heading: string): Block[] {
  const start = doc.blocks.findIndex((b) => b.type === 'heading' && !b.level && b.text === heading);
  if (start === -1) return [];
  const end = doc.blocks.findIndex((b, i) => i > start && b.type === 'heading' && !b.level);
  return doc.blocks.slice(start + 1, end === -1 ? undefined : end);
}
const topHeadings = (doc: Doc) => doc.blocks.filter((b) => b.type === 'heading' && !b.level).map((b) => (b as { text: string }).text);
const subHeadings = (doc: Doc) => doc.blocks.filter((b) => b.type === 'heading' && b.level === 2).map((b) => (b as { text: string }).text);
/** The rows of the table that follows the sub-heading `after` (or the first table of the blocks). */
function tableIn(blocks: Block[], after?: string): string[][] {
  const from = after ? blocks.findIndex((b) => b.type === 'heading' && b.text === after) : 0;
  const table = blocks.slice(Math.max(from, 0)).find((b) => b.type === 'table');
  return from === -1 || !table ? [] : (table as { rows: string[][] }).rows;
}
const fieldsOf = (blocks: Block[]) => Object.fromEntries(blocks.filter((b) => b.type === 'field').map((b) => [(b as { label: string }).label, (b as { value: string }).value]));

// ── the programme ────────────────────────────────────────────────────────────────────────────
let main: TestBackend;
let m1: number;
let m2: number;

beforeAll(async () => {
  const { backend, members } = group();
  main = backend;
  const [a, b, c, d] = members as [number, number, number, number];
  call(main, 'agreement.start', { template: null });
  call(main, 'agreement.addGoal', { kind: 'group', text: 'Ryhmän tavoite' });
  call(main, 'agreement.addGoal', { kind: 'organisation', text: 'Organisaation tavoite' });
  call(main, 'agreement.addGoal', { kind: 'member', text: 'Jäsenen odotus' });

  m1 = addMeeting(main, 1, '2025-02-03', 'Kahvila Kuppi');
  m2 = addMeeting(main, 2, '2025-03-03', 'Kirjasto');
  const planned = addMeeting(main, 3, '2025-04-07', 'Toimisto');
  const cancelled = addMeeting(main, 4, '2025-05-05', 'Kävelylenkki');

  // Meeting 1: three of four present (Cecilia away); meeting 2: two of three marked.
  for (const [member, present] of [[a, true], [b, true], [c, false], [d, true]] as const) {
    call(main, 'meetings.setAttendance', { meetingId: m1, memberId: member, present, absenceReason: present ? '' : 'Syy' });
  }
  for (const [member, present] of [[a, true], [b, false], [c, true]] as const) {
    call(main, 'meetings.setAttendance', { meetingId: m2, memberId: member, present, absenceReason: '' });
  }
  call(main, 'themes.addToMeeting', { meetingId: m1, name: 'Jaksaminen' });
  call(main, 'themes.addToMeeting', { meetingId: m2, name: 'Muutos' });
  call(main, 'themes.addToMeeting', { meetingId: m2, name: 'Jaksaminen' });
  // A planned meeting's themes are plans, not what was discussed.
  call(main, 'themes.addToMeeting', { meetingId: planned, name: 'Suunniteltu teema' });
  call(main, 'themes.addToMeeting', { meetingId: planned, name: 'Muutos' });
  call(main, 'ideas.add', { meetingId: m2, text: 'Idea tapaamisesta kaksi' });
  call(main, 'ideas.add', { meetingId: m1, text: 'Idea tapaamisesta yksi' });
  call(main, 'meetings.setHeld', { id: m1, held: true });
  call(main, 'meetings.setHeld', { id: m2, held: true });
  call(main, 'plan.cancel', { id: cancelled, cancelled: true });

  // Rounds with different means per meeting; meeting 2's dialogue has two answers only.
  await session(main, { instrument: 'round', meetingId: m1 }, [
    { usefulness: 2, dialogue: 5 },
    { usefulness: 3, dialogue: 5 },
    { usefulness: 4, dialogue: 4 },
  ]);
  await session(
    main,
    { instrument: 'round', meetingId: m2, anonymous: false },
    [
      { usefulness: 5, dialogue: 3 },
      { usefulness: 5, dialogue: 3 },
      { usefulness: 4, dialogue: null },
      { usefulness: 4, dialogue: null },
    ],
    { members },
  );
  // Self-check: "know" declines, "can" improves, "able" has two answers at the end, "want" two at the start.
  await session(main, { instrument: 'selfcheck', phase: 'start' }, [
    { know: 7, can: 5, able: 6, want: 8 },
    { know: 7, can: 6, able: 6, want: 8 },
    { know: 7, can: 7, able: 6, want: null },
  ]);
  await session(main, { instrument: 'selfcheck', phase: 'end' }, [
    { know: 5, can: 6, able: 9, want: 9 },
    { know: 5, can: 7, able: 9, want: 9 },
    { know: 5, can: 8, able: null, want: 9 },
  ]);
  // The final evaluation: "again" two answered (a choice under the minimum), "continuation" three.
  const evaluation = await session(main, { instrument: 'evaluation' }, [
    { wellbeing: 4, again: 'yes', continuation: 'regular', mostValuable: 'Vertaistuki oli arvokkainta' },
    { wellbeing: 4, again: 'no', continuation: 'informal', mostValuable: 'Kuunteleminen' },
    { wellbeing: 5, again: null, continuation: 'regular', mostValuable: 'Luottamus' },
  ]);
  const results = call(main, 'feedback.results', { id: evaluation });
  const valuable = results.questions.find((q) => q.question.preset === 'mostValuable')!.texts[0]!;
  call(main, 'feedback.share', { responseId: valuable.responseId, questionId: valuable.questionId, sharedText: 'Hyväksytty lainaus' });
  call(main, 'evaluation.saveDecision', { decision: 'informal', rationale: 'Ryhmän perustelu', decidedOn: '2025-06-01' });
});

describe('the summary document: programme and meetings', () => {
  it('gives the programme, its period and the number of members, and the goals grouped by kind in the agreement\'s order', () => {
    const blocks = section(preview(main), l.programme);
    const fields = fieldsOf(blocks);
    expect(fields[l.programmeName]).toBe('Pilotti Kuopio');
    expect(fields[l.organisation]).toBe('Savon virasto');
    expect(fields[l.facilitator]).toBe('Fanni Fasilitaattori');
    expect(fields[l.members]).toBe(String(MEMBERS.length));
    expect(fields[l.period]).toMatch(/^13\.1\.2025 \S+ 15\.6\.2025$/);
    const goals = blocks.slice(blocks.findIndex((b) => b.type === 'heading' && b.text === l.goals));
    expect(goals.filter((b) => b.type !== 'heading')).toEqual([
      { type: 'paragraph', text: l.goalKind.organisation, tone: 'strong' },
      { type: 'list', items: ['Organisaation tavoite'] },
      { type: 'paragraph', text: l.goalKind.member, tone: 'strong' },
      { type: 'list', items: ['Jäsenen odotus'] },
      { type: 'paragraph', text: l.goalKind.group, tone: 'strong' },
      { type: 'list', items: ['Ryhmän tavoite'] },
    ]);
  });

  it('gives the goals of the latest agreed version, not an older one nor the draft edited since; the draft\'s before any version', () => {
    const { backend } = group();
    const goalsOf = () => {
      const blocks = section(preview(backend), l.programme);
      return blocks.slice(blocks.findIndex((b) => b.type === 'heading' && b.text === l.goals)).flatMap((b) => (b.type === 'list' ? b.items : []));
    };
    call(backend, 'agreement.start', { template: null });
    call(backend, 'agreement.addGoal', { kind: 'group', text: 'Ensimmäinen tavoite' });
    expect(goalsOf()).toEqual(['Ensimmäinen tavoite']);
    call(backend, 'agreement.saveVersion', { agreedOn: '2025-01-20', note: '' });
    call(backend, 'agreement.addGoal', { kind: 'group', text: 'Toinen tavoite' });
    call(backend, 'agreement.saveVersion', { agreedOn: '2025-02-10', note: '' });
    call(backend, 'agreement.addGoal', { kind: 'group', text: 'Luonnoksen tavoite' });
    expect(goalsOf()).toEqual(['Ensimmäinen tavoite', 'Toinen tavoite']);
  });

  it('lists only held meetings: a planned meeting with a theme is neither listed nor counted, nor a cancelled one', () => {
    const doc = preview(main);
    const meetings = tableIn(section(doc, l.meetings));
    expect(meetings.map((row) => row[0])).toEqual(['1', '2']);
    expect(meetings.map((row) => [row[1], row[2], row[3]])).toEqual([
      ['3.2.2025', 'Kahvila Kuppi (kokoushuone)', 'Jaksaminen'],
      ['3.3.2025', 'Kirjasto (kokoushuone)', 'Muutos, Jaksaminen'],
    ]);
    // Jaksaminen in two held meetings, Muutos in one: the planned meeting's themes are not counted.
    expect(tableIn(section(doc, l.themes))).toEqual([
      ['Jaksaminen', '2'],
      ['Muutos', '1'],
    ]);
    expect(JSON.stringify(doc)).not.toContain('Suunniteltu teema');
    expect(JSON.stringify(doc)).not.toContain('Kävelylenkki');
  });

  it('with names off, attendance is exactly a count like 3/4, and no member is named anywhere', () => {
    const doc = preview(main, {}, false);
    const rows = tableIn(section(doc, l.meetings));
    expect(rows.map((row) => row[4])).toEqual([fill(l.attendanceOf, { present: 3, marked: 4 }), fill(l.attendanceOf, { present: 2, marked: 3 })]);
    expect(section(doc, l.meetings)[0]).toEqual({ type: 'paragraph', text: l.meetingsIntro, tone: 'muted' });
    const text = JSON.stringify(doc);
    expect(MEMBERS.filter((name) => text.includes(name))).toEqual([]);
  });

  it('with names on, attendance names those present, in order, and never the absent', () => {
    const doc = preview(main, {}, true);
    const rows = tableIn(section(doc, l.meetings));
    expect(rows[0]![4]).toBe(`${fill(l.attendanceOf, { present: 3, marked: 4 })}: Aino Aalto, Bertta Berg, Daniel Dahl`);
    expect(rows[1]![4]).toBe(`${fill(l.attendanceOf, { present: 2, marked: 3 })}: Aino Aalto, Cecilia Cruz`);
    expect(section(doc, l.meetings)[0]).toEqual({ type: 'paragraph', text: l.meetingsIntroNames, tone: 'muted' });
  });

  it('gives each idea with the meeting it came from, in meeting order', () => {
    const ideas = section(preview(main), l.ideas).find((b) => b.type === 'list') as { items: string[] };
    expect(ideas.items).toEqual([`Idea tapaamisesta yksi (${fill(l.fromMeeting, { number: 1 })})`, `Idea tapaamisesta kaksi (${fill(l.fromMeeting, { number: 2 })})`]);
  });

  it('gives the decision, its rationale and the facilitator\'s conclusions paragraph by paragraph', () => {
    call(main, 'summary.saveSettings', { sections: ALL_SECTIONS_ON, attendanceNames: false, language: 'fi', conclusions: 'Ensimmäinen kappale.\n\n\nToinen kappale. ' });
    const blocks = section(call(main, 'summary.preview', undefined) as Doc, l.decision);
    expect(fieldsOf(blocks)).toEqual({ [l.decisionLabel]: l.continuation.informal, [l.rationale]: 'Ryhmän perustelu' });
    expect(blocks.slice(-3)).toEqual([
      { type: 'heading', text: l.conclusions, level: 2 },
      { type: 'paragraph', text: 'Ensimmäinen kappale.' },
      { type: 'paragraph', text: 'Toinen kappale.' },
    ]);
  });
});

describe('the summary document: feedback and evaluation', () => {
  it('the chart plots each meeting\'s own means; a mean from two answers is left out of table and chart', () => {
    const blocks = section(preview(main), l.feedback);
    const chart = blocks.find((b) => b.type === 'chart') as { categories: string[]; series: { label: string; values: (number | null)[] }[] };
    expect(chart.categories).toEqual(['1', '2']);
    expect(chart.series).toEqual([
      { label: l.presets['usefulness'], values: [3, 4.5] },
      { label: l.presets['dialogue'], values: [4.67, null] },
    ]);
    expect(tableIn(blocks)).toEqual([
      ['1', l.presets['usefulness'], '3,0', '3'],
      ['1', l.presets['dialogue'], '4,7', '3'],
      ['2', l.presets['usefulness'], '4,5', '4'],
    ]);
  });

  it('shows the self-check change with its sign: a decline reads "−"; a dimension with fewer than three answers on one side is absent', () => {
    const rows = tableIn(section(preview(main), l.evaluation), l.selfCheck);
    expect(rows).toEqual([
      [l.presets['know'], '7,0 (n = 3)', '5,0 (n = 3)', '−2,0'],
      [l.presets['can'], '6,0 (n = 3)', '7,0 (n = 3)', '+1,0'],
    ]);
  });

  it('leaves out a choice question fewer than three answered, and counts the options of one answered by three', () => {
    const rows = tableIn(section(preview(main), l.evaluation), l.finalEvaluation);
    expect(rows).toEqual([
      [l.presets['wellbeing'], '4,3', '3'],
      [l.presets['continuation'], `${l.choice.regular} 2, ${l.choice.informal} 1`, '3'],
    ]);
    // The views themselves hold nothing of the choice two answered.
    const db = openStoreFile(main.databasePath, { readonly: true });
    const again = db.prepare(`SELECT id FROM feedback_question WHERE preset = 'again'`).pluck().get();
    expect(db.prepare('SELECT count(*) FROM feedback_answer WHERE question_id = ?').pluck().get(again)).toBe(2); // the premise
    expect(db.prepare('SELECT count(*) FROM shareable_choice_count WHERE question_id = ?').pluck().get(again)).toBe(0);
    db.close();
  });

  it('quotes only the approved wording', () => {
    const blocks = section(preview(main), l.evaluation);
    expect(blocks.slice(-2)).toEqual([
      { type: 'heading', text: l.quotes, level: 2 },
      { type: 'list', items: ['”Hyväksytty lainaus”'] },
    ]);
    expect(JSON.stringify(blocks)).not.toMatch(/Vertaistuki oli arvokkainta|Kuunteleminen|Luottamus/);
  });

  it('evaluation off with feedback on has no evaluation heading, and feedback off with evaluation on no feedback heading', () => {
    const feedbackOnly = preview(main, { evaluation: false });
    expect(topHeadings(feedbackOnly)).toContain(l.feedback);
    expect(topHeadings(feedbackOnly)).not.toContain(l.evaluation);
    expect(subHeadings(feedbackOnly)).not.toEqual(expect.arrayContaining([l.selfCheck]));
    expect(subHeadings(feedbackOnly).filter((h) => ([l.selfCheck, l.finalEvaluation, l.quotes] as string[]).includes(h))).toEqual([]);
    expect(JSON.stringify(feedbackOnly)).not.toContain('Hyväksytty lainaus');

    const evaluationOnly = preview(main, { feedback: false });
    expect(topHeadings(evaluationOnly)).toContain(l.evaluation);
    expect(topHeadings(evaluationOnly)).not.toContain(l.feedback);
    expect(evaluationOnly.blocks.some((b) => b.type === 'chart')).toBe(false);

    const neither = preview(main, { feedback: false, evaluation: false });
    expect(topHeadings(neither)).toEqual([l.programme, l.meetings, l.themes, l.ideas, l.decision]);
  });

  it('each section toggle removes exactly its own heading', () => {
    const all = topHeadings(preview(main));
    expect(all).toEqual([l.programme, l.meetings, l.themes, l.ideas, l.feedback, l.evaluation, l.decision]);
    const key = { programme: l.programme, meetings: l.meetings, themes: l.themes, ideas: l.ideas, feedback: l.feedback, evaluation: l.evaluation, decision: l.decision };
    for (const [name, heading] of Object.entries(key)) {
      expect(topHeadings(preview(main, { [name]: false }))).toEqual(all.filter((h) => h !== heading));
    }
  });
});

describe('the summary document early in a programme', () => {
  it('with only the start self-check and an open evaluation: no change, nothing of the open session, and says there is nothing to report', async () => {
    const { backend } = group();
    await session(backend, { instrument: 'selfcheck', phase: 'start' }, [{ know: 5 }, { know: 6 }, { know: 7 }]);
    await session(backend, { instrument: 'evaluation' }, [{ wellbeing: 4 }, { wellbeing: 4 }, { wellbeing: 4 }], { keepOpen: true });
    const doc = preview(backend);
    expect(section(doc, l.evaluation)).toEqual([{ type: 'paragraph', text: fill(l.noEvaluation, { min: 3 }), tone: 'muted' }]);
    expect(section(doc, l.feedback)).toEqual([{ type: 'paragraph', text: fill(l.noFeedback, { min: 3 }), tone: 'muted' }]);
    expect(section(doc, l.meetings)).toEqual([{ type: 'paragraph', text: l.noMeetings, tone: 'muted' }]);
    expect(section(doc, l.themes)).toEqual([{ type: 'paragraph', text: l.noThemes, tone: 'muted' }]);
    expect(section(doc, l.ideas)).toEqual([{ type: 'paragraph', text: l.noIdeas, tone: 'muted' }]);
    expect(fieldsOf(section(doc, l.decision))).toEqual({ [l.decisionLabel]: l.decisionNone });
  });

  it('before set-up, is a title and nothing else', () => {
    const backend = createTestBackend(makeTempDir());
    backends.push(backend);
    const doc = call(backend, 'summary.preview', undefined) as Doc & { runningHead: string };
    expect(doc.title).toBe(l.title);
    expect(doc.runningHead).toBe(l.title);
    expect(doc.blocks[0]).toEqual({ type: 'title', text: l.title });
    expect(doc.blocks.some((b) => b.type === 'subtitle')).toBe(false);
    expect(section(doc, l.programme)).toEqual([]);
  });

  it('is titled with the programme\'s name in the chosen language', () => {
    call(main, 'summary.saveSettings', { sections: ALL_SECTIONS_ON, attendanceNames: false, language: 'en', conclusions: '' });
    const doc = call(main, 'summary.preview', undefined) as Doc & { language: string; runningHead: string; pageLabel: string };
    const en = SUMMARY_LABELS.en;
    expect(doc).toMatchObject({ title: `${en.title} – Pilotti Kuopio`, language: 'en-GB', runningHead: `Pilotti Kuopio · ${en.title}`, pageLabel: en.pageLabel });
    expect(doc.blocks.slice(0, 2)).toEqual([
      { type: 'title', text: en.title },
      { type: 'subtitle', text: 'Pilotti Kuopio' },
    ]);
    expect(fieldsOf(section(doc, en.programme))[en.period]).toBe('13 January 2025 – 15 June 2025');
    expect(tableIn(section(doc, en.feedback))[0]).toEqual(['1', en.presets['usefulness'], '3.0', '3']);
    expect(section(preview(main), l.programme).length).toBeGreaterThan(0); // back to Finnish for the other tests
  });
});
