import type { Database } from 'better-sqlite3';
import {
  AGREEMENT_LIMITS,
  AgreementSnapshot,
  type AcceptanceSet,
  type Agreement,
  type AgreementStart,
  type AgreementVersion,
  type Goal,
  type GoalAdd,
  type GoalKind,
  type GoalOrder,
  type GoalUpdate,
  type ItemRef,
  type Practicalities,
  type RemovedGoal,
  type RemovedRule,
  type Rule,
  type RuleAdd,
  type RuleOrder,
  type RuleUpdate,
  type SnapshotPlanRow,
  type VersionSave,
} from '@shared/domain';
import { requireNotAfterToday } from '../clock';
import { AppError, fieldError } from '../errors';
import { addPlanned } from '../meetings/plan';
import { requireProgramme } from '../programme/service';
import { draftGoals } from './goals';
import { spreadMonths, STARTER_TEMPLATES } from './template';

const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;

const PRACTICALITY_COLUMNS = `duration, meeting_frequency AS meetingFrequency, meeting_minutes AS meetingMinutes,
  working_time AS workingTime, costs, contact, tasks, confidentiality`;

interface DraftRow {
  startedFrom: Agreement['startedFrom'];
  updatedAt: string;
}

function draftRow(db: Database): DraftRow | undefined {
  return db.prepare('SELECT started_from AS startedFrom, updated_at AS updatedAt FROM agreement WHERE id = 1').get() as
    | DraftRow
    | undefined;
}

function requireDraft(db: Database): DraftRow {
  const row = draftRow(db);
  if (!row) throw new AppError('not_found', 'No agreement has been started yet.');
  return row;
}

const touch = (db: Database) => db.prepare(`UPDATE agreement SET updated_at = ${NOW} WHERE id = 1`).run();

export function getPracticalities(db: Database): Practicalities {
  return db.prepare(`SELECT ${PRACTICALITY_COLUMNS} FROM agreement WHERE id = 1`).get() as Practicalities;
}

const listRules = (db: Database): Rule[] =>
  db.prepare('SELECT id, text FROM agreement_rule ORDER BY position, id').all() as Rule[];

/** Every section as it stands now: the parties, the draft's texts, and the live meeting plan. */
export function currentSnapshot(db: Database): AgreementSnapshot {
  const programme = requireProgramme(db);
  const members = db.prepare('SELECT id, name FROM member WHERE left_on IS NULL ORDER BY id').all() as {
    id: number;
    name: string;
  }[];
  const plan = db
    .prepare(
      `SELECT id, number, planned_theme AS plannedTheme, planned_date AS plannedDate, planned_month AS plannedMonth,
       place, format, status FROM meeting WHERE status <> 'cancelled' ORDER BY number`,
    )
    .all() as (SnapshotPlanRow & { status: string })[];
  // A held meeting's row is what was agreed for it: correcting the day it was actually held is
  // the meeting's record, not a change to the agreement.
  const agreed = new Map(latestSnapshot(db)?.plan.map((row) => [row.id, row]));
  return AgreementSnapshot.parse({
    parties: {
      programmeName: programme.name,
      organisation: programme.organisation,
      facilitatorName: programme.facilitatorName,
      startDate: programme.startDate,
      endDate: programme.endDate,
      members,
    },
    goals: draftGoals(db),
    rules: listRules(db),
    practicalities: getPracticalities(db),
    plan: plan.map((row) => (row.status === 'held' ? (agreed.get(row.id) ?? row) : row)),
  });
}

function latestSnapshot(db: Database): AgreementSnapshot | null {
  const row = db.prepare('SELECT snapshot FROM agreement_version ORDER BY number DESC LIMIT 1').get() as { snapshot: string } | undefined;
  return row ? AgreementSnapshot.parse(JSON.parse(row.snapshot)) : null;
}

interface VersionRow {
  id: number;
  number: number;
  agreedOn: string;
  note: string;
  createdAt: string;
}
const VERSION_COLUMNS = 'id, number, agreed_on AS agreedOn, note, created_at AS createdAt';

function withAcceptances(db: Database, row: VersionRow): AgreementVersion {
  const acceptances = db
    .prepare(
      `SELECT member_id AS memberId, accepted_on AS acceptedOn FROM agreement_acceptance
       WHERE version_id = ? ORDER BY member_id`,
    )
    .all(row.id) as AgreementVersion['acceptances'];
  return { ...row, acceptances };
}

export function listVersions(db: Database): AgreementVersion[] {
  const rows = db.prepare(`SELECT ${VERSION_COLUMNS} FROM agreement_version ORDER BY number`).all() as VersionRow[];
  return rows.map((row) => withAcceptances(db, row));
}

