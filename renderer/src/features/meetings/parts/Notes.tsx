import { LockIcon } from '../../../components/LockIcon';
import { useImperativeHandle, useRef, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { MeetingNotes } from '@shared/domain';
import { TextAreaInput } from '../../../components/fields';
import { SaveStatus } from '../../../components/SaveStatus';
import { focusFirstField } from '../../../lib/focus';
import { useAutosavedForm } from '../../../lib/useAutosave';
import { useMeetingsStore } from '../store';

const NotesOnly = MeetingNotes.pick({ notes: true });

export interface NotesHandle {
  focus: () => void;
}

/**
 * The facilitator's private notes: CONFIDENTIAL, autosaved as they type. The meeting view and
 * meeting mode show this same field (one key), so both always show the same text. The field reads
 * the stored text itself: the meeting view does not render again when only the notes change.
 */
export function Notes({ meetingId, rows = 10, handle }: { meetingId: number; rows?: number; handle?: Ref<NotesHandle> }) {
  const { t } = useTranslation();
  const notes = useMeetingsStore((s) => (s.detail?.id === meetingId ? s.detail.notes : ''));
  const saveNotes = useMeetingsStore((s) => s.saveNotes);
  const { form, state, flush } = useAutosavedForm({
    key: `meeting:${meetingId}:notes`,
    schema: NotesOnly,
    values: { notes },
    save: (values) => saveNotes(meetingId, values.notes),
  });
  const section = useRef<HTMLElement>(null);
  // The caret goes after the text, so that typing goes on where the notes end.
  useImperativeHandle(handle, () => ({ focus: () => focusFirstField(section.current, true) }), []);
  return (
    <section ref={section} className="card meeting-card" aria-labelledby={`notes-${meetingId}`}>
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
