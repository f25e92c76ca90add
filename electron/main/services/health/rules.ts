import type { Health, HealthWarning } from '@shared/domain';

/**
 * Early warnings for the facilitator, as pure rules over facts the app already holds (read by
 * facts.ts), so each rule is tested on crafted programmes. A rule looks at where the programme is
 * now: attendance that was low early on and has recovered no longer warns.
 */
export interface MeetingFact {
  id: number;
  number: number;
  status: 'planned' | 'held' | 'cancelled';
  /** The meeting's day: its date, else the first day of its month; null when not dated. */
  day: string | null;
  /** Members in the group on that day. */
  members: number;
  present: number;
  /** Members marked present or away. */
  marked: number;
}

export interface ActionFact {
  meetingNumber: number;
  status: 'open' | 'done' | 'dropped';
  dueDate: string | null;
  /** When it was marked done: the day of the meeting where it was reviewed, else the day it was last changed. */
  doneOn: string | null;
}

export interface RoundFact {
  number: number;
  /** The mean of every 1–5 scale answer of the round. */
  mean: number;
  answers: number;
}

export interface HealthFacts {
  today: string;
  /** The programme's last day: after it, a long gap is no longer news. */
  endDate: string;
  meetings: MeetingFact[];
  actions: ActionFact[];
  rounds: RoundFact[];
}

/** Thresholds, named so the tests and the overview's wording agree. */
export const THRESHOLDS = {
  /** Present / members below this is low attendance. */
  attendanceShare: 0.5,
  /** …in this many held meetings in a row. */
  lowAttendanceMeetings: 2,
  /** An action still open after this many held meetings since it was agreed. */
  actionOpenMeetings: 3,
  /** The round average fell this many times in a row. */
  feedbackFalls: 2,
  /** Days since the last meeting above this multiple of the plan's rhythm. */
  gapFactor: 1.5,
} as const;

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

const heldWithMarks = (facts: HealthFacts) => facts.meetings.filter((m) => m.status === 'held' && m.marked > 0 && m.members > 0);

/** Under half present in the latest held meetings, at least twice in a row. */
export function lowAttendance(facts: HealthFacts): HealthWarning | null {
  const trailing: number[] = [];
  for (const meeting of [...heldWithMarks(facts)].reverse()) {
    if (meeting.present / meeting.members >= THRESHOLDS.attendanceShare) break;
    trailing.unshift(meeting.number);
  }
  if (trailing.length < THRESHOLDS.lowAttendanceMeetings) return null;
  return { kind: 'lowAttendance', meetings: trailing, suggestions: ['talkTimeUse', 'checkMeetingTimes', 'checkExpectations'] };
}

/** Actions still open after three (or more) held meetings since the one that agreed them. */
export function actionsLingering(facts: HealthFacts): HealthWarning | null {
  const held = facts.meetings.filter((m) => m.status === 'held').map((m) => m.number);
  const lingering = facts.actions.filter(
    (a) => a.status === 'open' && held.filter((n) => n > a.meetingNumber).length >= THRESHOLDS.actionOpenMeetings,
  );
  if (lingering.length === 0) return null;
  const meetings = [...new Set(lingering.map((a) => a.meetingNumber))].sort((a, b) => a - b);
  return { kind: 'actionsLingering', count: lingering.length, meetings, suggestions: ['smallerActions', 'revisitGoals'] };
}

/** The latest rounds' averages fell twice in a row (three rounds, each lower than the one before). */
export function feedbackFalling(facts: HealthFacts): HealthWarning | null {
  const rounds = [...facts.rounds].sort((a, b) => a.number - b.number).slice(-(THRESHOLDS.feedbackFalls + 1));
  if (rounds.length < THRESHOLDS.feedbackFalls + 1) return null;
  const falling = rounds.every((round, i) => i === 0 || round.mean < rounds[i - 1]!.mean);
  if (!falling) return null;
  return { kind: 'feedbackFalling', meetings: rounds.map((r) => r.number), suggestions: ['askWhatToChange', 'checkExpectations', 'revisitGoals'] };
}

/** The plan's rhythm: the median number of days between consecutive dated meetings (not cancelled). */
export function rhythmDays(facts: HealthFacts): number | null {
  const days = facts.meetings
    .filter((m) => m.status !== 'cancelled' && m.day !== null)
    .map((m) => m.day!)
    .sort();
  const gaps = days.slice(1).map((day, i) => daysBetween(days[i]!, day)).filter((gap) => gap > 0).sort((a, b) => a - b);
  if (gaps.length === 0) return null;
  const middle = Math.floor(gaps.length / 2);
  return gaps.length % 2 === 1 ? gaps[middle]! : Math.round((gaps[middle - 1]! + gaps[middle]!) / 2);
}

export function lastHeld(facts: HealthFacts): MeetingFact | null {
  return [...facts.meetings].filter((m) => m.status === 'held' && m.day !== null && m.day <= facts.today).sort((a, b) => (a.day! < b.day! ? -1 : 1)).at(-1) ?? null;
}

/**
 * Much longer since the last meeting than the rhythm agreed, while the programme runs and no
 * meeting is coming up in time: the next one in the plan has passed without being held, or
 * there is none (a break the plan itself has, e.g. for holidays, does not warn).
 */
export function longGap(facts: HealthFacts): HealthWarning | null {
  const rhythm = rhythmDays(facts);
  const last = lastHeld(facts);
  if (rhythm === null || last === null || facts.today > facts.endDate) return null;
  const days = daysBetween(last.day!, facts.today);
  if (days <= rhythm * THRESHOLDS.gapFactor) return null;
  const next = facts.meetings.find((m) => m.number > last.number && m.status === 'planned' && m.day !== null);
  if (next && next.day! >= facts.today) return null;
  return { kind: 'longGap', days, rhythmDays: rhythm, suggestions: ['agreeNextDate', 'talkTimeUse'] };
}

export const RULES = [lowAttendance, actionsLingering, feedbackFalling, longGap] as const;

/** Everything the overview shows: the signals and the warnings that cross a threshold. */
export function assess(facts: HealthFacts): Health {
  const last = lastHeld(facts);
  const due = facts.actions.filter((a) => a.status === 'done' || (a.dueDate !== null && a.dueDate < facts.today));
  const onTime = due.filter((a) => a.status === 'done' && (a.dueDate === null || (a.doneOn !== null && a.doneOn <= a.dueDate)));
  return {
    attendance: heldWithMarks(facts).map((m) => ({ meetingId: m.id, number: m.number, present: m.present, members: m.members })),
    actions: { due: due.length, doneOnTime: onTime.length, open: facts.actions.filter((a) => a.status === 'open').length },
    feedback: facts.rounds.map((r) => ({ number: r.number, mean: r.mean, answers: r.answers })),
    rhythm: { lastHeld: last?.day ?? null, daysSince: last ? daysBetween(last.day!, facts.today) : null, rhythmDays: rhythmDays(facts) },
    warnings: RULES.map((rule) => rule(facts)).filter((warning): warning is HealthWarning => warning !== null),
  };
}
