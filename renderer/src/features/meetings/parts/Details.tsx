import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { clockTime, isoDate, MEETING_FORMATS, optionalText, type MeetingDetail } from '@shared/domain';
import { DateInputField, FormRow, SelectInput, TextInput } from '../../../components/fields';
import { SaveStatus } from '../../../components/SaveStatus';
import { useAutosavedForm } from '../../../lib/useAutosave';
import { useMeetingsStore } from '../store';

/** A time as a Finn writes it (13.30, 9.05) or with a colon; stored as `HH:MM`. */
const typedTime = z
  .string()
  .trim()
  .transform((text) => text.replace('.', ':').replace(/^(\d):/, '0$1:'))
  .pipe(z.union([z.literal(''), clockTime]));

const DetailsForm = z.object({
  plannedDate: z.union([z.literal(''), isoDate]),
  startTime: typedTime,
  plannedMinutes: z.string().regex(/^\d{2,3}$/, { error: 'invalidMinutes' }),
  place: optionalText(200),
  format: z.string(),
  plannedTheme: optionalText(200),
});
type DetailsForm = z.infer<typeof DetailsForm>;

const toForm = (d: MeetingDetail, language: string): DetailsForm => ({
  plannedDate: d.plannedDate ?? '',
  startTime: language === 'fi' ? (d.startTime ?? '').replace(':', '.') : (d.startTime ?? ''),
  plannedMinutes: String(d.plannedMinutes),
  place: d.place,
  format: d.format ?? '',
  plannedTheme: d.plannedTheme,
});

/** Date, time, place and planned theme. Plan fields go through the plan, so the agreement shows them too. */
export function Details({ detail }: { detail: MeetingDetail }) {
  const { t, i18n } = useTranslation();
  const saveDetails = useMeetingsStore((s) => s.saveDetails);
  const { form, state, flush } = useAutosavedForm({
    key: `meeting:${detail.id}:details`,
    schema: DetailsForm,
    values: toForm(detail, i18n.language),
    save: (values) => saveDetails(detail.id, values),
  });
  const formats = [{ id: '', label: t('meetings.formatNone') }, ...MEETING_FORMATS.map((f) => ({ id: f, label: t(`term.format.${f}`) }))];
  return (
    <section className="card meeting-card" aria-labelledby={`details-${detail.id}`}>
      <header className="card-header">
        <div>
          <h2 id={`details-${detail.id}`}>{t('meetings.details')}</h2>
          <p className="muted">{t('meetings.detailsHint')}</p>
        </div>
        <SaveStatus state={state} />
      </header>
      <form onBlur={() => void flush()} onSubmit={(e) => e.preventDefault()} className="fieldset">
        <FormRow>
          <DateInputField control={form.control} name="plannedDate" label={t('meetings.date')} />
          <TextInput control={form.control} name="startTime" label={t('meetings.startTime')} description={t('meetings.startTimeHint')} />
          <TextInput control={form.control} name="plannedMinutes" label={t('meetings.plannedMinutes')} isRequired />
        </FormRow>
        <FormRow>
          <TextInput control={form.control} name="place" label={t('meetings.place')} />
          <SelectInput control={form.control} name="format" label={t('meetings.format')} options={formats} />
        </FormRow>
        <TextInput control={form.control} name="plannedTheme" label={t('meetings.plannedTheme')} />
      </form>
    </section>
  );
}
