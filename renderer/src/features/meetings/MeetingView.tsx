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
import { ItemList } from './parts/ItemList';
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
        <TaskList />
      </section>
      <section className="card meeting-card meeting-card--shareable" aria-labelledby={`ideas-${detail.id}`}>
        <h2 id={`ideas-${detail.id}`}>{t('meetings.ideas')}</h2>
        <p className="muted">{t('meetings.ideasHint')}</p>
        <IdeaList />
      </section>
      <FeedbackRoundPanel meetingId={detail.id} meetingNumber={detail.number} />
      <NextMeeting detail={detail} onChange={apply} />
    </div>
  );
}

export function TaskList({ handle }: { handle?: React.Ref<import('./parts/ItemList').ItemListHandle> }) {
  const { t } = useTranslation();
  const { detail, refresh } = useMeetingData();
  if (!detail) return null;
  return (
    <ItemList
      handle={handle}
      items={detail.tasks}
      label={t('meetings.taskText')}
      addLabel={t('meetings.addTask')}
      emptyText={t('meetings.noTasks')}
      removeLabel={t('meetings.removeTask')}
      onAdd={async (text) => {
        await call('tasks.add', { meetingId: detail.id, text });
        refresh();
      }}
      onUpdate={(id, text) => call('tasks.update', { id, text })}
      onRemove={async (id) => {
        await call('tasks.remove', { id });
        refresh();
      }}
    />
  );
}

export function IdeaList({ handle }: { handle?: React.Ref<import('./parts/ItemList').ItemListHandle> }) {
  const { t } = useTranslation();
  const { detail, refresh } = useMeetingData();
  if (!detail) return null;
  return (
    <ItemList
      handle={handle}
      items={detail.ideas}
      label={t('meetings.ideaText')}
      addLabel={t('meetings.addIdea')}
      emptyText={t('meetings.noIdeas')}
      removeLabel={t('meetings.removeIdea')}
      onAdd={async (text) => {
        await call('ideas.add', { meetingId: detail.id, text });
        refresh();
      }}
      onUpdate={(id, text) => call('ideas.update', { id, text })}
      onRemove={async (id) => {
        await call('ideas.remove', { id });
        refresh();
      }}
    />
  );
}
