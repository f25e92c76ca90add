import type { Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ProgrammeFields } from '@shared/domain';
import { DateInputField, FormRow, TextInput } from '../../components/fields';

/** The programme's fields, shared by first-run set-up and the group page. */
export function ProgrammeFieldset({ control }: { control: Control<ProgrammeFields> }) {
  const { t } = useTranslation();
  return (
    <div className="fieldset">
      <TextInput control={control} name="name" label={t('programme.name')} description={t('programme.nameHint')} isRequired />
      <FormRow>
        <TextInput control={control} name="organisation" label={t('programme.organisation')} autoComplete="organization" />
        <TextInput control={control} name="facilitatorName" label={t('programme.facilitatorName')} isRequired autoComplete="name" />
      </FormRow>
      <FormRow>
        <DateInputField control={control} name="startDate" label={t('programme.startDate')} isRequired />
        <DateInputField control={control} name="endDate" label={t('programme.endDate')} isRequired />
      </FormRow>
    </div>
  );
}
