import { parseDate, type CalendarDate } from '@internationalized/date';
import type { KeyboardEvent, ReactNode } from 'react';
import {
  Button,
  Calendar,
  CalendarCell,
  CalendarGrid,
  DateInput,
  DatePicker,
  DateSegment,
  Dialog,
  FieldError,
  Group,
  Heading,
  Input,
  Label,
  Popover,
  Select,
  Text,
  TextArea,
  TextField,
} from 'react-aria-components';
import { useController, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { SelectMenu, type SelectOption } from './PickSelect';
import { useReadOnly } from './readOnly';
import { useTranslation } from 'react-i18next';

interface FieldProps<T extends FieldValues> {
  control: Control<T>;
  name: FieldPath<T>;
  label: string;
  description?: string;
  isRequired?: boolean;
}

/** Translates a schema's message key (`required`, `tooLong`…) into a sentence. */
function useFieldMessage(message: string | undefined): string {
  const { t } = useTranslation();
  return message ? t(`validation.${message}`, { defaultValue: t('validation.invalidText') }) : '';
}

function FieldLabel({ label, isRequired }: { label: string; isRequired: boolean | undefined }) {
  const { t } = useTranslation();
  return (
    <Label className="field-label">
      {label}
      {!isRequired && <span className="field-optional"> ({t('common.optional')})</span>}
    </Label>
  );
}

export function TextInput<T extends FieldValues>({
  control,
  name,
  label,
  description,
  isRequired,
  type = 'text',
  autoComplete = 'off',
}: FieldProps<T> & { type?: 'text' | 'email'; autoComplete?: string }) {
  const {
    field: { name: fieldName, value, onChange, onBlur, ref },
    fieldState: { invalid, error },
  } = useController({ control, name });
  const message = useFieldMessage(error?.message);
  const readOnly = useReadOnly();
  return (
    <TextField
      className="field"
      name={fieldName}
      isReadOnly={readOnly}
      value={(value as string | undefined) ?? ''}
      onChange={onChange}
      onBlur={onBlur}
      isInvalid={invalid}
      isRequired={isRequired ?? false}
      validationBehavior="aria"
      // An e-mail field is a text field to the browser: the app checks the address and says what is
      // wrong in the app's language, never the browser's own bubble in the browser's language.
      type="text"
      inputMode={type === 'email' ? 'email' : undefined}
      autoComplete={autoComplete}
    >
      <FieldLabel label={label} isRequired={isRequired} />
      <Input ref={ref} className="input" />
      {description && (
        <Text slot="description" className="field-description">
          {description}
        </Text>
      )}
      <FieldError className="field-error">{message}</FieldError>
    </TextField>
  );
}

const toCalendarDate = (value: unknown): CalendarDate | null => {
  if (typeof value !== 'string' || value === '') return null;
  try {
    return parseDate(value);
  } catch {
    return null;
  }
};

/** A calendar date kept as `YYYY-MM-DD`; typed segment by segment or picked from a calendar. */
export function DateInputField<T extends FieldValues>({ control, name, label, description, isRequired }: FieldProps<T>) {
  const {
    field: { name: fieldName, value, onChange, onBlur, ref },
    fieldState: { invalid, error },
  } = useController({ control, name });
  const message = useFieldMessage(error?.message);
  const { t } = useTranslation();
  const readOnly = useReadOnly();
  return (
    <DatePicker
      className="field"
      name={fieldName}
      isReadOnly={readOnly}
      value={toCalendarDate(value)}
      onChange={(date) => onChange(date ? date.toString() : '')}
      onBlur={onBlur}
      isInvalid={invalid}
      isRequired={isRequired ?? false}
      validationBehavior="aria"
    >
      <FieldLabel label={label} isRequired={isRequired} />
      <Group className="date-group" onKeyDownCapture={submitOnEnter}>
        <DateInput className="date-input" ref={ref}>
          {(segment) => <DateSegment segment={segment} className="date-segment" />}
        </DateInput>
        {/* Out of the Tab order: Tab goes from the date to what comes next in the form (its
            add or save button), as from any text field; the calendar opens from the date with
            Alt+Down, and by pointer. */}
        <Button className="date-button" aria-label={t('common.openCalendar')} excludeFromTabOrder>
          <CalendarIcon />
        </Button>
      </Group>
      {description && (
        <Text slot="description" className="field-description">
          {description}
        </Text>
      )}
      <FieldError className="field-error">{message}</FieldError>
      <Popover className="popover">
        <Dialog className="calendar-dialog">
          <Calendar className="calendar">
            <header className="calendar-header">
              <Button slot="previous" className="icon-button">
                ‹
              </Button>
              <Heading className="calendar-heading" />
              <Button slot="next" className="icon-button">
                ›
              </Button>
            </header>
            <CalendarGrid className="calendar-grid">
              {(date) => <CalendarCell date={date} className="calendar-cell" />}
            </CalendarGrid>
          </Calendar>
        </Dialog>
      </Popover>
    </DatePicker>
  );
}

/**
 * Enter in a date submits its form, as Enter in a text field does (adds the action, records the
 * acceptance). A date typed only in part is left to the date field (Enter there fills in what is
 * missing), so a half-typed date is never sent as no date at all.
 */
function submitOnEnter(event: KeyboardEvent<HTMLDivElement>) {
  if (event.key !== 'Enter' || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
  // Enter on the calendar button opens the calendar.
  if ((event.target as Element).getAttribute('role') !== 'spinbutton') return;
  const segments = [...event.currentTarget.querySelectorAll('[role="spinbutton"]')];
  const placeholders = segments.filter((segment) => segment.hasAttribute('data-placeholder')).length;
  if (placeholders !== 0 && placeholders !== segments.length) return;
  const form = event.currentTarget.closest('form');
  if (!form) return;
  event.preventDefault();
  event.stopPropagation();
  form.requestSubmit();
}

function CalendarIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <rect x="1.5" y="3" width="13" height="11.5" rx="2" fill="none" stroke="currentColor" strokeWidth="1.4" />
      <path d="M1.5 6.5h13M5 1.5v3M11 1.5v3" stroke="currentColor" strokeWidth="1.4" />
    </svg>
  );
}

