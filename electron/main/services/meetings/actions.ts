import type { Database } from 'better-sqlite3';
import type { Action, ActionAdd, ActionFilter, ActionStatusInput, ActionUpdate, RemovedAction } from '@shared/domain';
import { AppError } from '../errors';
import { ACTION_COLUMNS, getAction, now } from './queries';
import { meetingFacts, requireDueAfter, requireMemberThen, requireNotCancelled, requireReviewAfter, type MeetingFacts } from './rules';

/** Agreed actions: CONFIDENTIAL (they stay in the group). Open ones carry over to later meetings. */
function checkFields(db: Database, meeting: MeetingFacts, input: { ownerMemberId: number | null; dueDate: string | null }) {
  if (input.ownerMemberId !== null) requireMemberThen(db, input.ownerMemberId, meeting, 'ownerMemberId');
  requireDueAfter(meeting, input.dueDate, 'dueDate');
}

export function listActions(db: Database, { status, memberId }: ActionFilter): Action[] {
  return db
    .prepare(
      `SELECT ${ACTION_COLUMNS} FROM action a JOIN meeting m ON m.id = a.meeting_id
       WHERE (:status IS NULL OR a.status = :status) AND (:memberId IS NULL OR a.owner_member_id = :memberId)
       ORDER BY m.number, a.id`,
    )
    .all({ status, memberId }) as Action[];
}

export function addAction(db: Database, input: ActionAdd): Action {
  return db.transaction(() => {
    checkFields(db, requireNotCancelled(db, input.meetingId, 'meetingId'), input);
    const { lastInsertRowid } = db
      .prepare('INSERT INTO action (meeting_id, text, owner_member_id, due_date) VALUES (?, ?, ?, ?)')
      .run(input.meetingId, input.text, input.ownerMemberId, input.dueDate);
    return getAction(db, Number(lastInsertRowid));
  })();
}

export function updateAction(db: Database, input: ActionUpdate): Action {
  return db.transaction(() => {
    const action = getAction(db, input.id);
    checkFields(db, meetingFacts(db, action.meetingId), input);
    db.prepare(`UPDATE action SET text = ?, owner_member_id = ?, due_date = ?, updated_at = ${now} WHERE id = ?`).run(
      input.text,
      input.ownerMemberId,
      input.dueDate,
      input.id,
    );
    return getAction(db, input.id);
  })();
}

/** Marks an action done, dropped or open again, remembering in which meeting it was reviewed. */
export function setActionStatus(db: Database, { id, status, reviewedInId }: ActionStatusInput): Action {
  return db.transaction(() => {
    const action = getAction(db, id);
    if (reviewedInId !== null) {
      requireReviewAfter(meetingFacts(db, action.meetingId), requireNotCancelled(db, reviewedInId, 'reviewedInId'), 'reviewedInId');
    }
    db.prepare(`UPDATE action SET status = ?, reviewed_in_id = ?, updated_at = ${now} WHERE id = ?`).run(status, reviewedInId, id);
    return getAction(db, id);
  })();
}

/** Removes an action and answers it exactly as it was, so that Undo can put it back (restoreAction). */
export function removeAction(db: Database, { id }: { id: number }): RemovedAction {
  return db.transaction(() => {
    getAction(db, id);
    const removed = db
      .prepare(
        `SELECT id, meeting_id AS meetingId, text, owner_member_id AS ownerMemberId, due_date AS dueDate, status,
         reviewed_in_id AS reviewedInId, created_at AS createdAt, updated_at AS updatedAt FROM action WHERE id = ?`,
      )
      .get(id) as RemovedAction;
    db.prepare('DELETE FROM action WHERE id = ?').run(id);
    return removed;
  })();
}

/** Undo: the removed action comes back with its id, owner, due date, review and timestamps. */
export function restoreAction(db: Database, row: RemovedAction): Action {
  return db.transaction(() => {
    // The same rules as adding and reviewing: a row given back is checked like one typed anew.
    const meeting = requireNotCancelled(db, row.meetingId, 'meetingId');
    checkFields(db, meeting, row);
    if (row.reviewedInId !== null) {
      requireReviewAfter(meeting, requireNotCancelled(db, row.reviewedInId, 'reviewedInId'), 'reviewedInId');
    }
    if (db.prepare('SELECT 1 FROM action WHERE id = ?').get(row.id)) throw new AppError('conflict', `Action ${row.id} is already there.`);
    db.prepare(
      `INSERT INTO action (id, meeting_id, text, owner_member_id, due_date, status, reviewed_in_id, created_at, updated_at)
       VALUES (:id, :meetingId, :text, :ownerMemberId, :dueDate, :status, :reviewedInId, :createdAt, :updatedAt)`,
    ).run(row);
    return getAction(db, row.id);
  })();
}
