import { dirname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Question } from '@shared/domain';
import { fileSize, kendallTau, leafCells, type Sighting } from './forensic';
import { call, callAsync, createTestBackend, makeTempDir, openStoreFile, removeTempDirs, testKeyFor, validSetup, type TestBackend } from './helpers';

/**
 * The facilitator knows in which order the laptop went round the table. If anything in the file
 * follows that order — row ids, where each row sits in its page, or in which WAL frame it first
 * appears — an examiner can link each person to their answers. After a round ends, nothing may.
 * The examiner may hold the key (the facilitator's keychain does): the pages of the file and of
 * every WAL frame are read decrypted (sqlcipher.ts).
 */
const ROUNDS = 12;
const RESPONDENTS = 8;

const backends: TestBackend[] = [];
afterEach(() => {
  for (const backend of backends.splice(0)) backend.close();
  removeTempDirs();
});

function programme(members: number) {
  const backend = createTestBackend(makeTempDir());
  backends.push(backend);
  const setup = validSetup();
  setup.members = Array.from({ length: members }, (_, i) => ({ name: `Jäsen ${i + 1}`, role: '', email: '' }));
  call(backend, 'programme.setup', setup);
  return backend;
}

const preset = (questions: Question[], name: string) => questions.find((q) => q.preset === name)!;

/** Starts a round and submits in a known order: who submitted k-th answers "vastaaja k". Returns the survey id. */
function collect(backend: TestBackend, meetingId: number, memberIds: (number | null)[]): number {
  const qs = call(backend, 'feedback.questions', { instrument: 'round' }).questions;
  const anonymous = memberIds[0] === null;
  const survey = call(backend, 'feedback.start', { instrument: 'round', meetingId, phase: null, anonymous });
  for (const [k, memberId] of memberIds.entries()) {
    call(backend, 'feedback.submit', {
      surveyId: survey.id,
      memberId,
      answers: [
        { questionId: preset(qs, 'usefulness').id, score: 1 + (k % 5), choice: null, text: '' },
        { questionId: preset(qs, 'keep').id, score: null, choice: null, text: `vastaaja ${k}` },
      ],
    });
  }
  return survey.id;
}

/** Runs one round with a known order (see `collect`) and ends it. Returns response id per k. */
async function round(backend: TestBackend, meetingId: number, memberIds: (number | null)[]): Promise<number[]> {
  const surveyId = collect(backend, meetingId, memberIds);
  const ended = await backend.call('feedback.end', { id: surveyId });
  expect(ended.ok).toBe(true);
  const results = call(backend, 'feedback.results', { id: surveyId });
  const texts = results.questions.find((q) => q.question.preset === 'keep')!.texts;
  return memberIds.map((_, k) => texts.find((t) => t.text === `vastaaja ${k}`)!.responseId);
}

/** Response id per k of a round still collecting, read over a second connection (the app shows none yet). */
function idsWhileCollecting(backend: TestBackend, surveyId: number): number[] {
  const db = openStoreFile(backend.databasePath, { readonly: true });
  try {
    const rows = db
      .prepare(`SELECT a.response_id AS id, a.text FROM feedback_answer a JOIN feedback_response r ON r.id = a.response_id WHERE r.survey_id = ?`)
      .all(surveyId) as { id: number; text: string | null }[];
    return Array.from({ length: RESPONDENTS }, (_, k) => rows.find((row) => row.text === `vastaaja ${k}`)!.id);
  } finally {
    db.close();
  }
}

const addMeeting = (backend: TestBackend) =>
  call(backend, 'plan.add', { plannedTheme: '', plannedDate: null, plannedMonth: null, place: '', format: null });

async function rounds(backend: TestBackend, memberIds: (number | null)[]): Promise<number[][]> {
  const all: number[][] = [];
  for (let r = 0; r < ROUNDS; r += 1) {
    const meeting = addMeeting(backend);
    all.push(await round(backend, meeting.id, memberIds));
  }
  return all;
}

/** Where each response's rows are first seen, by source and kind of cell. */
function positions(cells: Sighting[], ids: number[], source: Sighting['source'], kind: Sighting['kind']): number[] | null {
  const found = ids.map((id) => {
    const mine = cells.filter((c) => c.key === id && c.source === source && c.kind === kind);
    if (mine.length === 0) return null;
    // In the file: page and place in the page; in the log: the first frame that holds the row.
    return Math.min(...mine.map((c) => (source === 'db' ? c.position * 65536 + c.offset : c.position)));
  });
  return found.every((p) => p !== null) ? (found as number[]) : null;
}

const cellsOf = (backend: TestBackend) => leafCells(backend.databasePath, testKeyFor(dirname(backend.databasePath)));

/** Correlation of each measure with the order of submission, over every round. */
function correlations(backend: TestBackend, responseIds: number[][]) {
  const cells = cellsOf(backend);
  const order = Array.from({ length: RESPONDENTS }, (_, k) => k);
  const measures: Record<string, number[]> = { rowid: [], 'response cell in file': [], 'answer cell in file': [], 'response in WAL': [], 'answer in WAL': [] };
  for (const ids of responseIds) {
    measures['rowid']!.push(kendallTau(order, ids));
    const sources = [
      ['response cell in file', 'db', 'table'],
      ['answer cell in file', 'db', 'index'],
      ['response in WAL', 'wal', 'table'],
      ['answer in WAL', 'wal', 'index'],
    ] as const;
    for (const [name, source, kind] of sources) {
      const at = positions(cells, ids, source, kind);
      if (at) measures[name]!.push(kendallTau(order, at));
    }
  }
  return measures;
}

