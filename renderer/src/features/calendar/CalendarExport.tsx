import { useEffect, useState } from 'react';
import { Button, Label, Radio, RadioGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { AgreementLanguage, CalendarEventPreview } from '@shared/domain';
import { formatDate } from '@shared/vocabulary';
import { useAppStore } from '../../app/store';
import { deliver } from '../../lib/download';
import { errorMessage } from '../../lib/errors';
import { FormFailure } from '../../components/FormFailure';
import { useCalendarStore } from './store';

/**
 * Saves the meeting plan as an .ics file for the members' calendars: only dates, times, places
 * and themes. Lists what the file will say and what changed since the last one was sent.
 */
export function CalendarExport() {
  const { t } = useTranslation();
  const uiLanguage = useAppStore((s) => s.language);
  const [language, setLanguage] = useState<AgreementLanguage>(uiLanguage);
  const { preview, load, exportFile } = useCalendarStore();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState('');
  const [failure, setFailure] = useState('');

  useEffect(() => {
    load(language).catch((error: unknown) => setFailure(errorMessage(t, error)));
  }, [load, language, t]);

  const run = async () => {
    setBusy(true);
    setResult('');
    setFailure('');
    try {
      const { delivery, where } = deliver(await exportFile(language));
      if (delivery === 'download') setResult(t('calendar.downloaded', { file: where }));
      if (delivery === 'saved') setResult(t('calendar.saved', { path: where }));
    } catch (error) {
      setFailure(errorMessage(t, error));
    } finally {
      setBusy(false);
    }
  };

  const events = preview?.events ?? [];
  return (
    <section className="card calendar-export" aria-labelledby="calendar-heading">
      <h2 id="calendar-heading">{t('calendar.title')}</h2>
      <p className="muted">{t('calendar.description')}</p>
      <RadioGroup className="radio-group" value={language} onChange={(value) => setLanguage(value as AgreementLanguage)}>
        <Label className="field-label">{t('calendar.language')}</Label>
        <Radio value="fi" className="radio">
          {t('calendar.lang_fi')}
        </Radio>
        <Radio value="en" className="radio">
          {t('calendar.lang_en')}
        </Radio>
      </RadioGroup>
      {events.length > 0 && (
        <ul className="calendar-events" aria-label={t('calendar.events')}>
          {events.map((event) => (
            <li key={event.meetingId ?? `removed-${event.sequence}-${event.day}`}>
              <EventLine event={event} />
            </li>
          ))}
        </ul>
      )}
      {preview && events.length === 0 && <p className="muted">{t('calendar.nothing')}</p>}
      {preview && preview.undated.length > 0 && (
        <p className="notice" role="note">
          {t('calendar.undated', { numbers: preview.undated.join(', ') })}
        </p>
      )}
      <p className="muted">
        {preview?.lastExportedAt ? t('calendar.lastExported', { date: formatDate(preview.lastExportedAt.slice(0, 10), uiLanguage) }) : t('calendar.neverExported')}
      </p>
      <p className="muted">{t('calendar.privacy')}</p>
      <div className="actions actions--start">
        <Button className="button button--primary" onPress={() => void run()} isDisabled={busy || events.length === 0}>
          {t('calendar.run')}
        </Button>
      </div>
      <p role="status" className="save-status save-status--saved">
        {result}
      </p>
      <FormFailure message={failure} />
    </section>
  );
}

function EventLine({ event }: { event: CalendarEventPreview }) {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const when = [formatDate(event.day, language), event.startTime ?? t('calendar.allDay')].join(' ');
  const marks = [
    event.tentative ? t('calendar.tentative') : null,
    event.cancelled ? t('calendar.cancelled') : null,
    event.change === 'same' ? null : t(`calendar.change_${event.change}`),
  ].filter(Boolean);
  return (
    <>
      <strong>{event.title}</strong> — {when}
      {event.location ? `, ${event.location}` : ''}
      {marks.length > 0 && <span className="calendar-marks"> ({marks.join(', ')})</span>}
    </>
  );
}
