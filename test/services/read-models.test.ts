import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { roundTrend, surveyResults } from '../../electron/main/services/feedback/results';
import { listSurveys } from '../../electron/main/services/feedback/surveys';
import { getPlanned, listPlan } from '../../electron/main/services/meetings/plan';
import { listOverview } from '../../electron/main/services/meetings/service';
import { buildLarge } from './export-text-fixture';
import { call, createTestBackend, makeTempDir, openStoreFile, removeTempDirs } from './helpers';

/**
 * The lists the screens load read in a fixed number of statements however many meetings there
 * are (no statement per meeting), and answer what the per-meeting reads answer.
 */
afterEach(removeTempDirs);

const open: Database[] = [];
afterEach(() => open.splice(0).forEach((db) => db.close()));

/** A programme of `meetings` held meetings with rounds, themes and a plan change, on a connection that counts statement runs. */
async function programmeOf(meetings: number) {
  const backend = createTestBackend(makeTempDir());
  await buildLarge(backend, meetings);
  const first = call(backend, 'plan.list', undefined)[0]!;
  call(backend, 'plan.update', { ...first, plannedTheme: 'Uusi teema', plannedDate: first.plannedDate, plannedMonth: first.plannedMonth });
  // planned meetings with nothing recorded but notes: real notes count as content, blank ones do not
  for (const notes of ['Vain muistiinpano', '    ']) {
    const { id } = call(backend, 'plan.add', { plannedDate: null, plannedMonth: null, plannedTheme: '', place: '', format: null });
    call(backend, 'meetings.saveNotes', { id, notes });
  }
  backend.close();
  const db = openStoreFile(backend.databasePath);
  open.push(db);
  let runs = 0;
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    const statement = prepare(sql);
    for (const method of ['get', 'all', 'iterate', 'run'] as const) {
      const original = statement[method].bind(statement) as (...args: unknown[]) => unknown;
      (statement as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
        runs++;
        return original(...args);
      };
    }
    return statement;
  }) as typeof db.prepare;
  return { db, runs: <T>(read: () => T) => ((runs = 0), read(), runs) };
}

describe('read models at any size', () => {
  it('plan.list, feedback.trend and the meetings overview take as many statements for 20 meetings as for 3', async () => {
    const small = await programmeOf(3);
    const large = await programmeOf(20);
    for (const read of [listPlan, roundTrend, listOverview]) {
      expect(large.runs(() => read(large.db)), read.name).toBe(small.runs(() => read(small.db)));
    }
  }, 60_000);

  it('the plan answers what reading each meeting does, history and recorded content included', async () => {
    const { db } = await programmeOf(12);
    const plan = listPlan(db);
    expect(plan.some((m) => m.hasContent) && plan.some((m) => !m.hasContent)).toBe(true);
    expect(plan.at(-2)!.hasContent).toBe(true); // notes only
    expect(plan.at(-1)!.hasContent).toBe(false); // blank notes
    expect(plan.some((m) => m.history.length > 0)).toBe(true);
    expect(plan).toEqual(plan.map((m) => getPlanned(db, m.id)));
  }, 60_000);

  it('the trend answers what the results of each round do', async () => {
    const { db } = await programmeOf(12);
    const trend = roundTrend(db);
    const rounds = listSurveys(db, 'round');
    expect(trend.meetings.map((m) => m.meetingId)).toEqual(rounds.map((s) => s.meetingId));
    rounds.forEach((survey, i) => {
      const results = surveyResults(db, survey.id).questions.filter((q) => q.question.kind === 'scale');
      expect(trend.meetings[i]!.values).toEqual(results.map((r) => ({ questionId: r.question.id, aggregate: r.scale })));
    });
  }, 60_000);

  it('the overview lists the themes of each meeting in their order', async () => {
    const { db } = await programmeOf(12);
    const themesOf = db.prepare(
      'SELECT t.name FROM meeting_theme mt JOIN theme t ON t.id = mt.theme_id WHERE mt.meeting_id = ? ORDER BY mt.position, t.name',
    );
    const overview = listOverview(db);
    expect(overview.some((m) => m.themes.length > 1)).toBe(true);
    for (const meeting of overview) expect(meeting.themes).toEqual((themesOf.all(meeting.id) as { name: string }[]).map((r) => r.name));
  }, 60_000);
});
