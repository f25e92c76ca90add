import type { Database } from 'better-sqlite3';
import { AgreementSnapshot, type GoalKind } from '@shared/domain';

export interface AgreementGoal {
  id: number;
  kind: GoalKind;
  text: string;
}

const KIND_ORDER: Record<GoalKind, number> = { organisation: 0, member: 1, group: 2 };

/** The draft's goals in the agreement's order: organisation's, members', then the group's own. */
export function draftGoals(db: Database): AgreementGoal[] {
  const rows = db.prepare('SELECT id, kind, text FROM agreement_goal ORDER BY position, id').all() as AgreementGoal[];
  return rows.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
}

/**
 * The goals the group agreed on: those of the latest agreed version if there is one, else the
 * draft's (empty when no agreement was started). Ids are stable, so a later feature (the final
 * evaluation: one item per goal) can refer to them.
 */
export function listAgreementGoals(db: Database): AgreementGoal[] {
  const latest = db.prepare('SELECT snapshot FROM agreement_version ORDER BY number DESC LIMIT 1').get() as
    | { snapshot: string }
    | undefined;
  if (!latest) return draftGoals(db);
  const snapshot = AgreementSnapshot.parse(JSON.parse(latest.snapshot));
  return snapshot.goals.map(({ id, kind, text }) => ({ id, kind, text }));
}
