import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { MemberFields } from '@shared/domain';
import { TextInput } from '../../components/fields';
import { applyFieldIssues, errorMessage } from '../../lib/errors';
import { useKeptDraft } from '../../lib/useAutosave';
import { FormFailure } from '../../components/FormFailure';

const EMPTY: MemberFields = { name: '', role: '', email: '' };

/**
 * Adds one member; the name field takes focus again so several can be typed in a row. With a
 * `draftKey`, what was typed and not added yet stays while the page is away.
 */
export function AddMemberForm({ onAdd, draftKey = null }: { onAdd: (fields: MemberFields) => Promise<unknown>; draftKey?: string | null }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState('');
  const form = useForm({ resolver: zodResolver(MemberFields), defaultValues: EMPTY });
  const added = useKeptDraft(form, draftKey);

  const submit = form.handleSubmit(async (fields) => {
    setFailure('');
    try {
      await onAdd(fields);
      form.reset(EMPTY);
      added();
      // After the press has fully ended, or react-aria returns focus to the button.
      setTimeout(() => form.setFocus('name'), 0);
    } catch (error) {
      if (!applyFieldIssues(error, form.setError)) setFailure(errorMessage(t, error));
    }
  });

  return (
    <Form
      className="add-member"
      aria-label={t('members.addTitle')}
      validationBehavior="aria"
      onSubmit={(event) => {
        // The button stays enabled while saving (disabling it would drop keyboard focus), so ignore repeats.
        if (form.formState.isSubmitting) event.preventDefault();
        else void submit(event);
      }}
    >
      <h3 className="subheading">{t('members.addTitle')}</h3>
      <div className="form-row form-row--members">
        <TextInput control={form.control} name="name" label={t('members.name')} isRequired autoComplete="off" />
        <TextInput control={form.control} name="role" label={t('members.role')} />
        <TextInput control={form.control} name="email" label={t('members.email')} type="email" />
        <Button type="submit" className="button button--primary add-member-button">
          {t('members.add')}
        </Button>
      </div>
      <FormFailure message={failure} />
    </Form>
  );
}
