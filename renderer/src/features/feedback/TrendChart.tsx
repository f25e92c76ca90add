import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Trend } from '@shared/domain';
import { formatNumber, formatWhen } from '@shared/vocabulary';
import { shortLabel, useLanguage } from './labels';

/** Distinct by colour, line style and marker shape, so no series relies on colour alone. */
export const SERIES = [
  { className: 'fb-series-0', dash: undefined, marker: 'circle' },
  { className: 'fb-series-1', dash: '7 5', marker: 'square' },
  { className: 'fb-series-2', dash: '2 4', marker: 'diamond' },
  { className: 'fb-series-3', dash: '10 3 2 3', marker: 'triangle' },
] as const;

export function Marker({ kind, x, y, hollow, className }: { kind: string; x: number; y: number; hollow: boolean; className: string }) {
  const cls = `${className} fb-marker${hollow ? ' fb-marker--hollow' : ''}`;
  if (kind === 'square') return <rect className={cls} x={x - 5} y={y - 5} width={10} height={10} />;
  if (kind === 'diamond') return <path className={cls} d={`M${x} ${y - 7}L${x + 7} ${y}L${x} ${y + 7}L${x - 7} ${y}Z`} />;
  if (kind === 'triangle') return <path className={cls} d={`M${x} ${y - 7}L${x + 7} ${y + 5}L${x - 7} ${y + 5}Z`} />;
  return <circle className={cls} cx={x} cy={y} r={6} />;
}

const WIDTH = 680;
const HEIGHT = 280;
const M = { top: 16, right: 24, bottom: 48, left: 56 };

/** Usefulness and dialogue (the rounds' scale questions) over the programme's meetings. */
export function TrendChart({ trend }: { trend: Trend }) {
  const { t } = useTranslation();
  const captionId = useId();
  const language = useLanguage();
  const max = Math.max(5, ...trend.questions.map((q) => q.scaleMax ?? 5));
  const plotW = WIDTH - M.left - M.right;
  const plotH = HEIGHT - M.top - M.bottom;
  const count = trend.meetings.length;
  const x = (i: number) => M.left + (count <= 1 ? plotW / 2 : (i / (count - 1)) * plotW);
  const y = (v: number) => M.top + plotH - ((v - 1) / (max - 1)) * plotH;
  const ticks = Array.from({ length: max }, (_, i) => i + 1);
  const when = (m: Trend['meetings'][number]) => formatWhen(m, language);

  return (
    <figure className="fb-figure">
      <svg
        className="fb-chart"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        role="img"
        aria-labelledby={captionId}
      >
        {ticks.map((tick) => (
          <g key={tick}>
            <line className="fb-grid" x1={M.left} x2={WIDTH - M.right} y1={y(tick)} y2={y(tick)} />
            <text className="fb-axis-text" x={M.left - 10} y={y(tick) + 4} textAnchor="end">
              {tick}
            </text>
          </g>
        ))}
        <text className="fb-axis-title" transform={`translate(16 ${M.top + plotH / 2}) rotate(-90)`} textAnchor="middle">
          {t('feedback.trend.yAxis', { max })}
        </text>
        {trend.meetings.map((m, i) => (
          <text key={m.meetingId} className="fb-axis-text" x={x(i)} y={HEIGHT - M.bottom + 20} textAnchor="middle">
            {m.number}
          </text>
        ))}
        <text className="fb-axis-title" x={M.left + plotW / 2} y={HEIGHT - 8} textAnchor="middle">
          {t('feedback.trend.xAxis')}
        </text>
        {trend.questions.map((q, s) => {
          const style = SERIES[s % SERIES.length]!;
          // Series sit a few pixels apart, so equal means never hide one another.
          const shift = (s - (trend.questions.length - 1) / 2) * 7;
          const points = trend.meetings.flatMap((m, i) => {
            const value = m.values.find((v) => v.questionId === q.id)?.aggregate;
            return value && value.mean !== null ? [{ i, mean: value.mean, reportable: value.reportable }] : [];
          });
          return (
            <g key={q.id}>
              {points.length > 1 && (
                <polyline
                  className={`${style.className} fb-line`}
                  points={points.map((p) => `${x(p.i) + shift},${y(p.mean)}`).join(' ')}
                  strokeDasharray={style.dash}
                />
              )}
              {points.map((p) => (
                <Marker key={p.i} kind={style.marker} x={x(p.i) + shift} y={y(p.mean)} hollow={!p.reportable} className={style.className} />
              ))}
            </g>
          );
        })}
      </svg>
      <figcaption id={captionId} className="fb-legend">
        <span className="visually-hidden">{t('feedback.trend.title')}. </span>
        {trend.questions.map((q, s) => {
          const style = SERIES[s % SERIES.length]!;
          return (
            <span key={q.id} className="fb-legend-item">
              <svg width="34" height="16" aria-hidden="true">
                <line className={`${style.className} fb-line`} x1="2" x2="32" y1="8" y2="8" strokeDasharray={style.dash} />
                <Marker kind={style.marker} x={17} y={8} hollow={false} className={style.className} />
              </svg>
              {shortLabel(t, q)}
            </span>
          );
        })}
        <span className="fb-legend-item">
          <svg width="16" height="16" aria-hidden="true">
            <circle className="fb-series-0 fb-marker fb-marker--hollow" cx="8" cy="8" r="5" />
          </svg>
          {t('feedback.trend.hollow')}
        </span>
      </figcaption>
      <table className="fb-table">
        <caption className="visually-hidden">{t('feedback.trend.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('feedback.trend.xAxis')}</th>
            {trend.questions.map((q) => (
              <th key={q.id} scope="col">
                {shortLabel(t, q)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {trend.meetings.map((m) => (
            <tr key={m.meetingId}>
              <th scope="row">
                {m.number}. <span className="muted">{when(m)}</span>
              </th>
              {trend.questions.map((q) => {
                const value = m.values.find((v) => v.questionId === q.id)?.aggregate;
                return (
                  <td key={q.id}>
                    {value?.mean === undefined || value.mean === null ? '–' : formatNumber(value.mean, language)}{' '}
                    <span className="muted">{t('feedback.results.nShort', { n: value?.n ?? 0 })}</span>
                    {value && !value.reportable && <span className="fb-too-few-dot"> {t('feedback.results.tooFewShort')}</span>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
