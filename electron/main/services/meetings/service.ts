import type { Database } from 'better-sqlite3';
import type {
  Action,
  AttendanceInput,
  AttendanceMark,
  MeetingDetail,
  MeetingNotes,
  MeetingSummary,
  MeetingTiming,
  NextMeetingInput,
} from '@shared/domain';
import { AppError, fieldError } from '../errors';
import { requireProgramme } from '../programme/service';
import { addPlanned, getPlanned, updatePlanned } from './plan';
import { ACTION_COLUMNS, MEETING_COLUMNS, listItems, now, requireMeeting, requireMember } from './queries';
import { requireMemberThen, requireNotCancelled, requireNotInFuture } from './rules';

type MeetingBase = MeetingDetail['next'] & object;

/** Every meeting at a glance, in two statements however many meetings there are. */
export function listOverview(db: Database): MeetingSummary[] {
  const meetings = db
    .prepare(
      `SELECT ${MEETING_COLUMNS},
         (SELECT count(*) FROM attendance WHERE meeting_id = m.id AND present = 1) AS presentCount,
         (SELECT count(*) FROM attendance WHERE meeting_id = m.id) AS markedCount,
         (SELECT count(*) FROM action WHERE meeting_id = m.id AND status = 'open') AS openActions
       FROM meeting m ORDER BY m.number`,
    )
    .all() as Omit<MeetingSummary, 'themes'>[];
  const themes = new Map<number, string[]>();
  const rows = db
    .prepare(
      `SELECT mt.meeting_id AS meetingId, t.name FROM meeting_theme mt JOIN theme t ON t.id = mt.theme_id
       ORDER BY mt.meeting_id, mt.position, t.name`,
    )
    .all() as { meetingId: number; name: string }[];
  for (const { meetingId, name } of rows) {
    const list = themes.get(meetingId) ?? [];
    list.push(name);
    themes.set(meetingId, list);
  }
  return meetings.map((m) => ({ ...m, themes: themes.get(m.id) ?? [] }));
}

function getBase(db: Database, id: number): MeetingBase {
  const row = db.prepare(`SELECT ${MEETING_COLUMNS} FROM meeting m WHERE m.id = ?`).get(id) as MeetingBase | undefined;
  if (!row) throw new AppError('not_found', `No meeting with id ${id}.`);
  return row;
}

function nextOf(db: Database, number: number): MeetingBase | null {
  return (
    (db
      .prepare(`SELECT ${MEETING_COLUMNS} FROM meeting m WHERE m.number > ? AND m.status <> 'cancelled' ORDER BY m.number LIMIT 1`)
      .get(number) as MeetingBase | undefined) ?? null
  );
}

/** The notes of a meeting: CONFIDENTIAL, in a table of their own ('' when there are none). */
const notesOf = (db: Database, id: number): string =>
  (db.prepare('SELECT text FROM meeting_note WHERE meeting_id = ?').get(id) as { text: string } | undefined)?.text ?? '';

/** Attendance marks with the reason of an absence (CONFIDENTIAL, kept apart in absence_reason). */
function attendanceOf(db: Database, id: number): AttendanceMark[] {
  const rows = db
    .prepare(
      `SELECT a.member_id AS memberId, a.present, coalesce(r.reason, '') AS absenceReason
       FROM attendance a LEFT JOIN absence_reason r ON r.meeting_id = a.meeting_id AND r.member_id = a.member_id
       WHERE a.meeting_id = ? ORDER BY a.member_id`,
    )
    .all(id) as { memberId: number; present: number; absenceReason: string }[];
  return rows.map((a) => ({ ...a, present: a.present === 1 }));
}

export function getMeeting(db: Database, id: number): MeetingDetail {
  const base = getBase(db, id);
  const notes = notesOf(db, id);
  const attendance = attendanceOf(db, id);
  const themes = db
    .prepare(
      'SELECT t.id, t.name FROM meeting_theme mt JOIN theme t ON t.id = mt.theme_id WHERE mt.meeting_id = ? ORDER BY mt.position, t.id',
    )
    .all(id) as { id: number; name: string }[];
  const actions = db
    .prepare(`SELECT ${ACTION_COLUMNS} FROM action a JOIN meeting m ON m.id = a.meeting_id WHERE a.meeting_id = ? ORDER BY a.id`)
    .all(id) as Action[];
  // Open actions from earlier meetings, plus those already reviewed here (so a review stays visible).
  const carriedOver = db
    .prepare(
      `SELECT ${ACTION_COLUMNS} FROM action a JOIN meeting m ON m.id = a.meeting_id
       WHERE m.number < ? AND (a.status = 'open' OR a.reviewed_in_id = ?) ORDER BY m.number, a.id`,
    )
    .all(base.number, id) as Action[];
  return {
    ...base,
    notes,
    attendance,
    themes,
    actions,
    carriedOver,
    tasks: listItems(db, 'task', id),
    ideas: listItems(db, 'idea_to_forward', id),
    next: nextOf(db, base.number),
  };
}

