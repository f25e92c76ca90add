import type { Database } from 'better-sqlite3';
import type { MidpointPlan, MidpointState, MidpointVersion } from '@shared/domain';
import { daysOf } from '../clock';
import { AppError, fieldError } from '../errors';
import type { HandlersOf } from '../handlers';
import { listVersions, saveVersion } from '../agreement/service';
import { meetingFacts, requireNotCancelled } from '../meetings/rules';
import { requireProgramme } from '../programme/service';

/**
 * The mid-point check (väliarviointi): planned for the meeting nearest the programme's midpoint
 * unless the facilitator chooses another; once started, held in the meeting it started in. Its
 * answers are the feedback instrument 'midpoint' (feedback/surveys.ts); its outcome can become the
 * agreement's next agreed version, which is linked here.
 */
const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The day halfway between the first and the last day (rounded down). */
export const midpointOf = (startDate: string, endDate: string): string =>
  isoOf(Math.floor((dayNumber(startDate) + dayNumber(endDate)) / 2));

interface Candidate {
  id: number;
  number: number;
  plannedDate: string | null;
  plannedMonth: string | null;
}

/** How many days a meeting may be from `day`: 0 when its month holds the day. */
function distance(meeting: Candidate, day: string): number {
  const days = daysOf(meeting);
  if (!days) return Number.POSITIVE_INFINITY;
  const target = dayNumber(day);
  const first = dayNumber(days.first);
  const last = dayNumber(days.last);
  return target < first ? first - target : target > last ? target - last : 0;
}

/** The dated, not cancelled meeting nearest the midpoint; the earlier one on a tie. */
export function nearestMeeting(meetings: readonly Candidate[], midpoint: string): Candidate | null {
  let best: Candidate | null = null;
  for (const meeting of meetings) {
    const d = distance(meeting, midpoint);
    if (d === Number.POSITIVE_INFINITY) continue;
    if (best === null || d < distance(best, midpoint) || (d === distance(best, midpoint) && meeting.number < best.number)) best = meeting;
  }
  return best;
}

interface CheckRow {
  meetingId: number | null;
  versionId: number | null;
}

const checkRow = (db: Database): CheckRow =>
  (db.prepare('SELECT meeting_id AS meetingId, version_id AS versionId FROM midpoint_check WHERE id = 1').get() as CheckRow | undefined) ?? {
    meetingId: null,
    versionId: null,
  };

const survey = (db: Database) =>
  db.prepare(`SELECT id, meeting_id AS meetingId, status FROM feedback_survey WHERE instrument = 'midpoint'`).get() as
    | { id: number; meetingId: number; status: 'open' | 'closed' }
    | undefined;

export function midpointState(db: Database): MidpointState {
  const { startDate, endDate } = requireProgramme(db);
  const midpointDate = midpointOf(startDate, endDate);
  const meetings = db
    .prepare(`SELECT id, number, planned_date AS plannedDate, planned_month AS plannedMonth, status FROM meeting ORDER BY number`)
    .all() as (Candidate & { status: string })[];
  const automatic = nearestMeeting(meetings.filter((m) => m.status !== 'cancelled'), midpointDate);
  const row = checkRow(db);
  const chosen = meetings.find((m) => m.id === row.meetingId && m.status !== 'cancelled') ?? null;
  const started = survey(db);
  const meetingId = started?.meetingId ?? chosen?.id ?? automatic?.id ?? null;
  const version = row.versionId === null ? null : (listVersions(db).find((v) => v.id === row.versionId) ?? null);
  return {
    midpointDate,
    automaticMeetingId: automatic?.id ?? null,
    chosenMeetingId: chosen?.id ?? null,
    meetingId,
    meetingNumber: meetings.find((m) => m.id === meetingId)?.number ?? null,
    started: started !== undefined,
    ended: started?.status === 'closed',
    version,
  };
}

const requireNotStarted = (db: Database) => {
  if (survey(db)) {
    throw new AppError('conflict', 'The mid-point check has started; it stays in the meeting where it began.', [{ path: 'meetingId', message: 'midpointStarted' }]);
  }
};

export function planMidpoint(db: Database, { meetingId }: MidpointPlan): MidpointState {
  return db.transaction(() => {
    requireProgramme(db);
    requireNotStarted(db);
    if (meetingId !== null) requireNotCancelled(db, meetingId, 'meetingId');
    db.prepare(
      `INSERT INTO midpoint_check (id, meeting_id) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET meeting_id = excluded.meeting_id`,
    ).run(meetingId);
    return midpointState(db);
  })();
}

/**
 * The group agreed what to change: the agreement's draft, edited to say so, becomes the next agreed
 * version (the usual rules of agreement/service.ts apply), linked to the check. Only once the check
 * has ended, on or after the day it was held, and once.
 */
export function agreeVersionFromMidpoint(db: Database, input: MidpointVersion): MidpointState {
  return db.transaction(() => {
    const state = midpointState(db);
    if (!state.ended || state.meetingId === null) {
      throw new AppError('conflict', 'End the mid-point check first; its outcome then goes into the agreement.', [{ path: '', message: 'midpointNotEnded' }]);
    }
    if (state.version) {
      throw new AppError('conflict', `Version ${state.version.number} was already made from the mid-point check.`, [{ path: '', message: 'midpointVersionMade' }]);
    }
    const held = daysOf(meetingFacts(db, state.meetingId));
    if (held && input.agreedOn < held.first) {
      throw fieldError('agreedOn', 'agreedBeforeCheck', `The mid-point check was held on ${held.first} at the earliest.`);
    }
    const version = saveVersion(db, input);
    db.prepare(
      `INSERT INTO midpoint_check (id, version_id) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET version_id = excluded.version_id`,
    ).run(version.id);
    return midpointState(db);
  })();
}

export const midpointHandlers = (db: Database): HandlersOf<'midpoint.get' | 'midpoint.plan' | 'midpoint.agreeVersion'> => ({
  'midpoint.get': () => midpointState(db),
  'midpoint.plan': (input) => planMidpoint(db, input),
  'midpoint.agreeVersion': (input) => agreeVersionFromMidpoint(db, input),
});
