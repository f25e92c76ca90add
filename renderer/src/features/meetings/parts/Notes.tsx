import { zodResolver } from '@hookform/resolvers/zod';
import { LockIcon } from '../../../components/LockIcon';
import { useImperativeHandle, type Ref } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { MeetingNotes } from '@shared/domain';
import { call } from '../../../api';
import { TextAreaInput } from '../../../components/fields';
import { SaveStatus } from '../../../components/SaveStatus';
import { useAutosave } from '../../../lib/useAutosave';

const NotesOnly = MeetingNotes.pick({ notes: true });

export interface NotesHandle {
  focus: () => void;
}

/** The facilitator's private notes: CONFIDENTIAL, autosaved as they type. */
export function Notes({ meetingId, notes, rows = 10, handle }: { meetingId: number; notes: string; rows?: number; handle?: Ref<NotesHandle> }) {
  const { t } = useTranslation();
  const form = useForm({ resolver: zodResolver(NotesOnly), defaultValues: { notes } });
  const { state, flush } = useAutosave(form, (values) => call('meetings.saveNotes', { id: meetingId, notes: values.notes }));
  useImperativeHandle(handle, () => ({ focus: () => form.setFocus('notes') }), [form]);
  return (
    <section className="card meeting-card" aria-labelledby={`notes-${meetingId}`}>
      <header className="card-header">
        <div>
          <h2 id={`notes-${meetingId}`}>
            <LockIcon />
            {t('meetings.notes')}
          </h2>
          <p className="muted">{t('meetings.notesHint')}</p>
        </div>
        <SaveStatus state={state} />
      </header>
      <form onBlur={() => void flush()} onSubmit={(e) => e.preventDefault()}>
        <TextAreaInput control={form.control} name="notes" label={t('meetings.notes')} rows={rows} className="notes-field" />
      </form>
    </section>
  );
}