function versionById(db: Database, id: number): AgreementVersion {
  const row = db.prepare(`SELECT ${VERSION_COLUMNS} FROM agreement_version WHERE id = ?`).get(id) as VersionRow | undefined;
  if (!row) throw new AppError('not_found', `No agreed version with id ${id}.`);
  return withAcceptances(db, row);
}

/** The frozen snapshot of version `number`, or the current draft (`null`). */
export function snapshotOf(db: Database, number: number | null): AgreementSnapshot {
  if (number === null) {
    requireDraft(db);
    return currentSnapshot(db);
  }
  const row = db.prepare('SELECT snapshot FROM agreement_version WHERE number = ?').get(number) as
    | { snapshot: string }
    | undefined;
  if (!row) throw new AppError('not_found', `No agreed version number ${number}.`);
  return AgreementSnapshot.parse(JSON.parse(row.snapshot));
}

/** Same content, whatever the key order of the stored JSON. */
const canonical = (snapshot: AgreementSnapshot) => JSON.stringify(AgreementSnapshot.parse(snapshot));

export function getAgreement(db: Database): Agreement | null {
  const row = draftRow(db);
  if (!row) return null;
  const versions = listVersions(db);
  const latest = versions.at(-1);
  const draft = currentSnapshot(db);
  return {
    startedFrom: row.startedFrom,
    updatedAt: row.updatedAt,
    goals: draft.goals,
    rules: draft.rules,
    practicalities: draft.practicalities,
    versions,
    draftDiffers: latest ? canonical(snapshotOf(db, latest.number)) !== canonical(draft) : true,
  };
}

const requireAgreement = (db: Database): Agreement => {
  const agreement = getAgreement(db);
  if (!agreement) throw new AppError('not_found', 'No agreement has been started yet.');
  return agreement;
};

function insertGoal(db: Database, kind: GoalKind, text: string): Goal {
  const { count, next } = db
    .prepare('SELECT count(*) AS count, coalesce(max(position), 0) + 1 AS next FROM agreement_goal WHERE kind = ?')
    .get(kind) as { count: number; next: number };
  if (count >= AGREEMENT_LIMITS.items) throw new AppError('conflict', `A list can have at most ${AGREEMENT_LIMITS.items} goals.`);
  const { lastInsertRowid } = db.prepare('INSERT INTO agreement_goal (kind, text, position) VALUES (?, ?, ?)').run(kind, text, next);
  return { id: Number(lastInsertRowid), kind, text };
}

function insertRule(db: Database, text: string): Rule {
  const { count, next } = db
    .prepare('SELECT count(*) AS count, coalesce(max(position), 0) + 1 AS next FROM agreement_rule')
    .get() as { count: number; next: number };
  if (count >= AGREEMENT_LIMITS.items) throw new AppError('conflict', `The agreement can have at most ${AGREEMENT_LIMITS.items} rules.`);
  const { lastInsertRowid } = db.prepare('INSERT INTO agreement_rule (text, position) VALUES (?, ?)').run(text, next);
  return { id: Number(lastInsertRowid), text };
}

function writePracticalities(db: Database, p: Practicalities) {
  db.prepare(
    `UPDATE agreement SET duration = ?, meeting_frequency = ?, meeting_minutes = ?, working_time = ?, costs = ?,
     contact = ?, tasks = ?, confidentiality = ?, updated_at = ${NOW} WHERE id = 1`,
  ).run(p.duration, p.meetingFrequency, p.meetingMinutes, p.workingTime, p.costs, p.contact, p.tasks, p.confidentiality);
}

/**
 * Starts the agreement, empty or from the starter template. The template's six-meeting plan is
 * added only when no meetings exist yet: an existing plan is the group's, never replaced.
 */
export function startAgreement(db: Database, { template }: AgreementStart): Agreement {
  return db.transaction(() => {
    const programme = requireProgramme(db);
    if (draftRow(db)) throw new AppError('conflict', 'An agreement has already been started.');
    db.prepare('INSERT INTO agreement (id, started_from) VALUES (1, ?)').run(template ?? 'empty');
    if (template) {
      const starter = STARTER_TEMPLATES[template];
      writePracticalities(db, starter.practicalities);
      for (const goal of starter.goals) insertGoal(db, goal.kind, goal.text);
      for (const rule of starter.rules) insertRule(db, rule);
      const { meetings } = db.prepare('SELECT count(*) AS meetings FROM meeting').get() as { meetings: number };
      if (meetings === 0) {
        const months = spreadMonths(programme.startDate, programme.endDate, starter.plan.length);
        starter.plan.forEach((row, index) =>
          addPlanned(db, {
            number: index + 1,
            plannedTheme: row.theme,
            plannedDate: null,
            plannedMonth: months[index] ?? null,
            place: row.place,
            format: row.format,
          }),
        );
      }
    }
    return requireAgreement(db);
  })();
}

