import { FieldError, Label, TextArea, TextField } from 'react-aria-components';
import { useController, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useReadOnly } from '../../components/readOnly';

interface TextAreaFieldProps<T extends FieldValues> {
  control: Control<T>;
  name: FieldPath<T>;
  label: string;
  rows?: number;
  labelClassName?: string;
  className?: string;
}

/** A multi-line answer or note, never autofilled by the browser; the message is a `validation.*` key. */
export function TextAreaField<T extends FieldValues>({
  control,
  name,
  label,
  rows = 3,
  labelClassName = 'field-label',
  className = 'field',
}: TextAreaFieldProps<T>) {
  const { t } = useTranslation();
  const {
    field: { name: fieldName, value, onChange, onBlur, ref },
    fieldState: { invalid, error },
  } = useController({ control, name });
  const readOnly = useReadOnly();
  const message = error?.message ? t(`validation.${error.message}`, { defaultValue: t('validation.invalidText') }) : '';
  return (
    <TextField
      className={className}
      name={fieldName}
      isReadOnly={readOnly}
      value={(value as string | undefined) ?? ''}
      onChange={onChange}
      onBlur={onBlur}
      isInvalid={invalid}
      validationBehavior="aria"
      autoComplete="off"
    >
      <Label className={labelClassName}>{label}</Label>
      <TextArea ref={ref} className="input fb-textarea" rows={rows} autoComplete="off" />
      <FieldError className="field-error">{message}</FieldError>
    </TextField>
  );
}
