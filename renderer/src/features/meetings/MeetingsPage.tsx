import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import type { MeetingSummary } from '@shared/domain';
import { useAppStore } from '../../app/store';
import { errorMessage } from '../../lib/errors';
import { formatWhen } from '@shared/vocabulary';
import { LiveMeeting } from './LiveMeeting';
import { MeetingView } from './MeetingView';
import { SearchPanel } from './SearchPanel';
import { useMeetingsStore } from './store';
import './meetings.css';
import { FormFailure } from '../../components/FormFailure';
import { useReadOnly } from '../../components/readOnly';
import { CalendarExport } from '../calendar/CalendarExport';
import { EarlyWarnings } from '../health/EarlyWarnings';

export function MeetingsPage() {
  const openId = useMeetingsStore((s) => s.openId);
  const live = useMeetingsStore((s) => s.live);
  useListOnMenuChoice();
  // A closed programme has no meeting mode: the meeting is shown as it was recorded.
  const readOnly = useReadOnly();
  if (openId !== null && live && !readOnly) return <LiveMeeting />;
  if (openId !== null) return <MeetingView />;
  return <Overview />;
}

/**
 * "Tapaamiset" in the main menu means the list of meetings, not the meeting last open. The page
 * also mounts again when meeting mode starts or ends (the frame changes), so it closes the meeting
 * only when the menu was used since it last looked, never merely because it mounted.
 */
function useListOnMenuChoice() {
  const visits = useAppStore((s) => s.visits);
  useLayoutEffect(() => {
    const { seenVisits, close, openId } = useMeetingsStore.getState();
    if (visits === seenVisits) return;
    useMeetingsStore.setState({ seenVisits: visits });
    if (openId !== null) close();
  }, [visits]);
}

/** All meetings of the programme: planned and held, with what was recorded at a glance. */
function Overview() {
  const { t } = useTranslation();
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
      {loaded && !readOnly && overview.length > 0 && <EarlyWarnings />}
      <SearchPanel />
      {loaded && overview.length === 0 ? (
        <p className="empty-state">{t('meetings.empty')}</p>
      ) : (
        <div className="card table-card">
          <table className="table" aria-rowcount={overview.length + 1}>
            <thead>
              <tr aria-rowindex={1}>
                <th scope="col">{t('meetings.number')}</th>
                <th scope="col">{t('meetings.date')}</th>
                <th scope="col">{t('meetings.place')}</th>
                <th scope="col">{t('meetings.plannedTheme')}</th>
                <th scope="col">{t('meetings.themesDiscussed')}</th>
                <th scope="col">{t('meetings.attendanceCount')}</th>
                <th scope="col">{t('meetings.openActions')}</th>
              </tr>
            </thead>
            {overview.length > RENDER_ALL_UP_TO ? <VisibleRows meetings={overview} open={open} /> : <AllRows meetings={overview} open={open} />}
          </table>
        </div>
      )}
      {loaded && !readOnly && overview.length > 0 && <CalendarExport />}
    </div>
  );
}

/** A programme this long renders only the rows in view (and a few around them); shorter ones render every row. */
const RENDER_ALL_UP_TO = 60;
const ROW_ESTIMATE_PX = 64;

type Open = (id: number) => Promise<void>;

function AllRows({ meetings, open }: { meetings: MeetingSummary[]; open: Open }) {
  return (
    <tbody>
      {meetings.map((m, index) => (
        <MeetingRow key={m.id} meeting={m} index={index} open={open} />
      ))}
    </tbody>
  );
}

/**
 * The rows in the window's view: empty rows above and below stand for the others, so the page
 * scrolls as if every row were there. Each row says where it is in the whole table (aria-rowindex).
 */
function VisibleRows({ meetings, open }: { meetings: MeetingSummary[]; open: Open }) {
  const body = useRef<HTMLTableSectionElement>(null);
  // Where the rows start on the page; what is above them (search results) can grow and shrink.
  const [offset, setOffset] = useState(0);
  useLayoutEffect(() => {
    const measure = () => {
      if (!body.current) return;
      const top = body.current.getBoundingClientRect().top + window.scrollY;
      setOffset((current) => (Math.abs(current - top) > 1 ? top : current));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);
  const rows = useWindowVirtualizer({
    count: meetings.length,
    estimateSize: () => ROW_ESTIMATE_PX,
    // a row not laid out (hidden, or no layout at all) keeps its estimate rather than counting as empty
    measureElement: (row) => row.getBoundingClientRect().height || ROW_ESTIMATE_PX,
    overscan: 8,
    scrollMargin: offset,
  });
  const items = rows.getVirtualItems();
  const before = (items[0]?.start ?? offset) - offset;
  const after = rows.getTotalSize() - ((items.at(-1)?.end ?? offset) - offset);
  return (
    <tbody ref={body}>
      {before > 0 && <tr aria-hidden="true" style={{ height: before }} />}
      {items.map((item) => (
        <MeetingRow key={meetings[item.index]!.id} meeting={meetings[item.index]!} index={item.index} open={open} measure={rows.measureElement} />
      ))}
      {after > 0 && <tr aria-hidden="true" style={{ height: after }} />}
    </tbody>
  );
}

function MeetingRow({ meeting: m, index, open, measure }: { meeting: MeetingSummary; index: number; open: Open; measure?: (row: HTMLTableRowElement | null) => void }) {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  return (
    <tr className={`row--${m.status}`} aria-rowindex={index + 2} data-index={index} ref={measure}>
      <td>
        <Button className="link-button" onPress={() => void open(m.id)} aria-label={t('meetings.open', { number: m.number })}>
          {m.number}
        </Button>
      </td>
      <td>
        {formatWhen(m, language)}
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
  );
}
