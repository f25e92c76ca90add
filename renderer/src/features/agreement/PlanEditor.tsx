import { useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { isoDate, MEETING_FORMATS, optionalText, type Language, type MeetingFormat, type PlannedMeeting } from '@shared/domain';
import { formatMonth, parseMonth } from '@shared/vocabulary';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DateInputField, SelectInput, TextInput } from '../../components/fields';
import { SaveStatus } from '../../components/SaveStatus';
import { errorMessage, toApiError } from '../../lib/errors';
import { useAutosavedForm } from '../../lib/useAutosave';
import { formatOptions } from './formats';
import { useAgreementStore } from './store';
import { FormFailure } from '../../components/FormFailure';
import { useReadOnly } from '../../components/readOnly';

/** The row as the form holds it (text fields); the store's rules (free number, within the programme) come back at the field. */
const PlanRowForm = z
  .object({
    number: z.string().trim().regex(/^([1-9]|[1-9]\d)$/, { error: 'invalidNumber' }),
    plannedTheme: optionalText(200),
    plannedDate: z.union([z.literal(''), isoDate]),
    // As typed: "9/2026", "09/2026", "syyskuu 2026", "syys 2026", "September 2026"; saved as YYYY-MM.
    plannedMonth: z.union([z.literal(''), z.string().refine((text) => parseMonth(text) !== null, { error: 'invalidMonth' })]),
    place: optionalText(200),
    format: z.string(),
  })
  .refine((row) => row.plannedDate === '' || row.plannedMonth === '', { path: ['plannedMonth'], error: 'dateOrMonth' });
type PlanRowForm = z.infer<typeof PlanRowForm>;

/** The month is shown in words ("syyskuu 2026"), never as stored. */
const toForm = (row: PlannedMeeting, language: Language): PlanRowForm => ({
  number: String(row.number),
  plannedTheme: row.plannedTheme,
  plannedDate: row.plannedDate ?? '',
  plannedMonth: row.plannedMonth ? formatMonth(row.plannedMonth, language) : '',
  place: row.place,
  format: row.format ?? '',
});

const toFormat = (value: string): MeetingFormat | null =>
  (MEETING_FORMATS as readonly string[]).includes(value) ? (value as MeetingFormat) : null;

/** The provisional meeting plan: the same records as the meetings, so edits here move the meetings too. */
export function PlanEditor() {
  const { t } = useTranslation();
  const plan = useAgreementStore((s) => s.plan);
  const addPlanRow = useAgreementStore((s) => s.addPlanRow);
  const readOnly = useReadOnly();
  const [failure, setFailure] = useState('');
  const add = async () => {
    setFailure('');
    try {
      await addPlanRow();
    } catch (error) {
      setFailure(errorMessage(t, error));
    }
  };
  return (
    <section className="card agreement-section" aria-labelledby="agreement-plan-heading">
      <header className="card-header">
        <div>
          <h2 id="agreement-plan-heading">{t('agreement.plan.title')}</h2>
          <p className="muted">{t('agreement.plan.description')}</p>
        </div>
      </header>
      {plan.length === 0 ? (
        <p className="empty-state">{t('agreement.plan.empty')}</p>
      ) : (
        <ol className="plan-rows">
          {plan.map((row) => (
            <PlanRow key={row.id} row={row} />
          ))}
        </ol>
      )}
      <FormFailure message={failure} />
      {!readOnly && (
        <Button className="button button--secondary plan-add" onPress={() => void add()}>
          {t('agreement.plan.add')}
        </Button>
      )}
    </section>
  );
}

function PlanRow({ row }: { row: PlannedMeeting }) {
  const { t, i18n } = useTranslation();
  const { updatePlanRow, cancelPlanRow, removePlanRow } = useAgreementStore.getState();
  const [confirm, setConfirm] = useState(false);
  const [failure, setFailure] = useState('');
  const readOnly = useReadOnly();
  const { form, state, flush } = useAutosavedForm<PlanRowForm>({
    key: `plan:${row.id}`,
    schema: PlanRowForm,
    values: toForm(row, i18n.language === 'en' ? 'en' : 'fi'),
    save: (values) =>
      updatePlanRow({
        id: row.id,
        number: Number(values.number),
        plannedTheme: values.plannedTheme,
        plannedDate: values.plannedDate || null,
        plannedMonth: values.plannedDate ? null : parseMonth(values.plannedMonth),
        place: values.place,
        format: toFormat(values.format),
      }),
  });

  // Picking a day replaces the month the day was planned for.
  const plannedDate = useWatch({ control: form.control, name: 'plannedDate' });
  useEffect(() => {
    if (plannedDate && form.getValues('plannedMonth')) form.setValue('plannedMonth', '', { shouldDirty: true });
  }, [plannedDate, form]);

  const cancelled = row.status === 'cancelled';
  const heading = t('agreement.plan.rowLabel', { number: row.number });
  const runAction = async (action: () => Promise<unknown>) => {
    setFailure('');
    try {
      await action();
    } catch (error) {
      const apiError = toApiError(error);
      setFailure(apiError.code === 'conflict' ? t('agreement.plan.hasContent') : errorMessage(t, error));
    }
  };
  return (
    <li className={`plan-row${cancelled ? ' plan-row--cancelled' : ''}`}>
      <section aria-label={heading}>
        <header className="plan-row-header">
          <h3 className="plan-row-title">{heading}</h3>
          {cancelled && <span className="badge">{t('agreement.plan.cancelled')}</span>}
          {row.status === 'held' && <span className="badge">{t('agreement.plan.held')}</span>}
          {row.hasContent && <span className="badge badge--note">{t('agreement.plan.hasNotes')}</span>}
        </header>
        <form className="plan-row-form" onBlur={() => void flush()} onSubmit={(e) => e.preventDefault()}>
          <div className="plan-row-grid">
            <TextInput control={form.control} name="number" label={t('agreement.plan.number')} isRequired />
            <DateInputField control={form.control} name="plannedDate" label={t('agreement.plan.date')} />
            <TextInput control={form.control} name="plannedMonth" label={t('agreement.plan.month')} description={t('agreement.plan.monthHint')} />
            <SelectInput control={form.control} name="format" label={t('agreement.plan.format')} options={formatOptions(t)} />
          </div>
          <div className="plan-row-grid plan-row-grid--second">
            <TextInput control={form.control} name="place" label={t('agreement.plan.place')} />
            <TextInput control={form.control} name="plannedTheme" label={t('agreement.plan.theme')} />
          </div>
        </form>
        <div className="plan-row-footer">
          <SaveStatus state={state} />
          {!readOnly && <div className="agreement-item-actions">
            {row.status !== 'held' && (
              <Button className="button button--quiet" onPress={() => void runAction(() => cancelPlanRow(row.id, !cancelled))}>
                {cancelled ? t('agreement.plan.restore') : t('agreement.plan.cancel')}
              </Button>
            )}
            <Button className="button button--quiet button--danger-text" onPress={() => setConfirm(true)}>
              {t('agreement.plan.remove')}
            </Button>
          </div>}
        </div>
        <FormFailure message={failure} />
      </section>
      <ConfirmDialog
        isOpen={confirm}
        title={t('agreement.plan.removeTitle', { number: row.number })}
        confirmLabel={t('common.remove')}
        onCancel={() => setConfirm(false)}
        onConfirm={() => {
          setConfirm(false);
          void runAction(() => removePlanRow(row.id));
        }}
      >
        <p>{t('agreement.plan.removeBody')}</p>
      </ConfirmDialog>
    </li>
  );
}