/**
 * For random orders of 8, |tau| averages about 0.26 and is 1 once in 20 160 rounds; the order of
 * submission gives 1 every time. Each measure: how many rounds follow the order exactly, and
 * whether the mean |tau| stays clearly below what a followed order gives.
 */
function expectUnrelated(measures: Record<string, number[]>) {
  const verdicts = Object.entries(measures).map(([name, taus]) => {
    const mean = taus.length === 0 ? 0 : taus.reduce((sum, t) => sum + Math.abs(t), 0) / taus.length;
    return { name, rounds: taus.length, followsOrder: taus.filter((t) => Math.abs(t) === 1).length, related: mean >= 0.5 };
  });
  expect(verdicts).toEqual(verdicts.map((v) => ({ ...v, followsOrder: 0, related: false })));
}

describe('rewriting the responses of an anonymous round', () => {
  it('keeps every answer and every approved quote, also when the round is reopened and ended again', async () => {
    const backend = programme(3);
    const meeting = call(backend, 'plan.add', { plannedTheme: '', plannedDate: null, plannedMonth: null, place: '', format: null });
    const ids = await round(backend, meeting.id, [null, null, null, null]);
    const survey = call(backend, 'feedback.surveys', { instrument: 'round' })[0]!;
    const keep = call(backend, 'feedback.results', { id: survey.id }).questions.find((q) => q.question.preset === 'keep')!;
    const quote = keep.texts.find((t) => t.text === 'vastaaja 2')!;
    call(backend, 'feedback.share', { responseId: quote.responseId, questionId: quote.questionId, sharedText: 'Hyväksytty sanamuoto' });
    call(backend, 'feedback.reopen', { id: survey.id });
    const qs = call(backend, 'feedback.questions', { instrument: 'round' }).questions;
    call(backend, 'feedback.submit', { surveyId: survey.id, memberId: null, answers: [{ questionId: preset(qs, 'keep').id, score: null, choice: null, text: 'vastaaja 4' }] });
    const before = call(backend, 'feedback.results', { id: survey.id });
    await callAsync(backend, 'feedback.end', { id: survey.id });
    const after = call(backend, 'feedback.results', { id: survey.id });
    // The same results, the same quote approved; only the response ids are new.
    const withoutIds = (r: typeof before) =>
      r.questions.map((q) => ({ ...q, texts: q.texts.map(({ responseId: _id, ...t }) => t) }));
    expect(withoutIds(after)).toEqual(withoutIds(before));
    expect(after.survey.responses).toBe(5);
    const newIds = after.questions.flatMap((q) => q.texts.map((t) => t.responseId));
    expect(newIds.filter((id) => ids.includes(id))).toEqual([]);
  });
});

describe('after a round ends, nothing in the file follows the order of submission', () => {
  const anonymousOrder = Array.from({ length: RESPONDENTS }, () => null);

  it('the measures see the order where it is: while a round collects, the log follows it', async () => {
    const backend = programme(3);
    const responseIds = [0, 1, 2].map(() => idsWhileCollecting(backend, collect(backend, addMeeting(backend).id, anonymousOrder)));
    const measures = correlations(backend, responseIds);
    // Each submission is a transaction: its rows first appear in the log in the order of submission.
    expect(measures['response in WAL']).toEqual([1, 1, 1]);
    expect(measures['answer in WAL']).toEqual([1, 1, 1]);
    expect(fileSize(`${backend.databasePath}-wal`)).toBeGreaterThan(0);
  });

  it('anonymous rounds: rowids, cell offsets in the pages and the WAL', async () => {
    const backend = programme(3);
    const responseIds = await rounds(backend, anonymousOrder);
    // The premise: the rows are there to be found in the decrypted file, and the log holds
    // nothing (each end empties it), so what was written in the order of submission is gone.
    const cells = cellsOf(backend);
    expect(responseIds.flat().every((id) => cells.some((c) => c.key === id && c.source === 'db'))).toBe(true);
    expect(fileSize(`${backend.databasePath}-wal`)).toBe(0);
    const measures = correlations(backend, responseIds);
    expect(measures['response cell in file']).toHaveLength(ROUNDS);
    expect(measures['answer cell in file']).toHaveLength(ROUNDS);
    expectUnrelated(measures);
    // And once the app has closed the store cleanly (everything folded into the file).
    backend.close();
    const afterClose = correlations(backend, responseIds);
    expect(afterClose['response cell in file']).toHaveLength(ROUNDS);
    expectUnrelated(afterClose);
  }, 60_000);

  // A named response says whose it is, so where it sits tells nothing more; but its id must not
  // give away the order in which the facilitator recorded them (max id + 1 did).
  it('named rounds get random ids too', async () => {
    const backend = programme(RESPONDENTS);
    const members = call(backend, 'members.list', undefined).map((m) => m.id);
    const responseIds = await rounds(backend, members);
    expectUnrelated({ rowid: correlations(backend, responseIds)['rowid']! });
  }, 60_000);
});
