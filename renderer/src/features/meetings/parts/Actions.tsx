import { zodResolver } from '@hookform/resolvers/zod';
import { LockIcon } from '../../../components/LockIcon';
import { useImperativeHandle, useState, type Ref } from 'react';
import { Button, Form } from 'react-aria-components';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { isoDate, requiredText, type Action, type MeetingDetail, type Member } from '@shared/domain';
import { call } from '../../../api';
import { formatDate } from '../../../app/i18n';
import { useAppStore } from '../../../app/store';
import { DateInputField, SelectInput, TextInput } from '../../../components/fields';
import { applyFieldIssues, errorMessage } from '../../../lib/errors';
import { ownerFromOption, ownerName, ownerOptions } from './owner';
import { FormFailure } from '../../../components/FormFailure';

/** The form's shape: the owner is an option id ('group' or a member id); the due date may be empty. */
const ActionForm = z.object({
  text: requiredText(1000),
  owner: z.string(),
  dueDate: z.union([z.literal(''), isoDate]),
});

export interface ActionsHandle {
  focus: () => void;
}

/** Actions agreed in this meeting: CONFIDENTIAL, they stay in the group. */
export function Actions({ detail, members, onChange, handle }: { detail: MeetingDetail; members: Member[]; onChange: () => void; handle?: Ref<ActionsHandle> }) {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const [failure, setFailure] = useState('');
  const form = useForm({ resolver: zodResolver(ActionForm), defaultValues: { text: '', owner: 'group', dueDate: '' } });
  useImperativeHandle(handle, () => ({ focus: () => form.setFocus('text') }), [form]);

  const submit = form.handleSubmit(async ({ text, owner, dueDate }) => {
    setFailure('');
    try {
      await call('actions.add', { meetingId: detail.id, text, ownerMemberId: ownerFromOption(owner), dueDate: dueDate || null });
      form.reset({ text: '', owner: 'group', dueDate: '' });
      setTimeout(() => form.setFocus('text'), 0);
      onChange();
    } catch (error) {
      if (!applyFieldIssues(error, form.setError)) setFailure(errorMessage(t, error));
    }
  });
  const remove = async (action: Action) => {
    try {
      await call('actions.remove', { id: action.id });
      onChange();
    } catch (error) {
      setFailure(errorMessage(t, error));
    }
  };

  return (
    <section className="card meeting-card" aria-labelledby={`actions-${detail.id}`}>
      <h2 id={`actions-${detail.id}`}>
        <LockIcon />
        {t('meetings.actions')}
      </h2>
      <p className="muted">{t('meetings.actionsHint')}</p>
      {detail.actions.length === 0 ? (
        <p className="empty-state">{t('meetings.noActions')}</p>
      ) : (
        <ul className="action-list">
          {detail.actions.map((action) => (
            <li key={action.id} className={`action-row action-row--${action.status}`}>
              <div className="action-main">
                <span className="action-text">{action.text}</span>
                <span className="muted">
                  {ownerName(action.ownerMemberId, members, t)}
                  {action.dueDate && ` · ${formatDate(action.dueDate, language)}`}
                </span>
              </div>
              <span className={`badge badge--${action.status}`}>{t(`meetings.status_${action.status}`)}</span>
              <Button className="button button--quiet button--danger-text" onPress={() => void remove(action)} aria-label={`${t('meetings.removeAction')}: ${action.text}`}>
                {t('meetings.removeAction')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <Form className="action-add" aria-label={t('meetings.addAction')} onSubmit={(event) => void submit(event)}>
        <TextInput control={form.control} name="text" label={t('meetings.actionText')} isRequired />
        <SelectInput control={form.control} name="owner" label={t('meetings.owner')} options={ownerOptions(members, t)} isRequired />
        <DateInputField control={form.control} name="dueDate" label={t('meetings.dueDate')} />
        <Button type="submit" className="button button--secondary item-add-button">
          {t('meetings.addAction')}
        </Button>
      </Form>
      <FormFailure message={failure} />
    </section>
  );
}
