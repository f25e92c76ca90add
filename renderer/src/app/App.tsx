import { lazy, Suspense, useEffect, useMemo, type ReactNode } from 'react';
import { I18nProvider } from 'react-aria-components';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { DeviceGate } from '../features/feedback/PassTheDevice';
import { useIdleLock } from '../features/storage/useIdleLock';
import { installCloseGuard } from '../lib/saveRegistry';
import { Frame } from './Frame';
import { localeOf } from '@shared/vocabulary';
import { createI18n } from './i18n';
import { useAppStore } from './store';

// Screens a started app does not show load when they are shown, so the frame's code is all that
// loads before the frame (test/config/bundles.test.ts).
const SetupWizard = lazy(async () => ({ default: (await import('../features/setup/SetupWizard')).SetupWizard }));
const UnlockScreen = lazy(async () => ({ default: (await import('../features/storage/UnlockScreen')).UnlockScreen }));
const StoreProblemScreen = lazy(async () => ({ default: (await import('../features/settings/StoreProblemScreen')).StoreProblemScreen }));

export function App() {
  const status = useAppStore((s) => s.status);
  const language = useAppStore((s) => s.language);
  const load = useAppStore((s) => s.load);
  const i18n = useMemo(() => createI18n(language), [language]);

  useEffect(() => {
    installCloseGuard();
    void load();
  }, [load]);

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = i18n.t('app.name');
  }, [language, i18n]);

  return (
    <I18nextProvider i18n={i18n}>
      <I18nProvider locale={localeOf(language)}>
        {status === 'loading' ? <Loading /> : status === 'failed' ? <Unreachable /> : <Ready />}
      </I18nProvider>
    </I18nextProvider>
  );
}

function Ready() {
  const info = useAppStore((s) => s.info);
  const programme = useAppStore((s) => s.programme);
  useIdleLock(info?.storage);
  if (info?.storeProblem) return <OnDemand screen={<StoreProblemScreen problem={info.storeProblem} />} />;
  if (info && (info.storage.state === 'locked' || info.storage.state === 'choosePassphrase')) return <OnDemand screen={<UnlockScreen status={info.storage} />} />;
  if (!programme) return <OnDemand screen={<SetupWizard />} />;
  // A locked pass-the-device round takes the whole window: the frame is not even rendered.
  return (
    <DeviceGate loading={<Loading />}>
      <Frame />
    </DeviceGate>
  );
}

/** A screen whose code loads when it is first shown; the loading note stands in meanwhile. */
const OnDemand = ({ screen }: { screen: ReactNode }) => <Suspense fallback={<Loading />}>{screen}</Suspense>;

function Loading() {
  const { t } = useTranslation();
  return (
    <main className="centered" aria-busy="true">
      <p className="muted">{t('app.loading')}</p>
    </main>
  );
}

function Unreachable() {
  const { t } = useTranslation();
  const load = useAppStore((s) => s.load);
  return (
    <main className="centered">
      <div className="card card--narrow" role="alert">
        <h1>{t('app.name')}</h1>
        <p>{t('errors.unreachable')}</p>
        <button type="button" className="button button--primary" onClick={() => void load()}>
          {t('common.tryAgain')}
        </button>
      </div>
    </main>
  );
}
