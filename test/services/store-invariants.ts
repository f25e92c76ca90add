import type { Database } from 'better-sqlite3';

/**
 * What must be true of the store after any sequence of calls, written as queries of its own (not
 * the services' code), each answering the rows that break it. Issue 15, point 6.
 */
const FIRST = (m: string) => `coalesce(${m}.planned_date, ${m}.planned_month || '-01')`;

const RECORD_RULES: Record<string, string> = {
  'something recorded in a cancelled meeting': `
    SELECT 'attendance', meeting_id FROM attendance WHERE meeting_id IN (SELECT id FROM meeting WHERE status = 'cancelled')
    UNION ALL SELECT 'action', id FROM action WHERE meeting_id IN (SELECT id FROM meeting WHERE status = 'cancelled')
      OR reviewed_in_id IN (SELECT id FROM meeting WHERE status = 'cancelled')
    UNION ALL SELECT 'task', id FROM task WHERE meeting_id IN (SELECT id FROM meeting WHERE status = 'cancelled')
    UNION ALL SELECT 'idea', id FROM idea_to_forward WHERE meeting_id IN (SELECT id FROM meeting WHERE status = 'cancelled')
    UNION ALL SELECT 'theme', theme_id FROM meeting_theme WHERE meeting_id IN (SELECT id FROM meeting WHERE status = 'cancelled')
    UNION ALL SELECT 'round', id FROM feedback_survey WHERE meeting_id IN (SELECT id FROM meeting WHERE status = 'cancelled')`,
  'a member recorded in a meeting after leaving': `
    SELECT mb.id, m.id FROM attendance a JOIN meeting m ON m.id = a.meeting_id JOIN member mb ON mb.id = a.member_id WHERE mb.left_on < ${FIRST('m')}
    UNION ALL SELECT mb.id, m.id FROM action a JOIN meeting m ON m.id = a.meeting_id JOIN member mb ON mb.id = a.owner_member_id WHERE mb.left_on < ${FIRST('m')}
    UNION ALL SELECT mb.id, m.id FROM feedback_response r JOIN feedback_survey s ON s.id = r.survey_id JOIN meeting m ON m.id = s.meeting_id
      JOIN member mb ON mb.id = r.member_id WHERE mb.left_on < ${FIRST('m')}`,
  'a member leaving outside the programme': `
    SELECT mb.id FROM member mb, programme p WHERE mb.left_on < p.start_date OR mb.left_on > p.end_date`,
  'a meeting outside the programme': `
    SELECT m.id FROM meeting m, programme p WHERE m.planned_date < p.start_date OR m.planned_date > p.end_date
      OR m.planned_month < substr(p.start_date, 1, 7) OR m.planned_month > substr(p.end_date, 1, 7)`,
  'a held meeting or a feedback round dated in the future': `
    SELECT m.id FROM meeting m WHERE m.status = 'held' AND ${FIRST('m')} > :today
    UNION ALL SELECT s.id FROM feedback_survey s JOIN meeting m ON m.id = s.meeting_id WHERE ${FIRST('m')} > :today`,
  'an action reviewed before it was agreed': `
    SELECT a.id FROM action a JOIN meeting agreed ON agreed.id = a.meeting_id JOIN meeting reviewed ON reviewed.id = a.reviewed_in_id
    WHERE reviewed.number < agreed.number`,
  'an action due before its meeting': `
    SELECT a.id FROM action a JOIN meeting m ON m.id = a.meeting_id WHERE a.due_date < ${FIRST('m')}`,
  'an agreed version out of time': `
    SELECT v.id FROM agreement_version v, programme p WHERE v.agreed_on > p.end_date OR v.agreed_on > :today
    UNION ALL SELECT later.id FROM agreement_version later JOIN agreement_version earlier ON earlier.number < later.number
    WHERE later.agreed_on < earlier.agreed_on`,
  'an acceptance out of time': `
    SELECT x.version_id, x.member_id FROM agreement_acceptance x JOIN agreement_version v ON v.id = x.version_id JOIN member mb ON mb.id = x.member_id
    WHERE x.accepted_on < v.agreed_on OR x.accepted_on > :today OR x.accepted_on > mb.left_on`,
  'a decision out of time': `
    SELECT d.id FROM continuation_decision d, programme p WHERE d.decided_on < p.start_date OR d.decided_on > :today`,
};

/** One-line fields of the store: no line breaks or control characters; names also show something. */
const ONE_LINE: Record<string, string[]> = {
  member: ['name', 'role', 'email'],
  programme: ['name', 'organisation', 'facilitator_name'],
  theme: ['name'],
  meeting: ['planned_theme', 'place'],
  action: ['text'],
  task: ['text'],
  idea_to_forward: ['text'],
  agreement_version: ['note'],
};
const NAMES: Record<string, string[]> = { member: ['name'], programme: ['name', 'facilitator_name'], theme: ['name'] };
const NOT_ONE_LINE = /[\p{Cc}\u2028\u2029]/u;
const INVISIBLE = /[\s\p{Cc}\p{Cf}\p{M}\p{Z}]/gu;
/** A lone surrogate is stored as U+FFFD; the generated text never holds U+FFFD itself. */
const UNSTORED = /[\0\uFFFD]/;

const columnsOf = (db: Database, table: string) => (db.pragma(`table_info("${table}")`) as { name: string }[]).map((c) => c.name);

function textViolations(db: Database): string[] {
  const found: string[] = [];
  const tables = (db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_index%'`).all() as { name: string }[]).map((t) => t.name);
  for (const table of tables) {
    const existing = columnsOf(db, table);
    const oneLine = (ONE_LINE[table] ?? []).filter((c) => existing.includes(c));
    const names = (NAMES[table] ?? []).filter((c) => existing.includes(c));
    for (const row of db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[]) {
      for (const [column, value] of Object.entries(row)) {
        if (typeof value !== 'string') continue;
        if (UNSTORED.test(value)) found.push(`${table}.${column} holds NUL or U+FFFD: ${JSON.stringify(value)}`);
        if (oneLine.includes(column) && NOT_ONE_LINE.test(value)) found.push(`${table}.${column} is not one line: ${JSON.stringify(value)}`);
        if (names.includes(column) && value.replace(INVISIBLE, '') === '') found.push(`${table}.${column} shows nothing: ${JSON.stringify(value)}`);
      }
    }
  }
  return found;
}

/** Every broken rule, as sentences; empty when the store is possible. */
export function storeViolations(db: Database, today: string): string[] {
  const found: string[] = [];
  const integrity = db.pragma('integrity_check', { simple: true });
  if (integrity !== 'ok') found.push(`integrity_check: ${String(integrity)}`);
  const foreignKeys = db.pragma('foreign_key_check') as unknown[];
  if (foreignKeys.length > 0) found.push(`foreign_key_check: ${JSON.stringify(foreignKeys)}`);
  for (const [rule, sql] of Object.entries(RECORD_RULES)) {
    const rows = db.prepare(sql).all(sql.includes(':today') ? { today } : {});
    if (rows.length > 0) found.push(`${rule}: ${JSON.stringify(rows)}`);
  }
  return [...found, ...textViolations(db)];
}
