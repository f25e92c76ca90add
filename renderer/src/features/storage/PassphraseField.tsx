import { FieldError, Input, Label, Text, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';

interface PassphraseFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** A `validation.*` key, or empty. */
  error: string;
  description?: string;
  autoFocus?: boolean;
  isNew?: boolean;
}

/** A passphrase, never autofilled into another field and never shown in the clear. */
export function PassphraseField({ label, value, onChange, error, description, autoFocus, isNew }: PassphraseFieldProps) {
  const { t } = useTranslation();
  return (
    <TextField
      className="field"
      value={value}
      onChange={onChange}
      isInvalid={error !== ''}
      validationBehavior="aria"
      type="password"
      autoComplete={isNew ? 'new-password' : 'current-password'}
      autoFocus={autoFocus ?? false}
    >
      <Label className="field-label">{label}</Label>
      <Input className="input" />
      {description && (
        <Text slot="description" className="field-description">
          {description}
        </Text>
      )}
      <FieldError className="field-error">{error ? t(`validation.${error}`, { defaultValue: t('validation.invalidText') }) : ''}</FieldError>
    </TextField>
  );
}
