import type { Database } from 'better-sqlite3';
import type { MeetingStatus } from '@shared/domain';
import { daysOf, startsAfter, today } from '../clock';
import { AppError, fieldError } from '../errors';

/**
 * The domain's rules about what can be recorded in a meeting, each in one function that every
 * write able to break it calls. A meeting's day is its date, or any day of its planned month
 * (only what is certainly impossible is refused); a meeting with neither is not dated yet.
 */
export interface MeetingFacts {
  id: number;
  number: number;
  status: MeetingStatus;
  plannedDate: string | null;
  plannedMonth: string | null;
}

export function meetingFacts(db: Database, id: number): MeetingFacts {
  const row = db
    .prepare('SELECT id, number, status, planned_date AS plannedDate, planned_month AS plannedMonth FROM meeting WHERE id = ?')
    .get(id) as MeetingFacts | undefined;
  if (!row) throw new AppError('not_found', `No meeting with id ${id}.`);
  return row;
}

/** The first day a meeting can fall on, in SQL, for rules checked over many rows at once. */
export const FIRST_DAY_SQL = (alias: string) => `coalesce(${alias}.planned_date, ${alias}.planned_month || '-01')`;

/** A cancelled meeting did not take place: nobody attended it, and nothing was agreed, discussed or reviewed in it. */
export function requireNotCancelled(db: Database, meetingId: number, path: string): MeetingFacts {
  const meeting = meetingFacts(db, meetingId);
  if (meeting.status === 'cancelled') {
    throw fieldError(path, 'meetingCancelled', `Meeting ${meeting.number} was cancelled; nothing can be recorded in it.`);
  }
  return meeting;
}

/** Whether a meeting's first possible day is still to come (an undated meeting is not). */
export const isInFuture = (meeting: Pick<MeetingFacts, 'plannedDate' | 'plannedMonth'>) => startsAfter(meeting, today());

/** A meeting is held, and its feedback round collected, on its day at the earliest. */
export function requireNotInFuture(meeting: MeetingFacts, path: string, key: 'heldInFuture' | 'roundInFuture'): void {
  if (isInFuture(meeting)) {
    throw fieldError(path, key, `Meeting ${meeting.number} is dated ${meeting.plannedDate ?? meeting.plannedMonth}, after today.`);
  }
}

/** A member who had left the group before a meeting has no place in it: no attendance, no action to own, no named feedback. */
export function requireMemberThen(db: Database, memberId: number, meeting: MeetingFacts, path: string): void {
  const member = db.prepare('SELECT left_on AS leftOn FROM member WHERE id = ?').get(memberId) as { leftOn: string | null } | undefined;
  if (!member) throw new AppError('not_found', `No member with id ${memberId}.`);
  const days = daysOf(meeting);
  if (member.leftOn !== null && days !== null && member.leftOn < days.first) {
    throw fieldError(path, 'memberHadLeft', `The member left on ${member.leftOn}, before meeting ${meeting.number}.`);
  }
}

/** An action agreed in a meeting is due on or after that meeting's day. */
export function requireDueAfter(meeting: MeetingFacts, dueDate: string | null, path: string): void {
  const days = daysOf(meeting);
  if (dueDate !== null && days !== null && dueDate < days.first) {
    throw fieldError(path, 'dueBeforeMeeting', 'The due date cannot be before the meeting where the action was agreed.');
  }
}

/** An action is reviewed in the meeting where it was agreed or a later one, never an earlier one. */
export function requireReviewAfter(agreedIn: MeetingFacts, reviewedIn: MeetingFacts, path: string): void {
  if (reviewedIn.number < agreedIn.number) {
    throw fieldError(
      path,
      'reviewedBeforeAgreed',
      `Meeting ${reviewedIn.number} comes before meeting ${agreedIn.number}, where the action was agreed.`,
    );
  }
}

