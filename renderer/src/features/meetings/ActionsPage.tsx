import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTION_STATUSES, type Action } from '@shared/domain';
import { formatDate } from '@shared/vocabulary';
import { PickSelect } from '../../components/PickSelect';
import { useAppStore } from '../../app/store';
import { errorMessage } from '../../lib/errors';
import { useMembersStore } from '../members/store';
import { ownerName } from './parts/owner';
import { useMeetingsStore } from './store';
import './meetings.css';
import { FormFailure } from '../../components/FormFailure';
import { useReadOnly } from '../../components/readOnly';

/** Every action agreed during the programme, filterable by status and member. */
export function ActionsPage() {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const { members, loaded, load } = useMembersStore();
  const [status, setStatus] = useState<string>('open');
  const [member, setMember] = useState<string>('all');
  const actions = useMeetingsStore((s) => s.actionList);
  const listActions = useMeetingsStore((s) => s.listActions);
  const [failure, setFailure] = useState('');
  // Closing deleted every agreed action: there is nothing left to filter.
  const readOnly = useReadOnly();

  useEffect(() => {
    if (!loaded) void load();
  }, [loaded, load]);
  useEffect(() => {
    listActions({
      status: status === 'all' ? null : (status as Action['status']),
      memberId: member === 'all' ? null : Number(member),
    }).catch((error: unknown) => setFailure(errorMessage(t, error)));
  }, [status, member, t, listActions]);

  const statusOptions = [{ id: 'all', label: t('meetings.all') }, ...ACTION_STATUSES.map((s) => ({ id: s, label: t(`meetings.status_${s}`) }))];
  const memberOptions = [{ id: 'all', label: t('meetings.all') }, ...members.map((m) => ({ id: String(m.id), label: m.name }))];

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1 className="page-title">{t('meetings.actionsTitle')}</h1>
          <p className="muted">{t('meetings.actionsIntro')}</p>
        </div>
      </header>
      {!readOnly && (
        <div className="card filters">
          <PickSelect className="filter" label={t('meetings.filterStatus')} value={status} onChange={setStatus} options={statusOptions} />
          <PickSelect className="filter" label={t('meetings.filterMember')} value={member} onChange={setMember} options={memberOptions} />
        </div>
      )}
      <FormFailure message={failure} />
      {actions.length === 0 ? (
        <p className="empty-state">{readOnly ? t('closed.deletedOnClose') : t('meetings.noActionsFound')}</p>
      ) : (
        <div className="card table-card">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('meetings.actionText')}</th>
                <th scope="col">{t('meetings.owner')}</th>
                <th scope="col">{t('meetings.dueDate')}</th>
                <th scope="col">{t('meetings.agreedIn')}</th>
                <th scope="col">{t('meetings.filterStatus')}</th>
              </tr>
            </thead>
            <tbody>
              {actions.map((a) => (
                <tr key={a.id}>
                  <td>{a.text}</td>
                  <td>{ownerName(a.ownerMemberId, members, t)}</td>
                  <td>{a.dueDate ? formatDate(a.dueDate, language) : '–'}</td>
                  <td>{t('meetings.numberLong', { number: a.meetingNumber })}</td>
                  <td>
                    <span className={`badge badge--${a.status}`}>{t(`meetings.status_${a.status}`)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
