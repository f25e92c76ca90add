import type { Database } from 'better-sqlite3';
import type { Programme, ProgrammeFields, SetupInput } from '@shared/domain';
import { AppError, fieldError } from '../errors';
import type { HandlersOf } from '../handlers';
import { insertMember } from '../members/service';
import { getProgramme, requireProgramme } from './queries';

export { getProgramme, requireProgramme };

/** Creates the programme and its first members in one transaction. */
export function setupProgramme(db: Database, input: SetupInput): Programme {
  return db.transaction(() => {
    if (getProgramme(db)) throw new AppError('already_set_up', 'The group has already been set up.');
    const p = input.programme;
    db.prepare(
      `INSERT INTO programme (id, name, organisation, facilitator_name, start_date, end_date)
       VALUES (1, ?, ?, ?, ?, ?)`,
    ).run(p.name, p.organisation, p.facilitatorName, p.startDate, p.endDate);
    for (const member of input.members) insertMember(db, member);
    return requireProgramme(db);
  })();
}

/**
 * What is dated inside the programme keeps it from being shortened past it: meetings (by date or
 * month, as the plan checks them), members' leaving days, agreed versions and the decision.
 */
const OUTSIDE: { key: string; edge: 'startDate' | 'endDate'; sql: string; sentence: string }[] = [
  {
    key: 'meetingsOutsidePeriod',
    edge: 'startDate',
    sql: `SELECT 1 FROM meeting WHERE planned_date < :start OR planned_month < substr(:start, 1, 7)`,
    sentence: 'A meeting is planned before the new start date.',
  },
  {
    key: 'meetingsOutsidePeriod',
    edge: 'endDate',
    sql: `SELECT 1 FROM meeting WHERE planned_date > :end OR planned_month > substr(:end, 1, 7)`,
    sentence: 'A meeting is planned after the new end date.',
  },
  { key: 'leavingOutsidePeriod', edge: 'startDate', sql: 'SELECT 1 FROM member WHERE left_on < :start', sentence: 'A member left before the new start date.' },
  { key: 'leavingOutsidePeriod', edge: 'endDate', sql: 'SELECT 1 FROM member WHERE left_on > :end', sentence: 'A member leaves after the new end date.' },
  { key: 'versionAfterPeriod', edge: 'endDate', sql: 'SELECT 1 FROM agreement_version WHERE agreed_on > :end', sentence: 'A version was agreed after the new end date.' },
  {
    key: 'decisionBeforePeriod',
    edge: 'startDate',
    sql: 'SELECT 1 FROM continuation_decision WHERE decided_on < :start',
    sentence: 'The decision is dated before the new start date.',
  },
];

function checkPeriod(db: Database, { startDate, endDate }: ProgrammeFields) {
  for (const rule of OUTSIDE) {
    if (db.prepare(rule.sql).get({ start: startDate, end: endDate })) throw fieldError(rule.edge, rule.key, rule.sentence);
  }
}

export function updateProgramme(db: Database, fields: ProgrammeFields): Programme {
  return db.transaction(() => {
    requireProgramme(db);
    checkPeriod(db, fields);
    db.prepare(
      `UPDATE programme SET name = ?, organisation = ?, facilitator_name = ?, start_date = ?, end_date = ?,
       updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1`,
    ).run(fields.name, fields.organisation, fields.facilitatorName, fields.startDate, fields.endDate);
    return requireProgramme(db);
  })();
}

export const programmeHandlers = (db: Database): HandlersOf<'programme.get' | 'programme.setup' | 'programme.update'> => ({
  'programme.get': () => getProgramme(db),
  'programme.setup': (input) => setupProgramme(db, input),
  'programme.update': (input) => updateProgramme(db, input),
});
