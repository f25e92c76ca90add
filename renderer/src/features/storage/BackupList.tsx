import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Backup } from '@shared/domain';
import { useAppStore } from '../../app/store';
import { formatDateTime, formatFileSize } from '@shared/vocabulary';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormFailure } from '../../components/FormFailure';
import { storageFailure } from './errors';
import { useStorageStore } from './store';

/** The automatic backups: when, why, how big, which programme; any one can be restored. */
export function BackupList() {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const reload = useAppStore((s) => s.load);
  const backups = useStorageStore((s) => s.backups);
  const backupNow = useStorageStore((s) => s.backupNow);
  const restore = useStorageStore((s) => s.restoreBackup);
  const [chosen, setChosen] = useState<Backup | null>(null);
  const [message, setMessage] = useState('');
  const [failure, setFailure] = useState('');
  const when = (iso: string) => formatDateTime(iso, language);

  const act = async (work: () => Promise<string>) => {
    setFailure('');
    setMessage('');
    try {
      setMessage(await work());
    } catch (error) {
      setFailure(storageFailure(t, error));
    }
  };

  return (
    <div>
      {backups.length === 0 ? (
        <p className="empty-state">{t('storage.backups.none')}</p>
      ) : (
        <table className="backup-table">
          <caption className="visually-hidden">{t('storage.backups.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('storage.backups.date')}</th>
              <th scope="col">{t('storage.backups.programme')}</th>
              <th scope="col">{t('storage.backups.reason')}</th>
              <th scope="col">{t('storage.backups.size')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('storage.backups.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {backups.map((backup) => (
              <tr key={backup.id}>
                <td>{when(backup.createdAt)}</td>
                <td>{backup.usable ? (backup.programmeName ?? t('storage.backups.noProgramme')) : t('storage.backups.unusable')}</td>
                <td>{t(`storage.backups.reason_${backup.reason}`)}</td>
                <td>{formatFileSize(backup.size, language)}</td>
                <td>
                  <Button
                    className="button button--quiet"
                    isDisabled={!backup.usable}
                    aria-label={t('storage.backups.restoreOne', { date: when(backup.createdAt) })}
                    onPress={() => setChosen(backup)}
                  >
                    {t('storage.backups.restore')}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <FormFailure message={failure} />
      {message && (
        <p className="notice" role="status">
          {message}
        </p>
      )}
      <div className="actions">
        <Button className="button button--secondary" onPress={() => void act(async () => (await backupNow(), t('storage.backups.made')))}>
          {t('storage.backups.now')}
        </Button>
      </div>
      <ConfirmDialog
        isOpen={chosen !== null}
        title={t('storage.backups.confirmTitle')}
        confirmLabel={t('storage.backups.restore')}
        onCancel={() => setChosen(null)}
        onConfirm={() => {
          const backup = chosen;
          setChosen(null);
          if (backup)
            void act(async () => {
              await restore(backup.id);
              await reload();
              return t('storage.backups.restored', { date: when(backup.createdAt) });
            });
        }}
      >
        <p>{chosen ? t('storage.backups.confirmBody', { date: when(chosen.createdAt) }) : ''}</p>
      </ConfirmDialog>
    </div>
  );
}
