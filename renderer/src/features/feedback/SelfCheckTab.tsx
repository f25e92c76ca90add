import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SelfCheckChange } from '@shared/domain';
import { formatChange, formatNumber } from '@shared/vocabulary';
import { feedbackError, shortLabel, useLanguage } from './labels';
import { TooFew } from './ResultsView';
import { useFeedbackStore } from './store';
import { SurveyPanel } from './SurveyPanel';
import { FormFailure } from '../../components/FormFailure';
import { useReadOnly } from '../../components/readOnly';

const W = 420;
const H = 34;
const PAD = 14;

/** One dimension on a 1–10 line: start (hollow) to end (filled), with an arrow. */
function Dumbbell({ start, end, max }: { start: number | null; end: number | null; max: number }) {
  const x = (v: number) => PAD + ((v - 1) / (max - 1)) * (W - 2 * PAD);
  return (
    <svg className="fb-dumbbell" width={W} height={H} viewBox={`0 0 ${W} ${H}`} aria-hidden="true">
      <line className="fb-grid" x1={PAD} x2={W - PAD} y1={H / 2} y2={H / 2} />
      {Array.from({ length: max }, (_, i) => (
        <line key={i} className="fb-grid" x1={x(i + 1)} x2={x(i + 1)} y1={H / 2 - 4} y2={H / 2 + 4} />
      ))}
      {start !== null && end !== null && <line className="fb-change-line" x1={x(start)} x2={x(end)} y1={H / 2} y2={H / 2} />}
      {start !== null && <circle className="fb-start-dot" cx={x(start)} cy={H / 2} r={7} />}
      {end !== null && <rect className="fb-end-dot" x={x(end) - 6} y={H / 2 - 6} width={12} height={12} />}
    </svg>
  );
}

function ChangeView({ change }: { change: SelfCheckChange }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const mean = (v: number | null | undefined) => (v === null || v === undefined ? '–' : formatNumber(v, language));
  return (
    <figure className="fb-figure">
      <figcaption className="fb-legend">
        <span className="fb-legend-item">
          <svg width="16" height="16" aria-hidden="true">
            <circle className="fb-start-dot" cx="8" cy="8" r="6" />
          </svg>
          {t('feedback.selfcheck.start')}
        </span>
        <span className="fb-legend-item">
          <svg width="16" height="16" aria-hidden="true">
            <rect className="fb-end-dot" x="2" y="2" width="12" height="12" />
          </svg>
          {t('feedback.selfcheck.end')}
        </span>
      </figcaption>
      <table className="fb-table fb-change-table">
        <caption className="visually-hidden">{t('feedback.selfcheck.changeTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('feedback.selfcheck.dimension')}</th>
            <th scope="col">{t('feedback.selfcheck.start')}</th>
            <th scope="col">{t('feedback.selfcheck.end')}</th>
            <th scope="col">{t('feedback.selfcheck.change')}</th>
            <th scope="col" className="fb-chart-col">
              <span className="visually-hidden">{t('feedback.selfcheck.scale')}</span>
              <span aria-hidden="true" className="fb-scale-caption">
                <span>1</span>
                <span>10</span>
              </span>
            </th>
          </tr>
        </thead>
        <tbody>
          {change.dimensions.map((d) => (
            <tr key={d.question.id}>
              <th scope="row">{shortLabel(t, d.question)}</th>
              <td>
                {mean(d.start?.mean)} <span className="muted">{t('feedback.results.nShort', { n: d.start?.n ?? 0 })}</span>
                {d.start && !d.start.reportable && d.start.n > 0 && <TooFew n={d.start.n} />}
              </td>
              <td>
                {mean(d.end?.mean)} <span className="muted">{t('feedback.results.nShort', { n: d.end?.n ?? 0 })}</span>
                {d.end && !d.end.reportable && d.end.n > 0 && <TooFew n={d.end.n} />}
              </td>
              <td className="fb-change-value">{d.change === null ? <span className="muted">–</span> : formatChange(d.change, language)}</td>
              <td className="fb-chart-col">
                <Dumbbell start={d.start?.mean ?? null} end={d.end?.mean ?? null} max={d.question.scaleMax ?? 10} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted fb-note">{t('feedback.selfcheck.changeNote')}</p>
    </figure>
  );
}

/** The four-dimension well-being self-check at the start and at the end, and the change. */
export function SelfCheckTab() {
  const { t } = useTranslation();
  const surveys = useFeedbackStore((s) => s.surveys.selfcheck);
  const change = useFeedbackStore((s) => s.selfCheckChange);
  const loadSelfCheckChange = useFeedbackStore((s) => s.loadSelfCheckChange);
  const [failure, setFailure] = useState('');
  const readOnly = useReadOnly();
  const progress = (surveys ?? []).map((s) => `${s.id}:${s.status}:${s.responses}`).join(',');

  useEffect(() => {
    loadSelfCheckChange().catch((error: unknown) => setFailure(feedbackError(t, error)));
  }, [progress, t, loadSelfCheckChange]);

  return (
    <div className="fb-tab">
      <section className="card" aria-labelledby="fb-change-heading">
        <h2 id="fb-change-heading">{t('feedback.selfcheck.changeTitle')}</h2>
        <p className="muted">{t('feedback.selfcheck.intro')}</p>
        {change && (change.start?.responses ?? 0) + (change.end?.responses ?? 0) > 0 ? (
          <ChangeView change={change} />
        ) : (
          <p className="empty-state">{readOnly ? t('closed.resultsDeleted') : t('feedback.selfcheck.empty')}</p>
        )}
        <FormFailure message={failure} />
      </section>
      <SurveyPanel instrument="selfcheck" phase="start" title={t('feedback.selfcheck.startTitle')} collapseResults />
      <SurveyPanel instrument="selfcheck" phase="end" title={t('feedback.selfcheck.endTitle')} collapseResults />
    </div>
  );
}
