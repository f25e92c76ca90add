import { useTranslation } from 'react-i18next';
import type { DocumentBlock, SummaryDocument } from '@shared/domain';

/** Renders the summary's document model as a page: the same blocks the PDF and DOCX are made of. */
export function DocumentPreview({ document }: { document: SummaryDocument }) {
  return (
    <article className="doc-preview" lang={document.language} aria-label={document.title}>
      {document.blocks.map((block, index) => (
        <Block key={index} block={block} />
      ))}
    </article>
  );
}

function Block({ block }: { block: DocumentBlock }) {
  switch (block.type) {
    case 'title':
      return <p className="doc-title">{block.text}</p>;
    case 'subtitle':
      return <p className="doc-subtitle">{block.text}</p>;
    case 'heading':
      return block.level === 2 ? <h4 className="doc-h2">{block.text}</h4> : <h3 className="doc-h1">{block.text}</h3>;
    case 'paragraph':
      return <p className={`doc-p doc-p--${block.tone ?? 'normal'}`}>{block.text}</p>;
    case 'field':
      return (
        <p className="doc-field">
          <strong>{block.label}:</strong> {block.value}
        </p>
      );
    case 'list':
      return block.ordered ? (
        <ol className="doc-list">{block.items.map((item, i) => <li key={i}>{item}</li>)}</ol>
      ) : (
        <ul className="doc-list">{block.items.map((item, i) => <li key={i}>{item}</li>)}</ul>
      );
    case 'table':
      return (
        <table className="doc-table">
          <thead>
            <tr>
              {block.columns.map((c, i) => (
                <th key={i} scope="col">
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, c) => (
                  <td key={c}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    case 'chart':
      return <Chart block={block} />;
    case 'notice':
      return <p className="doc-notice">{block.text}</p>;
    case 'signatures':
      return null;
  }
}

const COLOURS = ['#0c6660', '#b5561b'];

/** A small line chart in SVG, with the values also given as text for screen readers. */
function Chart({ block }: { block: Extract<DocumentBlock, { type: 'chart' }> }) {
  const { t } = useTranslation();
  const width = 560;
  const height = 220;
  const pad = { left: 36, right: 16, top: 16, bottom: 32 };
  const innerW = width - pad.left - pad.right;
  const innerH = height - pad.top - pad.bottom;
  const x = (i: number) => pad.left + (block.categories.length <= 1 ? innerW / 2 : (i * innerW) / (block.categories.length - 1));
  const y = (v: number) => pad.top + innerH - ((v - block.min) / (block.max - block.min)) * innerH;
  const ticks = Array.from({ length: block.max - block.min + 1 }, (_, i) => block.min + i);
  const description = block.series
    .map((s) => `${s.label}: ${s.values.map((v, i) => `${block.categories[i]} ${v === null ? t('summary.chartNoValue') : v.toFixed(1)}`).join(', ')}`)
    .join('. ');
  return (
    <figure className="doc-chart">
      <figcaption>{block.title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${block.title}. ${description}`}>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={pad.left} x2={width - pad.right} y1={y(tick)} y2={y(tick)} stroke="#d9d6cc" strokeWidth="1" />
            <text x={pad.left - 8} y={y(tick) + 4} textAnchor="end" fontSize="12" fill="#555c63">
              {tick}
            </text>
          </g>
        ))}
        {block.categories.map((c, i) => (
          <text key={c} x={x(i)} y={height - 10} textAnchor="middle" fontSize="12" fill="#555c63">
            {c}
          </text>
        ))}
        {block.series.map((s, si) => {
          const points = s.values.map((v, i) => (v === null ? null : [x(i), y(v)] as const)).filter((p): p is readonly [number, number] => p !== null);
          return (
            <g key={s.label}>
              <polyline points={points.map((p) => p.join(',')).join(' ')} fill="none" stroke={COLOURS[si % COLOURS.length]} strokeWidth="2.5" />
              {points.map(([px, py], i) => (
                <circle key={i} cx={px} cy={py} r="4" fill={COLOURS[si % COLOURS.length]} />
              ))}
            </g>
          );
        })}
      </svg>
      <ul className="doc-legend" aria-hidden="true">
        {block.series.map((s, si) => (
          <li key={s.label}>
            <span className="doc-swatch" style={{ background: COLOURS[si % COLOURS.length] }} />
            {s.label}
          </li>
        ))}
      </ul>
    </figure>
  );
}
