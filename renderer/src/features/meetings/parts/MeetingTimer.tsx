import { useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { clock as format } from '../format';
import { clockFor, reset, setRunning, stepSeconds, switchStep, totalSeconds, undoReset } from './meetingClock';

/**
 * Meeting mode's clock: elapsed time against the planned length, the time spent in the current
 * step, pause/resume and a reset that can be undone. Changes are announced once, politely; the
 * ticking seconds are not (role="timer" is not a live region).
 */
export function MeetingTimer({ meetingId, plannedMinutes, step }: { meetingId: number; plannedMinutes: number; step: string }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  const redraw = () => setNow(Date.now());
  const [said, say] = useState('');
  const resetButton = useRef<HTMLButtonElement>(null);
  const clock = clockFor(meetingId, step, now);
  // Idempotent, so safe in render; the new step shows its own time at once (at most a second is
  // counted to the step that was left, since `now` is the last tick).
  switchStep(clock, step, now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  const elapsed = totalSeconds(clock, now);
  const planned = plannedMinutes * 60;
  const over = elapsed - planned;
  const change = (act: () => void, message: string) => {
    act();
    say(message);
    redraw();
  };
  return (
    <div className={`live-clock${clock.running ? '' : ' live-clock--paused'}`}>
      <div className={`live-timer${over > 0 ? ' live-timer--over' : ''}`} role="timer" aria-label={t('meetings.live.elapsed')}>
        <span className="live-timer-value">{format(elapsed)}</span>
        <span className="live-timer-planned">{t('meetings.live.of', { planned: format(planned) })}</span>
        <progress className="live-progress" max={planned} value={Math.min(elapsed, planned)} aria-hidden="true" />
        {over > 0 && <span className="live-over">{t('meetings.live.overTime', { over: format(over) })}</span>}
      </div>
      <span className="live-step-time" role="timer" aria-label={t('meetings.live.stepElapsed')}>
        {t('meetings.live.stepTime', { time: format(stepSeconds(clock, now)) })}
      </span>
      <div className="live-clock-buttons">
        <Button
          className="button button--secondary live-clock-button"
          onPress={() =>
            change(() => setRunning(clock, !clock.running, Date.now()), t(clock.running ? 'meetings.live.paused' : 'meetings.live.running'))
          }
        >
          {t(clock.running ? 'meetings.live.pause' : 'meetings.live.resume')}
        </Button>
        <Button ref={resetButton} className="button button--secondary live-clock-button" onPress={() => change(() => reset(clock, Date.now()), t('meetings.live.resetDone'))}>
          {t('meetings.live.reset')}
        </Button>
        {clock.beforeReset && (
          <Button
            className="button button--secondary live-clock-button"
            onPress={() => {
              change(() => undoReset(clock, Date.now()), t('meetings.live.resetUndone'));
              resetButton.current?.focus(); // the undo button goes away: focus must not fall to the page
            }}
          >
            {t('meetings.live.undoReset')}
          </Button>
        )}
      </div>
      <p className="visually-hidden" role="status">
        {said}
      </p>
    </div>
  );
}
