import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../app/store';
import { StorageSettings } from '../storage/StorageSettings';
import { LanguageSelect } from './LanguageSelect';

export function SettingsPage() {
  const { t } = useTranslation();
  const info = useAppStore((s) => s.info);
  return (
    <div className="page">
      <h1 className="page-title">{t('settings.title')}</h1>
      <section className="card" aria-labelledby="language-heading">
        <h2 id="language-heading">{t('settings.languageTitle')}</h2>
        <p className="muted">{t('settings.languageHelp')}</p>
        <LanguageSelect />
      </section>
      {info && (
        <section className="card" aria-labelledby="data-heading">
          <h2 id="data-heading">{t('settings.dataTitle')}</h2>
          <p className="muted">{t('app.privacy')}</p>
          <dl className="facts">
            <dt>{t('settings.dataFolder')}</dt>
            <dd>
              <code data-testid="data-folder">{info.dataDir}</code>
            </dd>
            <dt>{t('settings.databaseFile')}</dt>
            <dd>
              <code>{info.databasePath}</code>
            </dd>
            <dt>{t('settings.version')}</dt>
            <dd data-testid="app-version">{info.version}</dd>
            <dt>{t('settings.schemaVersion')}</dt>
            <dd>{info.schemaVersion}</dd>
            <dt>{t('settings.mode')}</dt>
            <dd>{t(`settings.mode_${info.mode}`)}</dd>
          </dl>
        </section>
      )}
      <StorageSettings />
    </div>
  );
}