export function setTiming(db: Database, { id, startTime, plannedMinutes }: MeetingTiming): MeetingDetail {
  return db.transaction(() => {
    requireMeeting(db, id);
    db.prepare(`UPDATE meeting SET start_time = ?, planned_minutes = ?, updated_at = ${now} WHERE id = ?`).run(startTime, plannedMinutes, id);
    return getMeeting(db, id);
  })();
}

export function setHeld(db: Database, { id, held }: { id: number; held: boolean }): MeetingDetail {
  return db.transaction(() => {
    const meeting = requireNotCancelled(db, id, 'held');
    if (held) requireNotInFuture(meeting, 'held', 'heldInFuture');
    db.prepare(`UPDATE meeting SET status = ?, updated_at = ${now} WHERE id = ?`).run(held ? 'held' : 'planned', id);
    return getMeeting(db, id);
  })();
}

/**
 * The autosave target for notes: one small transaction, durable when it returns. Notes live in
 * meeting_note, a row only while there is text; the shareable meeting row is not touched.
 */
export function saveNotes(db: Database, { id, notes }: MeetingNotes): { savedAt: string } {
  return db.transaction(() => {
    requireMeeting(db, id);
    if (notes === '') {
      db.prepare('DELETE FROM meeting_note WHERE meeting_id = ?').run(id);
      return db.prepare(`SELECT ${now} AS savedAt`).get() as { savedAt: string };
    }
    return db
      .prepare(
        `INSERT INTO meeting_note (meeting_id, text) VALUES (?, ?)
         ON CONFLICT (meeting_id) DO UPDATE SET text = excluded.text, updated_at = ${now}
         RETURNING updated_at AS savedAt`,
      )
      .get(id, notes) as { savedAt: string };
  })();
}

/** A reason is kept only for an absence that has one; CONFIDENTIAL, in its own table. */
function saveAbsenceReason(db: Database, meetingId: number, memberId: number, reason: string): void {
  if (reason === '') {
    db.prepare('DELETE FROM absence_reason WHERE meeting_id = ? AND member_id = ?').run(meetingId, memberId);
    return;
  }
  db.prepare(
    `INSERT INTO absence_reason (meeting_id, member_id, reason) VALUES (?, ?, ?)
     ON CONFLICT (meeting_id, member_id) DO UPDATE SET reason = excluded.reason`,
  ).run(meetingId, memberId, reason);
}

export function setAttendance(db: Database, input: AttendanceInput): AttendanceMark[] {
  return db.transaction(() => {
    requireMeeting(db, input.meetingId);
    requireMember(db, input.memberId);
    // Clearing a mark is always possible; a mark needs a meeting that took place and a member still in the group.
    if (input.present !== null) requireMemberThen(db, input.memberId, requireNotCancelled(db, input.meetingId, 'meetingId'), 'memberId');
    if (input.present === null) {
      // The reason goes with the mark (ON DELETE CASCADE).
      db.prepare('DELETE FROM attendance WHERE meeting_id = ? AND member_id = ?').run(input.meetingId, input.memberId);
    } else {
      db.prepare(
        `INSERT INTO attendance (meeting_id, member_id, present) VALUES (?, ?, ?)
         ON CONFLICT (meeting_id, member_id) DO UPDATE SET present = excluded.present`,
      ).run(input.meetingId, input.memberId, input.present ? 1 : 0);
      saveAbsenceReason(db, input.meetingId, input.memberId, input.present ? '' : input.absenceReason);
    }
    return attendanceOf(db, input.meetingId);
  })();
}

/**
 * "Next meeting: date and theme" updates the plan: the next meeting in the plan gets the date and
 * theme (its history keeps the old ones); if there is none yet, one is added.
 */
export function setNext(db: Database, input: NextMeetingInput): MeetingDetail {
  return db.transaction(() => {
    const current = getBase(db, input.meetingId);
    requireProgramme(db);
    if (input.plannedDate && current.plannedDate && input.plannedDate <= current.plannedDate) {
      throw fieldError('plannedDate', 'nextBeforeCurrent', 'The next meeting must come after this one.');
    }
    const next = nextOf(db, current.number);
    if (next) {
      const plan = getPlanned(db, next.id);
      updatePlanned(db, {
        ...plan,
        plannedDate: input.plannedDate,
        plannedMonth: input.plannedDate ? null : plan.plannedMonth,
        plannedTheme: input.plannedTheme,
      });
    } else {
      addPlanned(db, { plannedDate: input.plannedDate, plannedMonth: null, plannedTheme: input.plannedTheme, place: '', format: null });
    }
    return getMeeting(db, input.meetingId);
  })();
}
