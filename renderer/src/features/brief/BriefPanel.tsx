import { useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../app/store';
import { LockIcon } from '../../components/LockIcon';
import { FormFailure } from '../../components/FormFailure';
import { ExportProgress } from '../../components/ExportProgress';
import { deliver } from '../../lib/download';
import { errorMessage } from '../../lib/errors';
import { DocumentPreview } from '../summary/DocumentPreview';
import { useBriefStore } from './store';
// The document's page look (shared with the summary's preview).
import '../summary/summary.css';

/**
 * The meeting brief: one confidential page for the facilitator before the meeting, on screen and
 * as a PDF. Read when opened, so it shows what was saved up to that moment.
 */
export function BriefPanel({ meetingId }: { meetingId: number }) {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const { document, load, exportPdf, clear } = useBriefStore();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState('');
  const [failure, setFailure] = useState('');

  useEffect(() => {
    if (!open) return;
    load(meetingId, language).catch((error: unknown) => setFailure(errorMessage(t, error)));
    return clear;
  }, [open, meetingId, language, load, clear, t]);

  const save = async () => {
    setBusy(true);
    setResult('');
    setFailure('');
    try {
      const { delivery, where } = deliver(await exportPdf(meetingId, language));
      if (delivery === 'download') setResult(t('brief.downloaded', { file: where }));
      if (delivery === 'saved') setResult(t('brief.saved', { path: where }));
    } catch (error) {
      setFailure(errorMessage(t, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card meeting-card" aria-labelledby={`brief-${meetingId}`}>
      <h2 id={`brief-${meetingId}`}>
        <LockIcon />
        {t('brief.title')}
      </h2>
      <p className="muted">{t('brief.hint')}</p>
      <div className="actions actions--start">
        <Button className="button button--secondary" aria-expanded={open} aria-controls={`brief-body-${meetingId}`} onPress={() => setOpen(!open)}>
          {open ? t('brief.hide') : t('brief.show')}
        </Button>
        <Button className="button button--secondary" onPress={() => void save()} isDisabled={busy}>
          {t('brief.export')}
        </Button>
      </div>
      {busy && <ExportProgress />}
      <p role="status" className="save-status save-status--saved">
        {result}
      </p>
      <FormFailure message={failure} />
      {open && (
        <div id={`brief-body-${meetingId}`}>
          {document && <DocumentPreview document={document} />}
        </div>
      )}
    </section>
  );
}
