import type { StoreProblem } from '@shared/domain';

/** The store could not be opened; the file was left exactly as it was. */
export class StoreOpenError extends Error {
  readonly problem: StoreProblem;
  constructor(problem: StoreProblem) {
    super(`${problem.kind}: ${problem.detail} (${problem.path})`);
    this.name = 'StoreOpenError';
    this.problem = problem;
  }
}

/** The SQLite error code of a better-sqlite3 error, e.g. `SQLITE_CONSTRAINT_FOREIGNKEY`. */
export const sqliteCode = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
