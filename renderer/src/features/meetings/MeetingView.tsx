import { useState } from 'react';
import { Button } from 'react-aria-components';
import { LockIcon } from '../../components/LockIcon';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../app/i18n';
import { useAppStore } from '../../app/store';
import { startsAfter } from '@shared/domain';
import { FormFailure } from '../../components/FormFailure';
import { useReadOnly } from '../../components/readOnly';
import { errorMessage } from '../../lib/errors';
import { BriefPanel } from '../brief/BriefPanel';
import { PromptsPanel } from '../prompts/PromptsPanel';
import { FeedbackRoundPanel } from '../feedback/FeedbackRoundPanel';
import { formatWhen } from '@shared/vocabulary';
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
  const { detail, members } = useMeetingData();
  const { close, setLive, setHeld, setCancelled } = useMeetingsStore.getState();
  const [failure, setFailure] = useState('');
  const readOnly = useReadOnly();
  if (!detail) return null;

  const run = async (action: () => Promise<void>) => {
    setFailure('');
    try {
      await action();
    } catch (error) {
      setFailure(errorMessage(t, error));
    }
  };
  const toggleHeld = () => run(() => setHeld(detail.id, detail.status !== 'held'));
  // A meeting still ahead cannot be held yet (main refuses it): the button says why it is off.
  const notYet = detail.status === 'planned' && startsAfter(detail, todayIso());
  const toggleCancelled = () => run(() => setCancelled(detail.id, detail.status !== 'cancelled'));

  return (
    <div className="page meeting-page" key={detail.id}>
      <div className="page-top">
        <Button className="button button--quiet" onPress={close}>
          ← {t('meetings.back')}
        </Button>
      </div>
      <header className="meeting-header">
        <div>
          <p className="muted">{formatWhen(detail, language)}{detail.place && ` · ${detail.place}`}</p>
          <h1 className="page-title">
            {t('meetings.numberLong', { number: detail.number })}
            {detail.plannedTheme && <span className="meeting-title-theme">: {detail.plannedTheme}</span>}
          </h1>
          <span className={`badge badge--${detail.status}`}>{t(`meetings.status_${detail.status}`)}</span>
        </div>
        {!readOnly && <div className="meeting-header-actions">
          {detail.status !== 'cancelled' && (
            <Button className="button button--primary" onPress={() => setLive(true)}>
              {t('meetings.startLive')}
            </Button>
          )}
          {detail.status !== 'cancelled' && (
            <Button
              className="button button--secondary"
              isDisabled={notYet}
              aria-describedby={notYet ? `held-not-yet-${detail.id}` : undefined}
              onPress={() => void toggleHeld()}
            >
              {detail.status === 'held' ? t('meetings.markPlanned') : t('meetings.markHeld')}
            </Button>
          )}
          {detail.status !== 'held' && (
            <Button className="button button--quiet" onPress={() => void toggleCancelled()}>
              {detail.status === 'cancelled' ? t('meetings.restore') : t('meetings.cancel')}
            </Button>
          )}
        </div>}
      </header>
      {notYet && (
        <p className="muted" id={`held-not-yet-${detail.id}`}>
          {t('meetings.heldNotYet')}
        </p>
      )}
      <FormFailure message={failure} />
      {!readOnly && detail.status !== 'cancelled' && <BriefPanel meetingId={detail.id} />}
      <Details detail={detail} />
      <Attendance detail={detail} members={members} />
      <CarriedOver detail={detail} members={members} />
      <Themes detail={detail} />
      <Notes meetingId={detail.id} />
      <Actions detail={detail} members={members} />
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
      <FeedbackRoundPanel meetingId={detail.id} meetingNumber={detail.number} when={detail} />
      {!readOnly && detail.status !== 'cancelled' && <PromptsPanel meetingId={detail.id} />}
      <NextMeeting detail={detail} />
    </div>
  );
}

const ITEM_KINDS = {
  task: { label: 'meetings.taskText', add: 'meetings.addTask', empty: 'meetings.noTasks', remove: 'meetings.removeTask', removed: 'notices.taskRemoved' },
  idea: { label: 'meetings.ideaText', add: 'meetings.addIdea', empty: 'meetings.noIdeas', remove: 'meetings.removeIdea', removed: 'notices.ideaRemoved' },
} as const;

/** The open meeting's between-meeting tasks (`task`) or ideas to forward (`idea`). */
export function MeetingItems({ kind, handle }: { kind: keyof typeof ITEM_KINDS; handle?: React.Ref<ItemListHandle> }) {
  const { t } = useTranslation();
  const { detail } = useMeetingData();
  if (!detail) return null;
  const k = ITEM_KINDS[kind];
  return (
    <ItemList
      handle={handle}
      kind={kind}
      meetingId={detail.id}
      items={kind === 'task' ? detail.tasks : detail.ideas}
      label={t(k.label)}
      addLabel={t(k.add)}
      emptyText={t(k.empty)}
      removeLabel={t(k.remove)}
      removedText={(text) => t(k.removed, { text })}
    />
  );
}
