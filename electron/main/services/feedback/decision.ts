import type { Database } from 'better-sqlite3';
import type { DecisionFields } from '@shared/domain';
import { requireNotAfterToday } from '../clock';
import { fieldError } from '../errors';
import { requireProgramme } from '../programme/queries';

/**
 * The group's decision on how to go on after the pilot, with the facilitator's short rationale.
 * SHAREABLE by purpose: it is written for the management summary (which may read it from here).
 */
export function getDecision(db: Database): DecisionFields {
  const row = db
    .prepare('SELECT decision, rationale, decided_on AS decidedOn FROM continuation_decision WHERE id = 1')
    .get() as DecisionFields | undefined;
  return row ?? { decision: null, rationale: '', decidedOn: null };
}

export function saveDecision(db: Database, input: DecisionFields): DecisionFields {
  return db.transaction(() => {
    if (input.decidedOn !== null) {
      const { startDate } = requireProgramme(db);
      if (input.decidedOn < startDate) throw fieldError('decidedOn', 'beforeProgramme', `The programme started on ${startDate}.`);
      requireNotAfterToday(input.decidedOn, 'decidedOn');
    }
    db.prepare(
      `INSERT INTO continuation_decision (id, decision, rationale, decided_on) VALUES (1, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET decision = excluded.decision, rationale = excluded.rationale,
         decided_on = excluded.decided_on, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
    ).run(input.decision, input.rationale, input.decidedOn);
    return getDecision(db);
  })();
}