export function updatePracticalities(db: Database, input: Practicalities): Practicalities {
  return db.transaction(() => {
    requireDraft(db);
    writePracticalities(db, input);
    return getPracticalities(db);
  })();
}

function goalById(db: Database, id: number): Goal {
  const goal = db.prepare('SELECT id, kind, text FROM agreement_goal WHERE id = ?').get(id) as Goal | undefined;
  if (!goal) throw new AppError('not_found', `No goal with id ${id}.`);
  return goal;
}

export function addGoal(db: Database, { kind, text }: GoalAdd): Goal {
  return db.transaction(() => {
    requireDraft(db);
    const goal = insertGoal(db, kind, text);
    touch(db);
    return goal;
  })();
}

export function updateGoal(db: Database, { id, text }: GoalUpdate): Goal {
  return db.transaction(() => {
    requireDraft(db);
    goalById(db, id);
    db.prepare('UPDATE agreement_goal SET text = ? WHERE id = ?').run(text, id);
    touch(db);
    return goalById(db, id);
  })();
}

/** Removes a goal and answers it as it was (with its place), so that Undo can put it back. */
export function removeGoal(db: Database, { id }: ItemRef): RemovedGoal {
  return db.transaction(() => {
    requireDraft(db);
    goalById(db, id);
    const removed = db.prepare('SELECT id, kind, text, position FROM agreement_goal WHERE id = ?').get(id) as RemovedGoal;
    db.prepare('DELETE FROM agreement_goal WHERE id = ?').run(id);
    touch(db);
    return removed;
  })();
}

/** Undo: the goal comes back with its id (versions compare by id) and in its place. */
export function restoreGoal(db: Database, row: RemovedGoal): Goal {
  return db.transaction(() => {
    requireDraft(db);
    refuseTaken(db, 'agreement_goal', row.id, 'SELECT count(*) AS count FROM agreement_goal WHERE kind = ?', row.kind);
    db.prepare('INSERT INTO agreement_goal (id, kind, text, position) VALUES (:id, :kind, :text, :position)').run(row);
    touch(db);
    return goalById(db, row.id);
  })();
}

/** A restored item needs its id free and room in its list. */
function refuseTaken(db: Database, table: 'agreement_goal' | 'agreement_rule', id: number, countSql: string, ...params: unknown[]) {
  if (db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id)) throw new AppError('conflict', `Item ${id} is already in the agreement.`);
  const { count } = db.prepare(countSql).get(...params) as { count: number };
  if (count >= AGREEMENT_LIMITS.items) throw new AppError('conflict', `A list can have at most ${AGREEMENT_LIMITS.items} items.`);
}

/** Writes a new order; it must name every current item exactly once. */
function reorder(db: Database, table: 'agreement_goal' | 'agreement_rule', current: number[], ids: number[]) {
  const same = ids.length === current.length && new Set(ids).size === ids.length && ids.every((id) => current.includes(id));
  if (!same) throw new AppError('conflict', 'The list changed meanwhile; the new order does not match it.');
  const update = db.prepare(`UPDATE ${table} SET position = ? WHERE id = ?`);
  ids.forEach((id, index) => update.run(index + 1, id));
  touch(db);
}

export function reorderGoals(db: Database, { kind, ids }: GoalOrder): Goal[] {
  return db.transaction(() => {
    requireDraft(db);
    const current = (db.prepare('SELECT id FROM agreement_goal WHERE kind = ?').all(kind) as { id: number }[]).map((r) => r.id);
    reorder(db, 'agreement_goal', current, ids);
    return draftGoals(db).filter((goal) => goal.kind === kind);
  })();
}

function ruleById(db: Database, id: number): Rule {
  const rule = db.prepare('SELECT id, text FROM agreement_rule WHERE id = ?').get(id) as Rule | undefined;
  if (!rule) throw new AppError('not_found', `No ground rule with id ${id}.`);
  return rule;
}

export function addRule(db: Database, { text }: RuleAdd): Rule {
  return db.transaction(() => {
    requireDraft(db);
    const rule = insertRule(db, text);
    touch(db);
    return rule;
  })();
}

