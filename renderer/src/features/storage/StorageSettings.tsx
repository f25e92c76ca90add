import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLockSettings } from './AppLockSettings';
import { BackupList } from './BackupList';
import { ExportAll } from './ExportAll';
import { RestoreFromFile } from './RestoreFromFile';
import { useStorageStore } from './store';
import './storage.css';

/** Settings: backups, moving to a new computer, and the app lock. */
export function StorageSettings() {
  const { t } = useTranslation();
  const load = useStorageStore((s) => s.load);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <>
      <section className="card" aria-labelledby="backups-heading">
        <h2 id="backups-heading">{t('storage.backups.title')}</h2>
        <p className="muted">{t('storage.backups.help')}</p>
        <BackupList />
      </section>
      <section className="card" aria-labelledby="export-heading">
        <h2 id="export-heading">{t('storage.export.title')}</h2>
        <p className="muted">{t('storage.export.help')}</p>
        <ExportAll />
      </section>
      <section className="card" aria-labelledby="import-heading">
        <h2 id="import-heading">{t('storage.import.title')}</h2>
        <p className="muted">{t('storage.import.help')}</p>
        <RestoreFromFile />
      </section>
      <section className="card" aria-labelledby="lock-heading">
        <h2 id="lock-heading">{t('storage.lock.title')}</h2>
        <p className="muted">{t('storage.lock.help')}</p>
        <AppLockSettings />
      </section>
    </>
  );
}
