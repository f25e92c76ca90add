import { useTranslation } from 'react-i18next';
import { Notices } from '../components/Notices';
import { formatDate } from '@shared/vocabulary';
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
          <CurrentPage section={section} />
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
        <CurrentPage section={section} />
      </main>
      <Notices />
    </div>
  );
}

function CurrentPage({ section }: { section: string }) {
  const Page = (SECTIONS.find((s) => s.id === section) ?? SECTIONS[0])?.Page;
  return Page ? <Page /> : null;
}
