import { useTranslation } from 'react-i18next';
import { Notices } from '../components/Notices';
import { formatDate } from '@shared/vocabulary';
import { ReadOnlyContext } from '../components/readOnly';
import { SECTIONS } from './sections';
import { useAppStore } from './store';

/** The app frame: the programme at a glance, the sections that exist, and the page. */
export function Frame() {
  const { t } = useTranslation();
  const section = useAppStore((s) => s.section);
  const navigate = useAppStore((s) => s.navigate);
  const programme = useAppStore((s) => s.programme);
  const language = useAppStore((s) => s.language);
  const focusMode = useAppStore((s) => s.focusMode);

  if (focusMode) {
    return (
      <>
        <main className="content content--focus" id="content">
          <Page section={section} archivedAt={programme?.archivedAt ?? null} />
        </main>
        <Notices />
      </>
    );
  }

  return (
    <div className="frame">
      <aside className="sidebar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">{t('app.name')}</span>
        </div>
        {programme && (
          <div className="sidebar-programme">
            <p className="sidebar-programme-name">{programme.name}</p>
            {programme.archivedAt && <p className="badge sidebar-programme-closed">{t('closed.badge')}</p>}
            <p className="sidebar-programme-period">
              {t('programme.period', {
                start: formatDate(programme.startDate, language),
                end: formatDate(programme.endDate, language),
              })}
            </p>
          </div>
        )}
        <nav aria-label={t('nav.label')}>
          <ul className="nav-list">
            {SECTIONS.map(({ id, labelKey }) => (
              <li key={id}>
                <button
                  type="button"
                  className="nav-item"
                  aria-current={section === id ? 'page' : undefined}
                  onClick={() => navigate(id)}
                >
                  {t(labelKey)}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <p className="sidebar-privacy">{t('app.privacy')}</p>
      </aside>
      <main className="content" id="content">
        <Page section={section} archivedAt={programme?.archivedAt ?? null} />
      </main>
      {/* Undo puts back what was removed: a closed programme takes nothing back. */}
      {!programme?.archivedAt && <Notices />}
    </div>
  );
}

/** The section's page; once the programme is closed, under a notice that says so and read-only. */
function Page({ section, archivedAt }: { section: string; archivedAt: string | null }) {
  return (
    <>
      {archivedAt && <ClosedNotice archivedAt={archivedAt} />}
      <ReadOnlyContext.Provider value={archivedAt !== null}>
        <CurrentPage section={section} />
      </ReadOnlyContext.Provider>
    </>
  );
}

function ClosedNotice({ archivedAt }: { archivedAt: string }) {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  return (
    <div className="closed-notice" role="note" data-testid="closed-notice">
      <p className="closed-notice-title">{t('closed.title', { date: formatDate(archivedAt.slice(0, 10), language) })}</p>
      <p>{t('closed.body')}</p>
    </div>
  );
}

function CurrentPage({ section }: { section: string }) {
  const Page = (SECTIONS.find((s) => s.id === section) ?? SECTIONS[0])?.Page;
  return Page ? <Page /> : null;
}
