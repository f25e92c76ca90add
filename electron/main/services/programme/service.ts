import type { Database } from 'better-sqlite3';
import type { Programme, ProgrammeFields, SetupInput } from '@shared/domain';
import { AppError } from '../errors';
import type { HandlersOf } from '../handlers';
import { insertMember } from '../members/service';

const SELECT = `SELECT name, organisation, facilitator_name AS facilitatorName, start_date AS startDate,
  end_date AS endDate, created_at AS createdAt, updated_at AS updatedAt FROM programme WHERE id = 1`;

export function getProgramme(db: Database): Programme | null {
  return (db.prepare(SELECT).get() as Programme | undefined) ?? null;
}

export function requireProgramme(db: Database): Programme {
  const programme = getProgramme(db);
  if (!programme) throw new AppError('not_set_up', 'The group has not been set up yet.');
  return programme;
}

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

export function updateProgramme(db: Database, fields: ProgrammeFields): Programme {
  return db.transaction(() => {
    requireProgramme(db);
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
