import { useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ArchiveState } from '@shared/domain';
import { formatDate, localeOf } from '../../app/i18n';
import { useAppStore } from '../../app/store';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormFailure } from '../../components/FormFailure';
import { errorMessage, toApiError } from '../../lib/errors';
import { useStorageStore } from '../storage/store';
import { PlanList } from './CloseProgramme';
import { useSummaryStore } from './store';

/** The backup clean-up keeps the newest backup of each of the last four weeks: with daily use, about this long. */
const RETENTION_DAYS = 28;

function useWhen() {
  const language = useAppStore((s) => s.language);
  return (iso: string) => new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/**
 * The closed programme on the summary page: when it was closed, whether the data file has been
 * wiped (finishing it if another application got in the way), what is left, and the backups that
 * still hold what closing deleted.
 */
export function ClosedArchive({ archivedAt, wipedAt }: { archivedAt: string; wipedAt: ArchiveState['wipedAt'] }) {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const plan = useSummaryStore((s) => s.closingPlan);
  const loadClosingPlan = useSummaryStore((s) => s.loadClosingPlan);
  const when = useWhen();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    loadClosingPlan().catch(() => undefined);
    // Closing just answered (or the page opened on a closed programme): the keyboard starts here.
    heading.current?.focus();
  }, [loadClosingPlan]);

  return (
    <section className="card closed-archive" aria-labelledby="closed-archive-heading">
      <h2 id="closed-archive-heading" ref={heading} tabIndex={-1}>
        {t('closing.archive.title', { date: formatDate(archivedAt.slice(0, 10), language) })}
      </h2>
      {wipedAt ? <p role="status">{t('closing.archive.wiped', { when: when(wipedAt) })}</p> : <FinishWipe />}
      {plan && (
        <details className="closed-archive-plan">
          <summary>{t('closing.archive.planTitle')}</summary>
          <h3>{t('closing.archive.deletedTitle')}</h3>
          <PlanList plan={plan} side="deleted" />
          <h3>{t('closing.keptTitle')}</h3>
          <PlanList plan={plan} side="kept" />
        </details>
      )}
      <PreCloseBackups archivedAt={archivedAt} />
    </section>
  );
}

/** Closing deleted the rows, but another application kept the file from being wiped: finish it. */
function FinishWipe() {
  const { t } = useTranslation();
  const closeProgramme = useSummaryStore((s) => s.closeProgramme);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState('');
  const finish = async () => {
    setBusy(true);
    setFailure('');
    try {
      await closeProgramme();
    } catch (error) {
      setFailure(toApiError(error).code === 'wipe_incomplete' ? t('closing.archive.stillBusy') : errorMessage(t, error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="closing-pending">
      <p role="alert">{t('closing.archive.wipePending')}</p>
      {busy ? (
        <div className="closing-progress" role="status">
          <progress aria-label={t('closing.working')} />
          <p>{t('closing.working')}</p>
        </div>
      ) : (
        <Button className="button button--primary" onPress={() => void finish()}>
          {t('closing.archive.finish')}
        </Button>
      )}
      <FormFailure message={failure} />
    </div>
  );
}

/** The backups made before closing still hold the deleted material (encrypted); the facilitator may shred them. */
function PreCloseBackups({ archivedAt }: { archivedAt: string }) {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const backups = useStorageStore((s) => s.backups);
  const { load, shredPreCloseBackups } = useStorageStore.getState();
  const when = useWhen();
  const [confirm, setConfirm] = useState(false);
  const [message, setMessage] = useState('');
  const [failure, setFailure] = useState('');
  // The list read before closing lacks the safety copy: say nothing until it has been read again.
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    load().then(
      () => setLoaded(true),
      (error: unknown) => setFailure(errorMessage(t, error)),
    );
  }, [load, t]);

  const closedAt = Date.parse(archivedAt);
  const before = backups.filter((backup) => Date.parse(backup.createdAt) < closedAt);
  const safetyCopy = before.find((backup) => backup.reason === 'beforeClose');
  const removedBy = new Date(closedAt + RETENTION_DAYS * 86_400_000).toISOString().slice(0, 10);

  const shred = async () => {
    setConfirm(false);
    setFailure('');
    setMessage('');
    try {
      setMessage(t('closing.backups.deleted', { count: await shredPreCloseBackups() }));
    } catch (error) {
      setFailure(errorMessage(t, error));
    }
  };

  return (
    <section className="closed-backups" aria-labelledby="closed-backups-heading">
      <h3 id="closed-backups-heading">{t('closing.backups.title')}</h3>
      {!loaded ? null : before.length === 0 ? (
        <p>{t('closing.backups.none')}</p>
      ) : (
        <>
          <p>{t('closing.backups.some', { count: before.length })}</p>
          {safetyCopy && <p>{t('closing.backups.safetyCopy', { when: when(safetyCopy.createdAt) })}</p>}
          <p className="muted">{t('closing.backups.retention', { date: formatDate(removedBy, language) })}</p>
          <Button className="button button--danger" onPress={() => setConfirm(true)}>
            {t('closing.backups.delete')}
          </Button>
        </>
      )}
      {message && (
        <p className="notice" role="status">
          {message}
        </p>
      )}
      <FormFailure message={failure} />
      <ConfirmDialog
        isOpen={confirm}
        title={t('closing.backups.confirmTitle', { count: before.length })}
        confirmLabel={t('closing.backups.confirm')}
        onCancel={() => setConfirm(false)}
        onConfirm={() => void shred()}
      >
        <p>{t('closing.backups.confirmBody')}</p>
      </ConfirmDialog>
    </section>
  );
}
