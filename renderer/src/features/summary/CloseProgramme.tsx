import { useState } from 'react';
import { Button, Checkbox } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { errorMessage } from '../../lib/errors';
import { FormFailure } from '../../components/FormFailure';
import { useSummaryStore } from './store';

/** After the final export: delete the confidential material for good, keeping the summary. */
export function CloseProgramme({ canClose }: { canClose: boolean }) {
  const { t } = useTranslation();
  const closeProgramme = useSummaryStore((s) => s.closeProgramme);
  const [open, setOpen] = useState(false);
  const [understood, setUnderstood] = useState(false);
  const [failure, setFailure] = useState('');
  const close = async () => {
    setFailure('');
    try {
      await closeProgramme();
      setOpen(false);
    } catch (error) {
      setFailure(errorMessage(t, error));
    }
  };
  return (
    <section className="card danger-zone" aria-labelledby="close-heading">
      <h2 id="close-heading">{t('summary.close')}</h2>
      <p className="muted">{t('summary.closeHint')}</p>
      {!canClose && <p className="field-description">{t('summary.closeNeedsExport')}</p>}
      <Button className="button button--danger" isDisabled={!canClose} onPress={() => setOpen(true)}>
        {t('summary.closeButton')}
      </Button>
      <FormFailure message={failure} />
      <ConfirmDialog
        isOpen={open}
        title={t('summary.closeTitle')}
        confirmLabel={t('summary.closeConfirm')}
        onCancel={() => {
          setOpen(false);
          setUnderstood(false);
        }}
        onConfirm={() => {
          if (understood) void close();
        }}
      >
        <p>{t('summary.closeBody')}</p>
        <Checkbox className="checkbox" isSelected={understood} onChange={setUnderstood}>
          <span className="checkbox-box" aria-hidden="true">
            ✓
          </span>
          {t('summary.closeUnderstand')}
        </Checkbox>
      </ConfirmDialog>
    </section>
  );
}
