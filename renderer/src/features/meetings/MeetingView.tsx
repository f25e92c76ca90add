import { Button } from 'react-aria-components';
import { LockIcon } from '../../components/LockIcon';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { useAppStore } from '../../app/store';
import { FeedbackRoundPanel } from '../feedback/FeedbackRoundPanel';
import { meetingWhen } from './format';
import { Actions } from './parts/Actions';
import { Attendance } from './parts/Attendance';
import { CarriedOver } from './parts/CarriedOver';
import { Details } from './parts/Details';
import { ItemList, type ItemListHandle } from './parts/ItemList';
import { NextMeeting } from './parts/NextMeeting';
import { Notes } from './parts/Notes';
import { Themes } from './parts/Themes';
import { useMeetingsStore } from './store';
import { useMeetingData } from './useMeetingData';

/** One meeting, everything recorded about it, in the order a meeting runs. */
export function MeetingView() {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const { detail, members, refresh, apply } = useMeetingData();
  const close = useMeetingsStore((s) => s.close);
  const setLive = useMeetingsStore((s) => s.setLive);
  if (!detail) return null;

  const toggleHeld = async () => apply(await call('meetings.setHeld', { id: detail.id, held: detail.status !== 'held' }));
  const toggleCancelled = async () => {
    await call('plan.cancel', { id: detail.id, cancelled: detail.status !== 'cancelled' });
    refresh();
  };

  return (
    <div className="page meeting-page" key={detail.id}>
      <div className="page-top">
        <Button className="button button--quiet" onPress={close}>
          ← {t('meetings.back')}
        </Button>
      </div>
      <header className="meeting-header">
        <div>
          <p className="muted">{meetingWhen(detail, language, t)}{detail.place && ` · ${detail.place}`}</p>
          <h1 className="page-title">
            {t('meetings.numberLong', { number: detail.number })}
            {detail.plannedTheme && <span className="meeting-title-theme">: {detail.plannedTheme}</span>}
          </h1>
          <span className={`badge badge--${detail.status}`}>{t(`meetings.status_${detail.status}`)}</span>
        </div>
        <div className="meeting-header-actions">
          {detail.status !== 'cancelled' && (
            <Button className="button button--primary" onPress={() => setLive(true)}>
              {t('meetings.startLive')}
            </Button>
          )}
          {detail.status !== 'cancelled' && (
            <Button className="button button--secondary" onPress={() => void toggleHeld()}>
              {detail.status === 'held' ? t('meetings.markPlanned') : t('meetings.markHeld')}
            </Button>
          )}
          {detail.status !== 'held' && (
            <Button className="button button--quiet" onPress={() => void toggleCancelled()}>
              {detail.status === 'cancelled' ? t('meetings.restore') : t('meetings.cancel')}
            </Button>
          )}
        </div>
      </header>
      <Details detail={detail} onChange={apply} />
      <Attendance detail={detail} members={members} onChange={refresh} />
      <CarriedOver detail={detail} members={members} onChange={refresh} />
      <Themes detail={detail} onChange={apply} />
      <Notes meetingId={detail.id} notes={detail.notes} />
      <Actions detail={detail} members={members} onChange={refresh} />
      <section className="card meeting-card" aria-labelledby={`tasks-${detail.id}`}>
        <h2 id={`tasks-${detail.id}`}>
          <LockIcon />
          {t('meetings.tasks')}
        </h2>
        <p className="muted">{t('meetings.tasksHint')}</p>
        <MeetingItems kind="task" />
      </section>
      <section className="card meeting-card meeting-card--shareable" aria-labelledby={`ideas-${detail.id}`}>
        <h2 id={`ideas-${detail.id}`}>{t('meetings.ideas')}</h2>
        <p className="muted">{t('meetings.ideasHint')}</p>
        <MeetingItems kind="idea" />
      </section>
      <FeedbackRoundPanel meetingId={detail.id} meetingNumber={detail.number} />
      <NextMeeting detail={detail} onChange={apply} />
    </div>
  );
}

const ITEM_KINDS = {
  task: { prefix: 'tasks', label: 'meetings.taskText', add: 'meetings.addTask', empty: 'meetings.noTasks', remove: 'meetings.removeTask' },
  idea: { prefix: 'ideas', label: 'meetings.ideaText', add: 'meetings.addIdea', empty: 'meetings.noIdeas', remove: 'meetings.removeIdea' },
} as const;

/** The open meeting's between-meeting tasks (`task`) or ideas to forward (`idea`). */
export function MeetingItems({ kind, handle }: { kind: keyof typeof ITEM_KINDS; handle?: React.Ref<ItemListHandle> }) {
  const { t } = useTranslation();
  const { detail, refresh } = useMeetingData();
  if (!detail) return null;
  const k = ITEM_KINDS[kind];
  return (
    <ItemList
      handle={handle}
      items={kind === 'task' ? detail.tasks : detail.ideas}
      label={t(k.label)}
      addLabel={t(k.add)}
      emptyText={t(k.empty)}
      removeLabel={t(k.remove)}
      onAdd={async (text) => {
        await call(`${k.prefix}.add`, { meetingId: detail.id, text });
        refresh();
      }}
      onUpdate={(id, text) => call(`${k.prefix}.update`, { id, text })}
      onRemove={async (id) => {
        await call(`${k.prefix}.remove`, { id });
        refresh();
      }}
    />
  );
}
