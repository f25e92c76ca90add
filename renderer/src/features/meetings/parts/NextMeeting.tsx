import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { isoDate, optionalText, type MeetingDetail } from '@shared/domain';
import { DateInputField, FormRow, TextInput } from '../../../components/fields';
import { SaveStatus } from '../../../components/SaveStatus';
import { useAutosavedForm } from '../../../lib/useAutosave';
import { useMeetingsStore } from '../store';

const NextForm = z.object({ plannedDate: z.union([z.literal(''), isoDate]), plannedTheme: optionalText(200) });

/** Date and theme of the next meeting, written straight into the plan. */
export function NextMeeting({ detail }: { detail: MeetingDetail }) {
  const { t } = useTranslation();
  const setNext = useMeetingsStore((s) => s.setNext);
  const { form, state, flush } = useAutosavedForm({
    key: `meeting:${detail.id}:next`,
    schema: NextForm,
    values: { plannedDate: detail.next?.plannedDate ?? '', plannedTheme: detail.next?.plannedTheme ?? '' },
    save: (values) => setNext(detail.id, values.plannedDate || null, values.plannedTheme),
  });
  return (
    <section className="card meeting-card" aria-labelledby={`next-${detail.id}`}>
      <header className="card-header">
        <div>
          <h2 id={`next-${detail.id}`}>{t('meetings.next')}</h2>
          <p className="muted">{detail.next ? t('meetings.nextIs', { number: detail.next.number }) : t('meetings.nextNone')}</p>
          <p className="muted">{t('meetings.nextHint')}</p>
        </div>
        <SaveStatus state={state} />
      </header>
      <form onBlur={() => void flush()} onSubmit={(e) => e.preventDefault()}>
        <FormRow>
          <DateInputField control={form.control} name="plannedDate" label={t('meetings.nextDate')} />
          <TextInput control={form.control} name="plannedTheme" label={t('meetings.nextTheme')} />
        </FormRow>
      </form>
    </section>
  );
}
