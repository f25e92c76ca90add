import { useTranslation } from 'react-i18next';
import type { StoreProblem } from '@shared/domain';

/** Shown instead of the app when the data file cannot be used. The file is never touched. */
export function StoreProblemScreen({ problem }: { problem: StoreProblem }) {
  const { t } = useTranslation();
  return (
    <main className="centered">
      <div className="card card--narrow" role="alert" aria-labelledby="store-problem-title">
        <h1 id="store-problem-title">{t('storeProblem.title')}</h1>
        <p className="lead">{t(`storeProblem.${problem.kind}`)}</p>
        <p>{t(problem.newStore ? 'storeProblem.introNew' : problem.kind === 'empty' ? 'storeProblem.introEmpty' : 'storeProblem.intro')}</p>
        <dl className="facts">
          <dt>{t('storeProblem.where')}</dt>
          <dd>
            <code data-testid="store-problem-path">{problem.path}</code>
          </dd>
          <dt>{t('storeProblem.detail')}</dt>
          <dd>
            <code>{problem.detail}</code>
          </dd>
        </dl>
        <p className="notice">{t('storeProblem.advice')}</p>
      </div>
    </main>
  );
}
