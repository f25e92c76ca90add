import type { Database } from 'better-sqlite3';
import type { Programme } from '@shared/domain';
import { AppError } from '../errors';

/** Reading the programme: a leaf every feature may import (the programme's service imports members). */
const SELECT = `SELECT name, organisation, facilitator_name AS facilitatorName, start_date AS startDate,
  end_date AS endDate, created_at AS createdAt, updated_at AS updatedAt, archived_at AS archivedAt FROM programme WHERE id = 1`;

export function getProgramme(db: Database): Programme | null {
  return (db.prepare(SELECT).get() as Programme | undefined) ?? null;
}

export function requireProgramme(db: Database): Programme {
  const programme = getProgramme(db);
  if (!programme) throw new AppError('not_set_up', 'The group has not been set up yet.');
  return programme;
}
