/**
 * Meeting mode's clock, kept per meeting for the session (leaving meeting mode and coming back
 * keeps it): total time and time per agenda step, which can be paused, and a reset that can be
 * undone (a stray press must not wipe an hour of meeting).
 */
export interface MeetingClock {
  running: boolean;
  /** Start of the current running stretch (ms); settled into the totals on every change. */
  since: number;
  total: number;
  steps: Record<string, number>;
  step: string;
  /** The clock as it was before the last reset, until the reset is undone. */
  beforeReset: MeetingClock | null;
}

const clocks = new Map<number, MeetingClock>();

export function clockFor(meetingId: number, step: string, now: number): MeetingClock {
  let clock = clocks.get(meetingId);
  if (!clock) {
    clock = { running: true, since: now, total: 0, steps: {}, step, beforeReset: null };
    clocks.set(meetingId, clock);
  }
  return clock;
}

/** Moves the running stretch into the totals. */
function settle(clock: MeetingClock, now: number): void {
  if (clock.running) {
    const ms = Math.max(0, now - clock.since);
    clock.total += ms;
    clock.steps[clock.step] = (clock.steps[clock.step] ?? 0) + ms;
  }
  clock.since = now;
}

const running = (clock: MeetingClock, now: number) => (clock.running ? Math.max(0, now - clock.since) : 0);
export const totalSeconds = (clock: MeetingClock, now: number) => (clock.total + running(clock, now)) / 1000;
export const stepSeconds = (clock: MeetingClock, now: number) =>
  ((clock.steps[clock.step] ?? 0) + running(clock, now)) / 1000;

export function switchStep(clock: MeetingClock, step: string, now: number): void {
  if (clock.step === step) return;
  settle(clock, now);
  clock.step = step;
}

export function setRunning(clock: MeetingClock, run: boolean, now: number): void {
  settle(clock, now);
  clock.running = run;
}

export function reset(clock: MeetingClock, now: number): void {
  settle(clock, now);
  clock.beforeReset = { ...clock, steps: { ...clock.steps }, beforeReset: null };
  clock.total = 0;
  clock.steps = {};
}

/** Puts back the time from before the reset, plus the time that has run since it. */
export function undoReset(clock: MeetingClock, now: number): void {
  const before = clock.beforeReset;
  if (!before) return;
  settle(clock, now);
  clock.total += before.total;
  for (const [step, ms] of Object.entries(before.steps)) clock.steps[step] = (clock.steps[step] ?? 0) + ms;
  clock.beforeReset = null;
}
