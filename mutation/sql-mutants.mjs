#!/usr/bin/env node
/**
 * Hand-made mutants for what Stryker cannot mutate meaningfully: SQL text (the summary's read
 * model, the shareable_* views and triggers of the migrations), the close, and the anonymous
 * rewrite. Each mutant is one exact edit; the script copies the repository into a sandbox
 * (.stryker-tmp/sql-sandbox, node_modules linked), applies one edit at a time, runs only the tests
 * named for it and puts the file back. A mutant is killed when those tests fail. Every one must be.
 *
 *   node mutation/sql-mutants.mjs [--only id,id]     (npm run test:mutation runs it too)
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const SANDBOX = join(ROOT, '.stryker-tmp', 'sql-sandbox');
const S = 'electron/main/services';
const V = `${S}/db/migrations/0006_confidential.sql`;
// 0009 redefined the score, choice and quote views of 0006 (same rows, faster); their mutants edit 0009.
const W = `${S}/db/migrations/0009_shareable_counts.sql`;
const T = 'test/services';

/**
 * id, area, file, the exact text to find (once), what to put instead, and the tests that must fail.
 * `survives`: a mutant no test has been found to kill, with the reason; it is still run and shown,
 * and the run fails if it is killed after all (the reason would then be stale).
 */
export const SQL_MUTANTS = [
  // ── the read model: summary/sources.ts ──
  {
    id: 'held-meetings-any-status',
    area: 'read model',
    file: `${S}/summary/sources.ts`,
    find: `FROM shareable_meeting WHERE status = 'held' ORDER BY number`,
    replace: `FROM shareable_meeting ORDER BY number`,
    tests: [`${T}/summary-document.test.ts`],
  },
  {
    id: 'theme-counts-any-status',
    area: 'read model',
    file: `${S}/summary/sources.ts`,
    find: `JOIN shareable_meeting m ON m.id = t.meeting_id WHERE m.status = 'held'\n     GROUP BY`,
    replace: `JOIN shareable_meeting m ON m.id = t.meeting_id\n     GROUP BY`,
    tests: [`${T}/summary-document.test.ts`],
  },
  {
    id: 'present-counts-absent',
    area: 'read model',
    file: `${S}/summary/sources.ts`,
    find: `coalesce(sum(present), 0) AS present`,
    replace: `count(*) AS present`,
    tests: [`${T}/summary-document.test.ts`],
  },
  {
    id: 'names-of-absent',
    area: 'read model',
    file: `${S}/summary/sources.ts`,
    find: `WHERE a.present = 1 ORDER BY a.meeting_id, m.name`,
    replace: `ORDER BY a.meeting_id, m.name`,
    tests: [`${T}/summary-document.test.ts`],
  },
  {
    id: 'ideas-of-another-meeting',
    area: 'read model',
    file: `${S}/summary/sources.ts`,
    find: `JOIN shareable_meeting m ON m.id = i.meeting_id`,
    replace: `JOIN shareable_meeting m ON m.number = 1`,
    tests: [`${T}/summary-document.test.ts`],
  },
  {
    id: 'member-count-from-attendance',
    area: 'read model',
    file: `${S}/summary/sources.ts`,
    find: `(SELECT count(*) FROM shareable_member) AS memberCount`,
    replace: `(SELECT count(*) FROM shareable_attendance) AS memberCount`,
    tests: [`${T}/summary-document.test.ts`],
  },
  {
    id: 'goals-any-kind-order',
    area: 'read model',
    file: `${S}/summary/sources.ts`,
    find: `ORDER BY CASE kind WHEN 'organisation' THEN 0 WHEN 'member' THEN 1 ELSE 2 END, position, id`,
    replace: `ORDER BY id DESC`,
    tests: [`${T}/summary-document.test.ts`],
  },
  // ── the read model: feedback/shareable.ts ──
  {
    id: 'quotes-of-any-question',
    area: 'read model',
    file: `${S}/feedback/shareable.ts`,
    find: `SELECT survey_id AS surveyId, question_id AS questionId, text AS value, 1 AS answers FROM shareable_quote ORDER BY text`,
    replace: `SELECT survey_id AS surveyId, (SELECT max(id) FROM shareable_feedback_question) AS questionId, text AS value, 1 AS answers FROM shareable_quote ORDER BY text`,
    tests: [`${T}/summary-document.test.ts`],
  },
  {
    id: 'scores-as-choices',
    area: 'read model',
    file: `${S}/feedback/shareable.ts`,
    find: `choice AS value, answers FROM shareable_choice_count`,
    replace: `choice AS value, answers + 1 AS answers FROM shareable_choice_count`,
    tests: [`${T}/summary-document.test.ts`],
  },
  // ── the shareable_* views (migration 0006) ──
  {
    id: 'view-sessions-still-open',
    area: 'views',
    file: V,
    find: `FROM feedback_survey s LEFT JOIN meeting m ON m.id = s.meeting_id WHERE s.status = 'closed';`,
    replace: `FROM feedback_survey s LEFT JOIN meeting m ON m.id = s.meeting_id;`,
    tests: [`${T}/shareable-views.test.ts`, `${T}/summary-document.test.ts`],
  },
  // The feedback views (score, choice, quote) as 0009 redefined them: each counts its own questions.
  {
    id: 'view-scores-min-two',
    area: 'views',
    file: W,
    find: `WHERE answered >= 3 AND score IS NOT NULL`,
    replace: `WHERE answered >= 2 AND score IS NOT NULL`,
    tests: [`${T}/summary-document.test.ts`, `${T}/shareable-views.test.ts`],
  },
  {
    id: 'view-scores-open-sessions',
    area: 'views',
    file: W,
    find: `WHERE s.status = 'closed'\n    GROUP BY r.survey_id, a.question_id, a.score`,
    replace: `GROUP BY r.survey_id, a.question_id, a.score`,
    tests: [`${T}/shareable-views.test.ts`, `${T}/summary-document.test.ts`],
  },
  {
    id: 'view-scores-without-min-n',
    area: 'views',
    file: W,
    find: `WHERE answered >= 3 AND score IS NOT NULL`,
    replace: `WHERE score IS NOT NULL`,
    tests: [`${T}/shareable-views.test.ts`, `${T}/summary-document.test.ts`],
  },
  {
    id: 'view-choices-without-min-n',
    area: 'views',
    file: W,
    find: `GROUP BY r.survey_id, a.question_id, a.choice\n  HAVING (`,
    replace: `GROUP BY r.survey_id, a.question_id, a.choice\n  HAVING 1 OR (`,
    tests: [`${T}/summary-document.test.ts`, `${T}/shareable-views.test.ts`],
  },
  {
    id: 'view-quotes-without-min-n',
    area: 'views',
    file: W,
    find: `WHERE a.shared_text IS NOT NULL\n    AND (`,
    replace: `WHERE a.shared_text IS NOT NULL\n    OR (`,
    tests: [`${T}/summary-leak.test.ts`],
  },
  {
    id: 'view-quotes-raw-answers',
    area: 'views',
    file: W,
    find: `SELECT r.survey_id, a.question_id, a.shared_text AS text`,
    replace: `SELECT r.survey_id, a.question_id, coalesce(a.text, a.shared_text) AS text`,
    tests: [`${T}/summary-leak.test.ts`],
  },
  {
    id: 'view-ideas-widened-to-tasks',
    area: 'views',
    file: V,
    find: `CREATE VIEW shareable_idea AS SELECT id, meeting_id, text, position FROM idea_to_forward;`,
    replace: `CREATE VIEW shareable_idea AS SELECT id, meeting_id, text, position FROM idea_to_forward UNION ALL SELECT id, meeting_id, text, 0 FROM task;`,
    tests: [`${T}/summary-leak.test.ts`],
  },
  {
    id: 'view-themes-widened-to-actions',
    area: 'views',
    file: V,
    find: `SELECT mt.meeting_id, mt.theme_id, mt.position, t.name FROM meeting_theme mt JOIN theme t ON t.id = mt.theme_id;`,
    replace: `SELECT mt.meeting_id, mt.theme_id, mt.position, t.name FROM meeting_theme mt JOIN theme t ON t.id = mt.theme_id UNION ALL SELECT meeting_id, -id, 99, text FROM action;`,
    tests: [`${T}/summary-leak.test.ts`],
  },
  {
    id: 'view-goals-oldest-version',
    area: 'views',
    file: V,
    find: `FROM (SELECT snapshot FROM agreement_version ORDER BY number DESC LIMIT 1) v`,
    replace: `FROM (SELECT snapshot FROM agreement_version ORDER BY number ASC LIMIT 1) v`,
    tests: [`${T}/summary-document.test.ts`],
  },
  {
    id: 'view-goals-draft-too',
    area: 'views',
    file: V,
    find: `SELECT id, kind, text, position FROM agreement_goal WHERE NOT EXISTS (SELECT 1 FROM agreement_version);`,
    replace: `SELECT id, kind, text, position FROM agreement_goal;`,
    tests: [`${T}/summary-document.test.ts`],
  },
  // ── the close: closing/*, summary/archive.ts and the triggers of 0006 ──
  {
    id: 'close-keeps-responses',
    area: 'close',
    file: `${S}/closing/plan.ts`,
    find: `tables: ['feedback_response', 'feedback_answer']`,
    replace: `tables: ['feedback_answer']`,
    tests: [`${T}/closing.test.ts`],
  },
  {
    id: 'close-keeps-absence-reasons',
    area: 'close',
    file: `${S}/closing/plan.ts`,
    find: `{ key: 'absenceReasons', tables: ['absence_reason'] },`,
    replace: `{ key: 'absenceReasons', tables: [] as string[] },`,
    tests: [`${T}/closing.test.ts`],
  },
  {
    id: 'close-keeps-pin-hash',
    area: 'close',
    file: `${S}/closing/shred.ts`,
    find: `pin_hash = NULL, pin_failures = 0,`,
    replace: `pin_failures = 0,`,
    tests: [`${T}/closing-rounds.test.ts`, `${T}/closed-programme.test.ts`],
  },
  {
    id: 'close-leaves-rounds-open',
    area: 'close',
    file: `${S}/closing/shred.ts`,
    find: `UPDATE feedback_survey SET status = 'closed', ended_at`,
    replace: `UPDATE feedback_survey SET status = status, ended_at`,
    tests: [`${T}/closing-rounds.test.ts`, `${T}/closed-programme.test.ts`],
  },
  {
    id: 'close-no-vacuum',
    area: 'close',
    file: `${S}/closing/shred.ts`,
    find: `db.exec('VACUUM');`,
    replace: `db.exec('SELECT 1');`,
    tests: [`${T}/closing-rounds.test.ts`, `${T}/closing.test.ts`, `${T}/forensic-close.test.ts`],
  },
  {
    id: 'close-no-index-rebuild',
    area: 'close',
    file: `${S}/closing/shred.ts`,
    find: `VALUES ('rebuild')`,
    replace: `VALUES ('integrity-check')`,
    tests: [`${T}/closing.test.ts`, `${T}/forensic-close.test.ts`],
  },
  {
    id: 'close-log-not-truncated',
    area: 'close',
    file: `${S}/closing/shred.ts`,
    find: `db.pragma('wal_checkpoint(TRUNCATE)')`,
    replace: `db.pragma('wal_checkpoint(PASSIVE)')`,
    tests: [`${T}/closing.test.ts`, `${T}/forensic-close.test.ts`],
  },
  {
    id: 'close-not-marked',
    area: 'close',
    file: `${S}/closing/shred.ts`,
    find: `UPDATE programme SET archived_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1`,
    replace: `UPDATE programme SET archived_at = archived_at WHERE id = 1`,
    tests: [`${T}/closed-programme.test.ts`],
  },
  {
    id: 'close-wipe-not-recorded',
    area: 'close',
    file: `${S}/summary/archive.ts`,
    find: `UPDATE summary_archive SET wiped_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1`,
    replace: `UPDATE summary_archive SET wiped_at = wiped_at WHERE id = 1`,
    tests: [`${T}/closing.test.ts`, `${T}/summary.test.ts`],
  },
  {
    id: 'trigger-notes-after-close-dropped',
    area: 'close',
    file: V,
    find: `CREATE TRIGGER meeting_note_closed_insert BEFORE INSERT ON meeting_note\nWHEN (SELECT archived_at FROM programme WHERE id = 1) IS NOT NULL`,
    replace: `CREATE TRIGGER meeting_note_closed_insert BEFORE INSERT ON meeting_note\nWHEN 0`,
    tests: [`${T}/closed-programme.test.ts`],
  },
  {
    id: 'trigger-answers-after-close-dropped',
    area: 'close',
    file: V,
    find: `CREATE TRIGGER feedback_answer_closed_insert BEFORE INSERT ON feedback_answer\nWHEN (SELECT archived_at FROM programme WHERE id = 1) IS NOT NULL`,
    replace: `CREATE TRIGGER feedback_answer_closed_insert BEFORE INSERT ON feedback_answer\nWHEN 0`,
    tests: [`${T}/closed-programme.test.ts`],
  },
  {
    id: 'trigger-deleted-note-stays-indexed',
    area: 'close',
    file: V,
    find: `CREATE TRIGGER meeting_note_ad AFTER DELETE ON meeting_note BEGIN\n  DELETE FROM search_index WHERE rowid = OLD.meeting_id * 8 + 1;`,
    replace: `CREATE TRIGGER meeting_note_ad AFTER DELETE ON meeting_note BEGIN\n  SELECT 1;`,
    tests: [`${T}/forensic-close.test.ts`, `${T}/meetings.test.ts`],
  },
  {
    id: 'reason-outlives-its-mark',
    area: 'close',
    file: V,
    find: `REFERENCES attendance (meeting_id, member_id) ON DELETE CASCADE`,
    replace: `REFERENCES attendance (meeting_id, member_id) ON DELETE NO ACTION DEFERRABLE INITIALLY DEFERRED`,
    tests: [`${T}/meetings.test.ts`],
  },
  // ── the anonymous rewrite: feedback/surveys.ts ──
  {
    id: 'rewrite-keeps-order',
    area: 'anonymous rewrite',
    file: `${S}/feedback/surveys.ts`,
    find: `for (const answers of shuffled(responses)) {`,
    replace: `for (const answers of responses) {`,
    survives: "Equivalent while submissions get random ids: the rewrite reads the round's responses without ORDER BY, i.e. in the order of the random ids insertResponse gave them at submission, so the list it writes back is already in an order unrelated to submission (cell offsets after ending, 6 rounds of 8: Kendall tau within ±0.43 with and without the shuffle). The shuffle guards only against a later change to sequential ids at submission, which no test can combine with this edit.",
    tests: [`${T}/anonymous-order.test.ts`],
  },
  {
    id: 'rewrite-drops-approvals',
    area: 'anonymous rewrite',
    file: `${S}/feedback/surveys.ts`,
    find: `for (const a of answers) insert.run(id, a.questionId, a.score, a.choice, a.text, a.sharedText);`,
    replace: `for (const a of answers) insert.run(id, a.questionId, a.score, a.choice, a.text, null);`,
    tests: [`${T}/anonymous-order.test.ts`],
  },
  {
    id: 'rewrite-loses-other-questions',
    area: 'anonymous rewrite',
    file: `${S}/feedback/surveys.ts`,
    find: `FROM feedback_answer WHERE response_id = ?',\n  );\n  const responses`,
    replace: `FROM feedback_answer WHERE response_id = ? LIMIT 1',\n  );\n  const responses`,
    tests: [`${T}/anonymous-order.test.ts`],
  },
  {
    id: 'rewrite-not-deleted',
    area: 'anonymous rewrite',
    file: `${S}/feedback/surveys.ts`,
    find: `db.prepare('DELETE FROM feedback_response WHERE survey_id = ?').run(surveyId);`,
    replace: `db.prepare('DELETE FROM feedback_response WHERE survey_id = ? AND 0').run(surveyId);`,
    tests: [`${T}/anonymous-order.test.ts`],
  },
  // ── writes that lose data: meetings/service.ts ──
  {
    id: 'attendance-remark-lost',
    area: 'data',
    file: `${S}/meetings/service.ts`,
    find: `ON CONFLICT (meeting_id, member_id) DO UPDATE SET present = excluded.present`,
    replace: `ON CONFLICT (meeting_id, member_id) DO NOTHING`,
    tests: [`${T}/meetings-data.test.ts`, `${T}/meetings.test.ts`],
  },
  {
    id: 'present-keeps-old-reason',
    area: 'data',
    file: `${S}/meetings/service.ts`,
    find: `db.prepare('DELETE FROM absence_reason WHERE meeting_id = ? AND member_id = ?').run(meetingId, memberId);`,
    replace: `db.prepare('SELECT ?, ?').run(meetingId, memberId);`,
    tests: [`${T}/meetings.test.ts`],
  },
  {
    id: 'cleared-notes-kept',
    area: 'data',
    file: `${S}/meetings/service.ts`,
    find: `db.prepare('DELETE FROM meeting_note WHERE meeting_id = ?').run(id);`,
    replace: `db.prepare('SELECT ?').run(id);`,
    tests: [`${T}/meetings.test.ts`],
  },
  {
    id: 'timing-minutes-lost',
    area: 'data',
    file: `${S}/meetings/service.ts`,
    find: `SET start_time = ?, planned_minutes = ?, updated_at`,
    replace: `SET start_time = ?, planned_minutes = planned_minutes + 0 * ?, updated_at`,
    tests: [`${T}/meetings-data.test.ts`, `${T}/meetings.test.ts`],
  },
];

