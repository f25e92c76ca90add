import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clock } from '../format';

/** When meeting mode was started for each meeting, so leaving and coming back keeps the clock. */
const startedAt = new Map<number, number>();

function useElapsedSeconds(meetingId: number): number {
  const [now, setNow] = useState(() => Date.now());
  if (!startedAt.has(meetingId)) startedAt.set(meetingId, now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return (now - (startedAt.get(meetingId) ?? now)) / 1000;
}

/** Meeting mode's clock: elapsed time against the planned length. */
export function MeetingTimer({ meetingId, plannedMinutes }: { meetingId: number; plannedMinutes: number; step?: string }) {
  const { t } = useTranslation();
  const elapsed = useElapsedSeconds(meetingId);
  const planned = plannedMinutes * 60;
  const over = elapsed - planned;
  return (
    <div className={`live-timer${over > 0 ? ' live-timer--over' : ''}`} role="timer" aria-label={t('meetings.live.elapsed')}>
      <span className="live-timer-value">{clock(elapsed)}</span>
      <span className="live-timer-planned">{t('meetings.live.of', { planned: clock(planned) })}</span>
      <progress className="live-progress" max={planned} value={Math.min(elapsed, planned)} aria-hidden="true" />
      {over > 0 && <span className="live-over">{t('meetings.live.overTime', { over: clock(over) })}</span>}
    </div>
  );
}