/** What was recorded as happening in a meeting; a meeting with any of it cannot be called off. */
const HAPPENED_IN = `
  SELECT 1 FROM attendance WHERE meeting_id = :id
  UNION ALL SELECT 1 FROM action WHERE meeting_id = :id OR reviewed_in_id = :id
  UNION ALL SELECT 1 FROM meeting_theme WHERE meeting_id = :id
  UNION ALL SELECT 1 FROM task WHERE meeting_id = :id
  UNION ALL SELECT 1 FROM idea_to_forward WHERE meeting_id = :id
  UNION ALL SELECT 1 FROM feedback_survey WHERE meeting_id = :id`;

export function requireNothingHappened(db: Database, meeting: MeetingFacts, path: string): void {
  const { happened } = db.prepare(`SELECT EXISTS (${HAPPENED_IN}) AS happened`).get({ id: meeting.id }) as { happened: number };
  if (happened === 1) {
    throw fieldError(path, 'cancelHasRecords', `Meeting ${meeting.number} already has attendance, actions, themes or feedback; it cannot be cancelled.`);
  }
}

/** Members recorded in a meeting (marked, owning an action, answering its round by name) who had left before `first`. */
const LEFT_BEFORE = `SELECT 1 FROM member mb WHERE mb.left_on < :first AND (
  EXISTS (SELECT 1 FROM attendance WHERE meeting_id = :id AND member_id = mb.id)
  OR EXISTS (SELECT 1 FROM action WHERE meeting_id = :id AND owner_member_id = mb.id)
  OR EXISTS (SELECT 1 FROM feedback_response r JOIN feedback_survey s ON s.id = r.survey_id WHERE s.meeting_id = :id AND r.member_id = mb.id))`;

/** The meeting's (new) day still fits what is dated by it: its actions' due dates and its members' leaving days. */
function requireDayFitsRecords(db: Database, moved: MeetingFacts, path: string): void {
  const days = daysOf(moved);
  if (!days) return;
  if (db.prepare('SELECT 1 FROM action WHERE meeting_id = ? AND due_date < ?').get(moved.id, days.first)) {
    throw fieldError(path, 'meetingAfterDue', `An action agreed in meeting ${moved.number} would be due before the meeting.`);
  }
  if (db.prepare(LEFT_BEFORE).get({ id: moved.id, first: days.first })) {
    throw fieldError(path, 'memberLeftBeforeMeeting', `A member recorded in meeting ${moved.number} had left before it.`);
  }
}

/** Every action agreed or reviewed in the meeting is still reviewed in its own or a later meeting. */
function requireReviewsInOrder(db: Database, moved: MeetingFacts, path: string): void {
  const outOfOrder = db
    .prepare(
      `SELECT 1 FROM action a JOIN meeting agreed ON agreed.id = a.meeting_id JOIN meeting reviewed ON reviewed.id = a.reviewed_in_id
       WHERE (a.meeting_id = :id OR a.reviewed_in_id = :id) AND reviewed.number < agreed.number`,
    )
    .get({ id: moved.id });
  if (outOfOrder) throw fieldError(path, 'reviewedBeforeAgreed', "The new number would put an action's review before the meeting where it was agreed.");
}

/**
 * Moving or renumbering a meeting (checked after the change, inside its transaction) keeps what is
 * recorded in it possible: a held meeting or one with a feedback round stays in the past, its
 * actions are not due before it, the members recorded in it had not left, and reviews keep their order.
 */
export function requireMoveKeepsRecords(db: Database, moved: MeetingFacts, paths: { date: string; number: string }): void {
  if (moved.status === 'held') requireNotInFuture(moved, paths.date, 'heldInFuture');
  if (db.prepare('SELECT 1 FROM feedback_survey WHERE meeting_id = ?').get(moved.id)) requireNotInFuture(moved, paths.date, 'roundInFuture');
  requireDayFitsRecords(db, moved, paths.date);
  requireReviewsInOrder(db, moved, paths.number);
}