const COPIED = ['electron', 'shared', 'test', 'resources', 'renderer', 'package.json', 'tsconfig.json', 'tsconfig.base.json', 'vitest.config.ts', 'mutation'];

export function makeSandbox() {
  rmSync(SANDBOX, { recursive: true, force: true });
  mkdirSync(SANDBOX, { recursive: true });
  for (const entry of COPIED) cpSync(join(ROOT, entry), join(SANDBOX, entry), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(SANDBOX, 'node_modules'), 'dir');
}

export const vitest = (tests) =>
  spawnSync(join(ROOT, 'node_modules/.bin/vitest'), // mutation/vitest.config.ts: timeouts that a shared, loaded machine cannot trip (a test's own speed is not what is measured)
    ['run', '--config', 'mutation/vitest.config.ts', '--project', 'node', '--bail', '1', ...tests], {
    cwd: SANDBOX,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0' },
    maxBuffer: 64 * 1024 * 1024,
  });

/** The first failing test in vitest's output, to say what killed a mutant. */
// Colour codes (ESC [ … m) removed: ESLint forbids the control character in a regex literal.
const ESCAPES = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');
export const firstFailure = (output) => output.replace(ESCAPES, '').match(/(?:FAIL|×|✗)\s+(.+)/)?.[1]?.trim().slice(0, 140) ?? 'a failing run';

