import { lazy, Suspense, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The app's sections, in navigation order. A feature appears here only when it works end to end.
 * `labelKey` is an i18n key; `Page` renders the section's content.
 *
 * Each section's code is its own chunk, loaded when the section is first opened, so the app frame
 * shows after loading only what it needs; a quiet placeholder stands in for the page meanwhile.
 */
export interface SectionDef {
  id: string;
  labelKey: string;
  Page: ComponentType;
}

function PageLoading() {
  const { t } = useTranslation();
  return (
    <div className="page" aria-busy="true">
      <p className="muted">{t('app.loading')}</p>
    </div>
  );
}

/** A page whose code loads on first use. */
function lazyPage(load: () => Promise<ComponentType>): ComponentType {
  const Lazy = lazy(async () => ({ default: await load() }));
  return function SectionPage() {
    return (
      <Suspense fallback={<PageLoading />}>
        <Lazy />
      </Suspense>
    );
  };
}

export const SECTIONS: SectionDef[] = [
  { id: 'group', labelKey: 'nav.group', Page: lazyPage(async () => (await import('../features/group/GroupPage')).GroupPage) },
  { id: 'agreement', labelKey: 'agreement.nav', Page: lazyPage(async () => (await import('../features/agreement/AgreementPage')).AgreementPage) },
  { id: 'meetings', labelKey: 'meetings.nav', Page: lazyPage(async () => (await import('../features/meetings/MeetingsPage')).MeetingsPage) },
  { id: 'actions', labelKey: 'meetings.actionsNav', Page: lazyPage(async () => (await import('../features/meetings/ActionsPage')).ActionsPage) },
  { id: 'feedback', labelKey: 'feedback.nav', Page: lazyPage(async () => (await import('../features/feedback/FeedbackPage')).FeedbackPage) },
  { id: 'summary', labelKey: 'summary.nav', Page: lazyPage(async () => (await import('../features/summary/SummaryPage')).SummaryPage) },
  { id: 'settings', labelKey: 'nav.settings', Page: lazyPage(async () => (await import('../features/settings/SettingsPage')).SettingsPage) },
];
