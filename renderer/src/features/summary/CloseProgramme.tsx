import { useEffect, useRef, useState } from 'react';
import { Button, Checkbox, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ClosingPlan } from '@shared/domain';
import { FormFailure } from '../../components/FormFailure';
import { errorMessage, toApiError } from '../../lib/errors';
import { useStorageStore } from '../storage/store';
import { useSummaryStore } from './store';

/** After the final export: delete the confidential material for good, keeping the summary. */
export function CloseProgramme({ canClose }: { canClose: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <section className="card danger-zone" aria-labelledby="close-heading">
      <h2 id="close-heading">{t('summary.close')}</h2>
      <p className="muted">{t('summary.closeHint')}</p>
      {!canClose && <p className="field-description">{t('summary.closeNeedsExport')}</p>}
      <Button className="button button--danger" isDisabled={!canClose} onPress={() => setOpen(true)}>
        {t('summary.closeButton')}
      </Button>
      {open && <CloseDialog onCancel={() => setOpen(false)} />}
    </section>
  );
}

/** The plan's items as the facilitator reads them: what each is, and how many there are now. */
export function PlanList({ plan, side }: { plan: ClosingPlan; side: 'deleted' | 'kept' }) {
  const { t } = useTranslation();
  return (
    <ul className="closing-list">
      {plan[side].map(({ key, count }) => (
        <li key={key}>
          <span>{t(`closing.${side}.${key}`)}</span> <span className="closing-count">{t('closing.count', { count })}</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * The deliberate step: exactly what is deleted and what remains (with counts), what the backups
 * still hold, a box to tick, and the progress of the wipe. Closing answers only when the data file
 * has been wiped; until then the dialog cannot be dismissed.
 */
function CloseDialog({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const plan = useSummaryStore((s) => s.closingPlan);
  const { loadClosingPlan, closeProgramme } = useSummaryStore.getState();
  const backups = useStorageStore((s) => s.backups);
  const loadBackups = useStorageStore((s) => s.load);
  const [understood, setUnderstood] = useState(false);
  const [unticked, setUnticked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState('');
  const checkbox = useRef<HTMLInputElement>(null);

  useEffect(() => {
    loadClosingPlan().catch((error: unknown) => setFailure(errorMessage(t, error)));
    loadBackups().catch(() => undefined);
  }, [loadClosingPlan, loadBackups, t]);

  const close = async () => {
    if (!understood) {
      // Never a silent no-op: say what is missing, at the box.
      setUnticked(true);
      checkbox.current?.focus();
      return;
    }
    setFailure('');
    setBusy(true);
    try {
      // On success the page becomes the closed programme's, and this dialog goes with it.
      await closeProgramme();
    } catch (error) {
      // A wipe that could not finish is offered on the page, which now shows the programme closed.
      if (toApiError(error).code !== 'wipe_incomplete') setFailure(errorMessage(t, error));
      setBusy(false);
    }
  };

  return (
    <ModalOverlay className="modal-overlay" isOpen isDismissable={!busy} isKeyboardDismissDisabled={busy} onOpenChange={(isOpen) => !isOpen && onCancel()}>
      <Modal className="modal closing-modal">
        <Dialog role="alertdialog" className="dialog" aria-describedby="closing-body">
          <Heading slot="title" className="dialog-title">
            {t('summary.closeTitle')}
          </Heading>
          <div id="closing-body">
            <p>{t('closing.intro')}</p>
            {plan && (
              <div className="closing-plan">
                <section aria-labelledby="closing-deleted">
                  <h3 id="closing-deleted">{t('closing.deletedTitle')}</h3>
                  <PlanList plan={plan} side="deleted" />
                </section>
                <section aria-labelledby="closing-kept">
                  <h3 id="closing-kept">{t('closing.keptTitle')}</h3>
                  <PlanList plan={plan} side="kept" />
                </section>
              </div>
            )}
            <p className="notice">{t('closing.backupsBefore', { count: backups.length })}</p>
          </div>
          <Checkbox
            inputRef={checkbox}
            className="checkbox"
            isSelected={understood}
            isDisabled={busy}
            isInvalid={unticked && !understood}
            aria-describedby={unticked && !understood ? 'closing-unticked' : undefined}
            onChange={(value) => {
              setUnderstood(value);
              if (value) setUnticked(false);
            }}
          >
            <span className="checkbox-box" aria-hidden="true">
              ✓
            </span>
            {t('summary.closeUnderstand')}
          </Checkbox>
          {unticked && !understood && (
            <p className="field-error" id="closing-unticked" role="alert">
              {t('closing.mustTick')}
            </p>
          )}
          {busy && (
            <div className="closing-progress" role="status">
              <progress aria-label={t('closing.working')} />
              <p>{t('closing.working')}</p>
            </div>
          )}
          <FormFailure message={failure} />
          <div className="dialog-actions">
            <Button className="button button--secondary" onPress={onCancel} isDisabled={busy} autoFocus>
              {t('common.cancel')}
            </Button>
            <Button className="button button--danger" onPress={() => void close()} isDisabled={busy}>
              {t('summary.closeConfirm')}
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
