import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agreement, Comparison, DiffLine } from '@shared/domain';
import { formatDate } from '@shared/vocabulary';
import { useAppStore } from '../../app/store';
import { errorMessage } from '../../lib/errors';
import { PickSelect } from '../../components/PickSelect';
import { FormFailure } from '../../components/FormFailure';
import { useAgreementStore } from './store';

const DRAFT = 'draft';
/** A line rewritten almost entirely comes as one removed and one added part: shown as two lines. */
const rewritten = (line: DiffLine) => line.parts?.length === 2 && line.parts[0]?.kind === 'removed' && line.parts[1]?.kind === 'added';
const pickOf = (key: string): number | null => (key === DRAFT ? null : Number(key));

/** Any two versions (or a version and the draft), section by section, with the changes highlighted. */
export function ComparePanel({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const latest = agreement.versions.at(-1);
  const previous = agreement.versions.at(-2);
  // By default: the last agreed version against the draft; if they match, the two latest versions.
  const bothVersions = latest !== undefined && previous !== undefined && !agreement.draftDiffers;
  const [fromKey, setFromKey] = useState(bothVersions ? String(previous.number) : latest ? String(latest.number) : DRAFT);
  const [to, setTo] = useState(bothVersions ? String(latest.number) : DRAFT);
  const [result, setResult] = useState<Comparison | null>(null);
  const [failure, setFailure] = useState('');
  const compare = useAgreementStore((s) => s.compare);
  const options = [
    ...agreement.versions.map((v) => ({
      id: String(v.number),
      label: t('agreement.compare.version', { number: v.number, date: formatDate(v.agreedOn, language) }),
    })),
    { id: DRAFT, label: t('agreement.compare.draft') },
  ];

  useEffect(() => {
    let live = true;
    compare({ from: pickOf(fromKey), to: pickOf(to), language }).then(
      (comparison) => {
        if (!live) return;
        setResult(comparison);
        setFailure('');
      },
      (error: unknown) => {
        if (live) setFailure(errorMessage(t, error));
      },
    );
    return () => {
      live = false;
    };
  }, [fromKey, to, language, t, agreement, compare]);

  const changedCount = result?.sections.filter((s) => s.changed).length ?? 0;
  return (
    <div className="page">
      <section className="card" aria-labelledby="compare-heading">
        <h2 id="compare-heading">{t('agreement.compare.title')}</h2>
        <p className="muted">{t('agreement.compare.description')}</p>
        <div className="compare-picks">
          <PickSelect label={t('agreement.compare.from')} options={options} value={fromKey} onChange={setFromKey} />
          <span aria-hidden="true" className="compare-arrow">
            →
          </span>
          <PickSelect label={t('agreement.compare.to')} options={options} value={to} onChange={setTo} />
        </div>
        <ul className="compare-legend" aria-label={t('agreement.compare.legend')}>
          <li>
            <ins className="diff-added">{t('agreement.compare.legendAdded')}</ins>
          </li>
          <li>
            <del className="diff-removed">{t('agreement.compare.legendRemoved')}</del>
          </li>
          <li>
            <mark className="diff-changed">{t('agreement.compare.legendChanged')}</mark>
          </li>
        </ul>
        <FormFailure message={failure} />
        {result && (
          <p role="status" className="compare-summary">
            {changedCount === 0 ? t('agreement.compare.noChanges') : t('agreement.compare.changedSections', { count: changedCount })}
          </p>
        )}
      </section>
      {result?.sections.map((section) => (
        <section
          key={section.section}
          className={`card compare-section${section.changed ? ' compare-section--changed' : ''}`}
          aria-labelledby={`compare-${section.section}`}
          data-section={section.section}
        >
          <h3 id={`compare-${section.section}`}>
            {t(`agreement.sections.${section.section}`)}
            {!section.changed && <span className="muted compare-unchanged"> · {t('agreement.compare.unchanged')}</span>}
          </h3>
          {section.lines.length === 0 ? (
            <p className="muted">{t('agreement.compare.emptySection')}</p>
          ) : section.changed ? (
            <DiffLines lines={section.lines} />
          ) : (
            <details className="compare-details">
              <summary>{t('agreement.compare.showSection')}</summary>
              <DiffLines lines={section.lines} />
            </details>
          )}
        </section>
      ))}
    </div>
  );
}

function DiffLines({ lines }: { lines: DiffLine[] }) {
  return (
    <ul className="diff-lines">
      {lines.map((line, index) => (
        <DiffRow key={index} line={line} />
      ))}
    </ul>
  );
}

function DiffRow({ line }: { line: DiffLine }) {
  const { t } = useTranslation();
  const marker = { same: '', added: '+', removed: '−', changed: '~' }[line.kind];
  return (
    <li className={`diff-line diff-line--${line.kind}`} data-kind={line.kind}>
      <span className="diff-marker" aria-hidden="true">
        {marker}
      </span>
      {line.kind !== 'same' && <span className="visually-hidden">{t(`agreement.compare.kind_${line.kind}`)}: </span>}
      {line.kind === 'added' && <ins className="diff-added">{line.text}</ins>}
      {line.kind === 'removed' && <del className="diff-removed">{line.text}</del>}
      {line.kind === 'same' && <span>{line.text}</span>}
      {line.kind === 'changed' && rewritten(line) && (
        <span className="diff-rewritten">
          <del className="diff-removed">{line.oldText}</del>
          <ins className="diff-added">{line.text}</ins>
        </span>
      )}
      {line.kind === 'changed' && !rewritten(line) && (
        <span>
          {(line.parts ?? []).map((part, i) =>
            part.kind === 'added' ? (
              <ins key={i} className="diff-added">
                {part.text}
              </ins>
            ) : part.kind === 'removed' ? (
              <del key={i} className="diff-removed">
                {part.text}
              </del>
            ) : (
              <span key={i}>{part.text}</span>
            ),
          )}
        </span>
      )}
    </li>
  );
}