/** `tests` replaces every mutant's own tests (to measure what a given set of tests kills). */
export async function runSqlMutants({ only, tests } = {}) {
  const unknown = (only ?? []).filter((id) => !SQL_MUTANTS.some((m) => m.id === id));
  if (unknown.length > 0) throw new Error(`No SQL mutant named ${unknown.join(', ')} (see mutation/sql-mutants.mjs).`);
  const mutants = SQL_MUTANTS.filter((m) => !only || only.includes(m.id)).map((m) => (tests ? { ...m, tests } : m));
  makeSandbox();
  // Each mutant's edit must still apply to exactly one place: a stale list fails loudly.
  for (const m of mutants) {
    const text = readFileSync(join(SANDBOX, m.file), 'utf8');
    const at = text.indexOf(m.find);
    if (at === -1 || text.indexOf(m.find, at + 1) !== -1) throw new Error(`SQL mutant ${m.id}: the text to replace is not found exactly once in ${m.file}.`);
  }
  // Unmutated, the same tests pass: a kill below is the mutant's doing.
  const allTests = [...new Set(mutants.flatMap((m) => m.tests))];
  const clean = vitest(allTests);
  if (clean.status !== 0) throw new Error(`The SQL mutants' tests fail without any mutant:\n${clean.stdout}\n${clean.stderr}`);
  const results = [];
  for (const m of mutants) {
    const path = join(SANDBOX, m.file);
    const original = readFileSync(path, 'utf8');
    writeFileSync(path, original.replace(m.find, m.replace));
    try {
      const started = Date.now();
      const run = vitest(m.tests);
      const killed = run.status !== 0;
      results.push({ id: m.id, area: m.area, survives: m.survives ?? null, killed, killedBy: killed ? firstFailure(`${run.stdout}\n${run.stderr}`) : null });
      console.log(`${killed ? 'killed  ' : 'SURVIVED'} ${m.id} (${Math.round((Date.now() - started) / 1000)} s)`);
    } finally {
      writeFileSync(path, original);
    }
  }
  rmSync(SANDBOX, { recursive: true, force: true });
  return results;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const listed = (name) => {
    const i = process.argv.indexOf(name);
    return i === -1 ? undefined : process.argv[i + 1].split(',');
  };
  const results = await runSqlMutants({ only: listed('--only'), tests: listed('--tests') });
  const survived = results.filter((r) => !r.killed);
  const wrong = results.filter((r) => r.killed === Boolean(r.survives));
  console.log(`\n${results.length - survived.length}/${results.length} SQL mutants killed (${results.filter((r) => r.survives).length} listed as surviving, with reasons).`);
  for (const r of wrong) console.log(r.killed ? `${r.id} is killed now: take it off the surviving list.` : `${r.id} survived.`);
  if (wrong.length > 0) process.exit(1);
}