export function updateRule(db: Database, { id, text }: RuleUpdate): Rule {
  return db.transaction(() => {
    requireDraft(db);
    ruleById(db, id);
    db.prepare('UPDATE agreement_rule SET text = ? WHERE id = ?').run(text, id);
    touch(db);
    return ruleById(db, id);
  })();
}

/** Removes a ground rule and answers it as it was (with its place), so that Undo can put it back. */
export function removeRule(db: Database, { id }: ItemRef): RemovedRule {
  return db.transaction(() => {
    requireDraft(db);
    ruleById(db, id);
    const removed = db.prepare('SELECT id, text, position FROM agreement_rule WHERE id = ?').get(id) as RemovedRule;
    db.prepare('DELETE FROM agreement_rule WHERE id = ?').run(id);
    touch(db);
    return removed;
  })();
}

/** Undo: the rule comes back with its id and in its place. */
export function restoreRule(db: Database, row: RemovedRule): Rule {
  return db.transaction(() => {
    requireDraft(db);
    refuseTaken(db, 'agreement_rule', row.id, 'SELECT count(*) AS count FROM agreement_rule');
    db.prepare('INSERT INTO agreement_rule (id, text, position) VALUES (:id, :text, :position)').run(row);
    touch(db);
    return ruleById(db, row.id);
  })();
}

export function reorderRules(db: Database, { ids }: RuleOrder): Rule[] {
  return db.transaction(() => {
    requireDraft(db);
    const current = listRules(db).map((rule) => rule.id);
    reorder(db, 'agreement_rule', current, ids);
    return listRules(db);
  })();
}

/**
 * Freezes the draft as the next agreed version. Versions are append-only: the store's triggers
 * refuse any change to one, so what the group agreed on stays exactly as it was.
 */
export function saveVersion(db: Database, { agreedOn, note }: VersionSave): AgreementVersion {
  return db.transaction(() => {
    requireDraft(db);
    const { endDate } = requireProgramme(db);
    if (agreedOn > endDate) throw fieldError('agreedOn', 'agreedAfterProgramme', `The programme ended on ${endDate}.`);
    requireNotAfterToday(agreedOn, 'agreedOn');
    const latest = listVersions(db).at(-1);
    if (latest && agreedOn < latest.agreedOn) {
      throw fieldError('agreedOn', 'agreedBeforePrevious', `Version ${latest.number} was agreed on ${latest.agreedOn}; a new one cannot be earlier.`);
    }
    const draft = currentSnapshot(db);
    if (latest && canonical(snapshotOf(db, latest.number)) === canonical(draft)) {
      throw new AppError('conflict', `The draft is the same as version ${latest.number}; a new version records a change.`, [
        { path: '', message: 'versionUnchanged' },
      ]);
    }
    const number = (latest?.number ?? 0) + 1;
    const snapshot = JSON.stringify(draft);
    const { lastInsertRowid } = db
      .prepare('INSERT INTO agreement_version (number, agreed_on, note, snapshot) VALUES (?, ?, ?, ?)')
      .run(number, agreedOn, note, snapshot);
    return versionById(db, Number(lastInsertRowid));
  })();
}

/** Records (or, with `null`, takes back) the day a member accepted a version. */
export function setAcceptance(db: Database, { versionId, memberId, acceptedOn }: AcceptanceSet): AgreementVersion {
  return db.transaction(() => {
    const version = versionById(db, versionId);
    if (!db.prepare('SELECT 1 FROM member WHERE id = ?').get(memberId)) throw new AppError('not_found', `No member with id ${memberId}.`);
    if (acceptedOn === null) {
      db.prepare('DELETE FROM agreement_acceptance WHERE version_id = ? AND member_id = ?').run(versionId, memberId);
    } else {
      if (acceptedOn < version.agreedOn) {
        throw fieldError('acceptedOn', 'acceptedBeforeAgreed', `Version ${version.number} was agreed on ${version.agreedOn}.`);
      }
      requireNotAfterToday(acceptedOn, 'acceptedOn');
      const { leftOn } = db.prepare('SELECT left_on AS leftOn FROM member WHERE id = ?').get(memberId) as { leftOn: string | null };
      if (leftOn !== null && acceptedOn > leftOn) throw fieldError('acceptedOn', 'memberHadLeft', `The member left on ${leftOn}.`);
      db.prepare(
        `INSERT INTO agreement_acceptance (version_id, member_id, accepted_on) VALUES (?, ?, ?)
         ON CONFLICT (version_id, member_id) DO UPDATE SET accepted_on = excluded.accepted_on`,
      ).run(versionId, memberId, acceptedOn);
    }
    return versionById(db, versionId);
  })();
}
