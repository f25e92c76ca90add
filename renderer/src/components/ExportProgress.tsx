import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './export-progress.css';

/**
 * Shown while a file is being made (render it only then). Quiet for the first half second, so a
 * quick export does not flash; after that a moving bar and a sentence that says the app can be
 * used meanwhile (exports are made off the thread that serves the app).
 */
export function ExportProgress() {
  const { t } = useTranslation();
  const [late, setLate] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setLate(true), 500);
    return () => clearTimeout(timer);
  }, []);
  if (!late) return null;
  return (
    <div className="export-progress" role="status">
      <progress className="export-progress-bar" aria-label={t('export.inProgress')} />
      <span>{t('export.inProgress')}</span>
    </div>
  );
}
