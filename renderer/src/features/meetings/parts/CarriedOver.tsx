import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Action, ActionStatus, MeetingDetail, Member } from '@shared/domain';
import { errorMessage } from '../../../lib/errors';
import { ownerName } from './owner';
import { FormFailure } from '../../../components/FormFailure';
import { useReadOnly } from '../../../components/readOnly';
import { useMeetingsStore } from '../store';

/** Open actions from earlier meetings, reviewed at the start of this one. */
export function CarriedOver({ detail, members }: { detail: MeetingDetail; members: Member[] }) {
  const { t } = useTranslation();
  const reviewAction = useMeetingsStore((s) => s.reviewAction);
  const [failure, setFailure] = useState('');
  const readOnly = useReadOnly();
  const review = async (action: Action, status: ActionStatus) => {
    setFailure('');
    try {
      await reviewAction(action.id, status, detail.id);
    } catch (error) {
      setFailure(errorMessage(t, error));
    }
  };
  return (
    <section className="card meeting-card" aria-labelledby={`carried-${detail.id}`}>
      <h2 id={`carried-${detail.id}`}>{t('meetings.carriedOver')}</h2>
      <p className="muted">{t('meetings.carriedOverHint')}</p>
      {detail.carriedOver.length === 0 ? (
        <p className="empty-state">{readOnly ? t('closed.deletedOnClose') : t('meetings.noCarriedOver')}</p>
      ) : (
        <ul className="action-list">
          {detail.carriedOver.map((action) => (
            <li key={action.id} className={`action-row action-row--${action.status}`}>
              <div className="action-main">
                <span className="action-text">{action.text}</span>
                <span className="muted">
                  {ownerName(action.ownerMemberId, members, t)} · {t('meetings.fromMeeting', { number: action.meetingNumber })}
                </span>
              </div>
              <span className={`badge badge--${action.status}`}>{t(`meetings.status_${action.status}`)}</span>
              {!readOnly && <div className="action-buttons" role="group" aria-label={action.text}>
                <Button className="button button--quiet" onPress={() => void review(action, 'done')} isDisabled={action.status === 'done'}>
                  {t('meetings.markDone')}
                </Button>
                <Button className="button button--quiet" onPress={() => void review(action, 'dropped')} isDisabled={action.status === 'dropped'}>
                  {t('meetings.markDropped')}
                </Button>
                <Button className="button button--quiet" onPress={() => void review(action, 'open')} isDisabled={action.status === 'open'}>
                  {t('meetings.keepOpen')}
                </Button>
              </div>}
            </li>
          ))}
        </ul>
      )}
      <FormFailure message={failure} />
    </section>
  );
}