export function FormRow({ children }: { children: ReactNode }) {
  return <div className="form-row">{children}</div>;
}

/** A multi-line text field; `rows` sets its resting height. */
export function TextAreaInput<T extends FieldValues>({
  control,
  name,
  label,
  description,
  isRequired,
  rows = 4,
  className,
}: FieldProps<T> & { rows?: number; className?: string }) {
  const {
    field: { name: fieldName, value, onChange, onBlur, ref },
    fieldState: { invalid, error },
  } = useController({ control, name });
  const message = useFieldMessage(error?.message);
  const readOnly = useReadOnly();
  return (
    <TextField
      className={`field ${className ?? ''}`}
      name={fieldName}
      isReadOnly={readOnly}
      value={(value as string | undefined) ?? ''}
      onChange={onChange}
      onBlur={onBlur}
      isInvalid={invalid}
      isRequired={isRequired ?? false}
      validationBehavior="aria"
    >
      <FieldLabel label={label} isRequired={isRequired} />
      <TextArea ref={ref} className="input textarea" rows={rows} />
      {description && (
        <Text slot="description" className="field-description">
          {description}
        </Text>
      )}
      <FieldError className="field-error">{message}</FieldError>
    </TextField>
  );
}

/** A single choice from a short list; the value is the option's id. */
export function SelectInput<T extends FieldValues>({
  control,
  name,
  label,
  options,
  isRequired,
}: FieldProps<T> & { options: SelectOption[] }) {
  const {
    field: { name: fieldName, value, onChange, onBlur },
    fieldState: { invalid, error },
  } = useController({ control, name });
  const message = useFieldMessage(error?.message);
  const readOnly = useReadOnly();
  return (
    <Select
      className="field"
      name={fieldName}
      isDisabled={readOnly}
      selectedKey={(value as string | undefined) ?? null}
      onSelectionChange={(key) => onChange(key === null ? '' : String(key))}
      onBlur={onBlur}
      isInvalid={invalid}
      isRequired={isRequired ?? false}
      validationBehavior="aria"
    >
      <FieldLabel label={label} isRequired={isRequired} />
      <SelectMenu options={options} />
      <FieldError className="field-error">{message}</FieldError>
    </Select>
  );
}
