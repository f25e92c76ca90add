import { useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../app/store';
import { errorMessage } from '../../lib/errors';
import { meetingWhen } from './format';
import { LiveMeeting } from './LiveMeeting';
import { MeetingView } from './MeetingView';
import { SearchPanel } from './SearchPanel';
import { useMeetingsStore } from './store';
import './meetings.css';
import { FormFailure } from '../../components/FormFailure';
import { useReadOnly } from '../../components/readOnly';

export function MeetingsPage() {
  const openId = useMeetingsStore((s) => s.openId);
  const live = useMeetingsStore((s) => s.live);
  // A closed programme has no meeting mode: the meeting is shown as it was recorded.
  const readOnly = useReadOnly();
  if (openId !== null && live && !readOnly) return <LiveMeeting />;
  if (openId !== null) return <MeetingView />;
  return <Overview />;
}

/** All meetings of the programme: planned and held, with what was recorded at a glance. */
function Overview() {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const { overview, loaded, loadOverview, open, addMeeting } = useMeetingsStore();
  const [notice, setNotice] = useState('');
  const [failure, setFailure] = useState('');
  const readOnly = useReadOnly();

  useEffect(() => {
    void loadOverview();
  }, [loadOverview]);

  const add = async () => {
    setFailure('');
    try {
      const meeting = await addMeeting();
      setNotice(t('meetings.added', { number: meeting.number }));
      await open(meeting.id);
    } catch (error) {
      setFailure(errorMessage(t, error));
    }
  };

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1 className="page-title">{t('meetings.title')}</h1>
          <p className="muted">{t('meetings.intro')}</p>
        </div>
        {!readOnly && (
          <Button className="button button--primary" onPress={() => void add()}>
            {t('meetings.add')}
          </Button>
        )}
      </header>
      <p className="visually-hidden" role="status">
        {notice}
      </p>
      <FormFailure message={failure} />
      <SearchPanel />
      {loaded && overview.length === 0 ? (
        <p className="empty-state">{t('meetings.empty')}</p>
      ) : (
        <div className="card table-card">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('meetings.number')}</th>
                <th scope="col">{t('meetings.date')}</th>
                <th scope="col">{t('meetings.place')}</th>
                <th scope="col">{t('meetings.plannedTheme')}</th>
                <th scope="col">{t('meetings.themesDiscussed')}</th>
                <th scope="col">{t('meetings.attendanceCount')}</th>
                <th scope="col">{t('meetings.openActions')}</th>
              </tr>
            </thead>
            <tbody>
              {overview.map((m) => (
                <tr key={m.id} className={`row--${m.status}`}>
                  <td>
                    <Button className="link-button" onPress={() => void open(m.id)} aria-label={t('meetings.open', { number: m.number })}>
                      {m.number}
                    </Button>
                  </td>
                  <td>
                    {meetingWhen(m, language, t)}
                    {m.startTime && ` ${m.startTime}`}
                    <br />
                    <span className={`badge badge--${m.status}`}>{t(`meetings.status_${m.status}`)}</span>
                  </td>
                  <td>
                    {m.place}
                    {m.format && <span className="muted">{m.place ? ' · ' : ''}{t(`meetings.format_${m.format}`)}</span>}
                  </td>
                  <td>{m.plannedTheme}</td>
                  <td>{m.themes.join(', ')}</td>
                  <td>{m.markedCount > 0 ? m.presentCount : '–'}</td>
                  <td>{m.openActions || '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
