import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { MemberFields, type Member } from '@shared/domain';
import { formatDate, todayIso } from '@shared/vocabulary';
import { useAppStore } from '../../app/store';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { TextInput } from '../../components/fields';
import { useReadOnly } from '../../components/readOnly';
import { SaveStatus } from '../../components/SaveStatus';
import { toApiError } from '../../lib/errors';
import { useAutosavedForm } from '../../lib/useAutosave';
import { useMembersStore } from './store';
import { FormFailure } from '../../components/FormFailure';

/** One member, edited in place and saved automatically. */
export function MemberRow({ member }: { member: Member }) {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const { update, setLeft, remove } = useMembersStore();
  const readOnly = useReadOnly();
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [actionError, setActionError] = useState('');
  const { form, state, flush } = useAutosavedForm({
    key: `member:${member.id}`,
    schema: MemberFields,
    values: { name: member.name, role: member.role, email: member.email },
    save: (fields) => update({ id: member.id, ...fields }),
  });
  const hasLeft = member.leftOn !== null;

  const runAction = async (action: () => Promise<unknown>) => {
    setActionError('');
    try {
      await action();
    } catch (error) {
      const apiError = toApiError(error);
      setActionError(t(apiError.code === 'conflict' ? 'errors.memberHasHistory' : `errors.${apiError.code}`));
    }
  };

  return (
    <li className={`member-row${hasLeft ? ' member-row--left' : ''}`}>
      <section aria-label={t('members.rowLabel', { name: member.name })}>
        <form className="form-row form-row--member" onBlur={() => void flush()} onSubmit={(e) => e.preventDefault()}>
          <TextInput control={form.control} name="name" label={t('members.name')} isRequired />
          <TextInput control={form.control} name="role" label={t('members.role')} />
          <TextInput control={form.control} name="email" label={t('members.email')} type="email" />
        </form>
        <div className="member-row-footer">
          <SaveStatus state={state} />
          {hasLeft && <span className="badge">{t('members.leftOn', { date: formatDate(member.leftOn ?? '', language) })}</span>}
          {!readOnly && <div className="member-row-actions">
            <Button
              className="button button--quiet"
              onPress={() => void runAction(() => setLeft(member.id, hasLeft ? null : todayIso()))}
            >
              {hasLeft ? t('members.rejoin') : t('members.markLeft')}
            </Button>
            <Button className="button button--quiet button--danger-text" onPress={() => setConfirmRemove(true)}>
              {t('members.remove')}
            </Button>
          </div>}
        </div>
        <FormFailure message={actionError} />
      </section>
      <ConfirmDialog
        isOpen={confirmRemove}
        title={t('members.removeTitle', { name: member.name })}
        confirmLabel={t('common.remove')}
        onCancel={() => setConfirmRemove(false)}
        onConfirm={() => {
          setConfirmRemove(false);
          void runAction(() => remove(member.id));
        }}
      >
        <p>{t('members.removeBody')}</p>
      </ConfirmDialog>
    </li>
  );
}
