import { zodResolver } from '@hookform/resolvers/zod';
import { LockIcon } from '../../../components/LockIcon';
import { useImperativeHandle, useRef, useState, type Ref } from 'react';
import { Button, Form } from 'react-aria-components';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { isoDate, requiredText, type Action, type MeetingDetail, type Member } from '@shared/domain';
import { DateInputField, SelectInput, TextInput } from '../../../components/fields';
import { SaveStatus } from '../../../components/SaveStatus';
import { applyFieldIssues, errorMessage } from '../../../lib/errors';
import { offerUndo } from '../../../lib/notices';
import { useAutosavedForm, useKeptDraft } from '../../../lib/useAutosave';
import { ownerFromOption, ownerOptions } from './owner';
import { FormFailure } from '../../../components/FormFailure';
import { useReadOnly } from '../../../components/readOnly';
import { focusFirstField } from '../../../lib/focus';
import { useMeetingsStore } from '../store';

/** The form's shape: the owner is an option id ('group' or a member id); the due date may be empty. */
const ActionForm = z.object({
  text: requiredText(1000),
  owner: z.string(),
  dueDate: z.union([z.literal(''), isoDate]),
});
type ActionForm = z.infer<typeof ActionForm>;
const EMPTY: ActionForm = { text: '', owner: 'group', dueDate: '' };
const toForm = (action: Action): ActionForm => ({
  text: action.text,
  owner: action.ownerMemberId === null ? 'group' : String(action.ownerMemberId),
  dueDate: action.dueDate ?? '',
});

export interface ActionsHandle {
  focus: () => void;
}

/** Actions agreed in this meeting: CONFIDENTIAL, they stay in the group. Each stays editable, and saves itself. */
export function Actions({ detail, members, handle }: { detail: MeetingDetail; members: Member[]; handle?: Ref<ActionsHandle> }) {
  const { t } = useTranslation();
  const addAction = useMeetingsStore((s) => s.addAction);
  const readOnly = useReadOnly();
  const [failure, setFailure] = useState('');
  const form = useForm({ resolver: zodResolver(ActionForm), defaultValues: EMPTY });
  const added = useKeptDraft(form, `meeting:${detail.id}:new-action`);
  const adder = useRef<HTMLFormElement>(null);
  useImperativeHandle(handle, () => ({ focus: () => focusFirstField(adder.current) }), []);

  const submit = form.handleSubmit(async ({ text, owner, dueDate }, event) => {
    setFailure('');
    try {
      await addAction({ meetingId: detail.id, text, ownerMemberId: ownerFromOption(owner), dueDate: dueDate || null });
      form.reset(EMPTY);
      added();
      // At once, not after a timer (a busy machine runs the next key press first): the next
      // action's text. The form's own field ref loses the focus to the date field being emptied.
      focusFirstField(event?.target instanceof HTMLFormElement ? event.target : null);
    } catch (error) {
      if (!applyFieldIssues(error, form.setError)) setFailure(errorMessage(t, error));
    }
  });

  return (
    <section className="card meeting-card" aria-labelledby={`actions-${detail.id}`}>
      <h2 id={`actions-${detail.id}`}>
        <LockIcon />
        {t('meetings.actions')}
      </h2>
      <p className="muted">{t('meetings.actionsHint')}</p>
      {detail.actions.length === 0 ? (
        <p className="empty-state">{readOnly ? t('closed.deletedOnClose') : t('meetings.noActions')}</p>
      ) : (
        <ol className="action-list action-list--editable">
          {detail.actions.map((action, index) => (
            <ActionRow key={action.id} action={action} number={index + 1} members={members} />
          ))}
        </ol>
      )}
      {!readOnly && <Form ref={adder} className="action-add" aria-label={t('meetings.addAction')} validationBehavior="aria" onSubmit={(event) => void submit(event)}>
        <TextInput control={form.control} name="text" label={t('meetings.actionText')} isRequired />
        <SelectInput control={form.control} name="owner" label={t('meetings.owner')} options={ownerOptions(members, t)} isRequired />
        <DateInputField control={form.control} name="dueDate" label={t('meetings.dueDate')} />
        <Button type="submit" className="button button--secondary item-add-button">
          {t('meetings.addAction')}
        </Button>
      </Form>}
      <FormFailure message={failure} />
    </section>
  );
}

/** One agreed action: what, who and by when, edited in place; removing it offers Undo. */
function ActionRow({ action, number, members }: { action: Action; number: number; members: Member[] }) {
  const { t } = useTranslation();
  const updateAction = useMeetingsStore((s) => s.updateAction);
  const removeAction = useMeetingsStore((s) => s.removeAction);
  const readOnly = useReadOnly();
  const [failure, setFailure] = useState('');
  const { form, state, flush } = useAutosavedForm({
    key: `action:${action.id}`,
    schema: ActionForm,
    values: toForm(action),
    save: (values) => updateAction({ id: action.id, text: values.text, ownerMemberId: ownerFromOption(values.owner), dueDate: values.dueDate || null }),
    fields: { ownerMemberId: 'owner' },
  });
  const remove = async () => {
    setFailure('');
    try {
      const restore = await removeAction(action.id);
      offerUndo(t('notices.actionRemoved', { text: action.text }), restore);
    } catch (error) {
      setFailure(errorMessage(t, error));
    }
  };
  return (
    <li className={`action-row action-row--editable action-row--${action.status}`}>
      <section className="action-edit" aria-label={t('meetings.actionRow', { number })}>
        <form className="action-edit-form" onBlur={() => void flush()} onSubmit={(e) => e.preventDefault()}>
          <TextInput control={form.control} name="text" label={t('meetings.actionText')} isRequired />
          <SelectInput control={form.control} name="owner" label={t('meetings.owner')} options={ownerOptions(members, t, action.ownerMemberId)} isRequired />
          <DateInputField control={form.control} name="dueDate" label={t('meetings.dueDate')} />
        </form>
        <div className="action-edit-side">
          <span className={`badge badge--${action.status}`}>{t(`meetings.status_${action.status}`)}</span>
          <SaveStatus state={state} />
          {!readOnly && (
            <Button className="button button--quiet button--danger-text" onPress={() => void remove()} aria-label={`${t('meetings.removeAction')}: ${action.text}`}>
              {t('meetings.removeAction')}
            </Button>
          )}
        </div>
        <FormFailure message={failure} />
      </section>
    </li>
  );
}
