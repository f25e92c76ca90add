import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Health, HealthWarning } from '@shared/domain';
import { useAppStore } from '../../app/store';
import { errorMessage } from '../../lib/errors';
import { FormFailure } from '../../components/FormFailure';
import { formatNumber } from '@shared/vocabulary';
import { useHealthStore } from './store';
import './health.css';

/**
 * How the group is doing, from what the app already holds, and plain early warnings with what to
 * try. For the facilitator only: none of it goes into the management summary.
 */
export function EarlyWarnings() {
  const { t } = useTranslation();
  const { health, load } = useHealthStore();
  const [failure, setFailure] = useState('');

  useEffect(() => {
    load().catch((error: unknown) => setFailure(errorMessage(t, error)));
  }, [load, t]);

  if (!health) return <FormFailure message={failure} />;
  return (
    <section className="card health-card" aria-labelledby="health-heading">
      <h2 id="health-heading">{t('health.title')}</h2>
      <p className="muted">{t('health.intro')}</p>
      {health.warnings.length === 0 ? (
        <p>{t('health.noWarnings')}</p>
      ) : (
        <ul className="health-warnings" aria-label={t('health.warnings')}>
          {health.warnings.map((warning) => (
            <li key={warning.kind} className="notice">
              <Warning warning={warning} />
            </li>
          ))}
        </ul>
      )}
      <Signals health={health} />
    </section>
  );
}

function Warning({ warning }: { warning: HealthWarning }) {
  const { t } = useTranslation();
  const text =
    warning.kind === 'lowAttendance'
      ? t('health.lowAttendance', { meetings: warning.meetings.join(', ') })
      : warning.kind === 'actionsLingering'
        ? t('health.actionsLingering', { count: warning.count, meetings: warning.meetings.join(', ') })
        : warning.kind === 'feedbackFalling'
          ? t('health.feedbackFalling', { meetings: warning.meetings.join(', ') })
          : t('health.longGap', { days: warning.days, rhythm: warning.rhythmDays });
  return (
    <>
      <strong>{text}</strong>
      <ul className="health-suggestions" aria-label={t('health.suggestions')}>
        {warning.suggestions.map((suggestion) => (
          <li key={suggestion}>{t(`health.suggestion_${suggestion}`)}</li>
        ))}
      </ul>
    </>
  );
}

/** The signals behind the warnings, in one line each. */
function Signals({ health }: { health: Health }) {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const last = health.attendance.at(-1);
  const lastRound = health.feedback.at(-1);
  return (
    <dl className="health-signals">
      <dt>{t('health.attendance')}</dt>
      <dd>{last ? t('health.attendanceValue', { present: last.present, members: last.members, number: last.number }) : t('health.none')}</dd>
      <dt>{t('health.actions')}</dt>
      <dd>{t('health.actionsValue', { onTime: health.actions.doneOnTime, due: health.actions.due, open: health.actions.open })}</dd>
      <dt>{t('health.feedback')}</dt>
      <dd>{lastRound ? t('health.feedbackValue', { mean: formatNumber(lastRound.mean, language), number: lastRound.number }) : t('health.none')}</dd>
      <dt>{t('health.rhythm')}</dt>
      <dd>
        {health.rhythm.daysSince === null
          ? t('health.none')
          : health.rhythm.rhythmDays === null
            ? t('health.sinceValue', { days: health.rhythm.daysSince })
            : t('health.rhythmValue', { days: health.rhythm.daysSince, rhythm: health.rhythm.rhythmDays })}
      </dd>
    </dl>
  );
}
