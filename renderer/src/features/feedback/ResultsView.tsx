import { useEffect, useState } from 'react';
import { Button, Dialog, Heading, Label, Modal, ModalOverlay, TextArea, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { MAX_ANSWER_LENGTH, MIN_ANSWERS_TO_REPORT, type QuestionResult, type TextAnswer } from '@shared/domain';
import { formatNumber } from '@shared/vocabulary';
import { feedbackError, optionLabel, questionLabel, useLanguage } from './labels';
import { FormFailure } from '../../components/FormFailure';
import { useReadOnly } from '../../components/readOnly';
import { useFeedbackStore } from './store';

/** The "too few answers" mark: shown to the facilitator; such a result never reaches an export. */
export function TooFew({ n }: { n: number }) {
  const { t } = useTranslation();
  return (
    <span className="fb-too-few" title={t('feedback.results.tooFewHelp', { min: MIN_ANSWERS_TO_REPORT })}>
      {t('feedback.results.tooFew', { n })}
    </span>
  );
}

/**
 * Horizontal bars, one per value, with the counts written out (the picture is never the only source).
 * Laid out by the browser, not in a fixed-width SVG, so a long label ("Jatketaan säännöllisin
 * tapaamisin") wraps inside its card instead of running out of it.
 */
export function Bars({ rows, label }: { rows: { label: string; count: number }[]; label: string }) {
  const max = Math.max(1, ...rows.map((r) => r.count));
  const description = rows.map((r) => `${r.label}: ${r.count}`).join(', ');
  return (
    <div className="fb-bars" role="img" aria-label={`${label}: ${description}`}>
      {rows.map((row) => (
        <div key={row.label} className="fb-bars-row">
          <span className="fb-bars-label">{row.label}</span>
          <span className="fb-bars-track">
            <span className="fb-bars-bar" style={{ width: `${(row.count / max) * 100}%` }} />
          </span>
          <span className="fb-bars-count">{row.count}</span>
        </div>
      ))}
    </div>
  );
}

function ShareDialog({ answer, onClose }: { answer: TextAnswer; onClose: () => void }) {
  const { t } = useTranslation();
  const share = useFeedbackStore((s) => s.share);
  const [text, setText] = useState(answer.sharedText ?? answer.text);
  const [failure, setFailure] = useState('');
  const save = async (sharedText: string | null) => {
    setFailure('');
    try {
      await share({ responseId: answer.responseId, questionId: answer.questionId, sharedText });
      onClose();
    } catch (error) {
      setFailure(feedbackError(t, error));
    }
  };
  return (
    <ModalOverlay className="modal-overlay" isOpen isDismissable onOpenChange={(open) => !open && onClose()}>
      <Modal className="modal fb-share-modal">
        <Dialog className="dialog">
          <Heading slot="title" className="dialog-title">
            {t('feedback.share.title')}
          </Heading>
          <p>{t('feedback.share.help')}</p>
          <blockquote className="fb-original">{answer.text}</blockquote>
          <TextField className="field" value={text} onChange={setText} maxLength={MAX_ANSWER_LENGTH} autoFocus>
            <Label className="field-label">{t('feedback.share.wording')}</Label>
            <TextArea className="input fb-textarea" rows={4} />
          </TextField>
          <FormFailure message={failure} />
          <div className="dialog-actions">
            <Button className="button button--secondary" onPress={onClose}>
              {t('common.cancel')}
            </Button>
            {answer.sharedText !== null && (
              <Button className="button button--secondary" onPress={() => void save(null)}>
                {t('feedback.share.unshare')}
              </Button>
            )}
            <Button className="button button--primary" onPress={() => void save(text.trim() === '' ? null : text)}>
              {t('feedback.share.confirm')}
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

function Comments({ result }: { result: QuestionResult }) {
  const { t } = useTranslation();
  const [sharing, setSharing] = useState<TextAnswer | null>(null);
  const readOnly = useReadOnly();
  if (result.texts.length === 0) return <p className="muted">{t('feedback.results.noComments')}</p>;
  return (
    <>
      <ul className="fb-comments">
        {result.texts.map((answer) => (
          <li key={`${answer.responseId}-${answer.questionId}`} className={`fb-comment${answer.sharedText !== null ? ' fb-comment--shared' : ''}`}>
            <p className="fb-comment-text">{answer.text}</p>
            {answer.sharedText !== null && (
              <p className="fb-comment-shared">
                <span className="fb-shared-badge">{t('feedback.share.badge')}</span> <span>{answer.sharedText}</span>
              </p>
            )}
            {!readOnly && <Button className="button button--quiet" onPress={() => setSharing(answer)} aria-label={`${answer.sharedText === null ? t('feedback.share.mark') : t('feedback.share.change')}: ${answer.text}`}>
              {answer.sharedText === null ? t('feedback.share.mark') : t('feedback.share.change')}
            </Button>}
          </li>
        ))}
      </ul>
      {sharing && <ShareDialog answer={sharing} onClose={() => setSharing(null)} />}
    </>
  );
}

function ResultCard({ result }: { result: QuestionResult }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const label = questionLabel(t, result.question);
  return (
    <li className="fb-result">
      <div className="fb-result-head">
        <h4 className="fb-result-title">{label}</h4>
        <span className="count-pill">{t('feedback.results.n', { n: result.n })}</span>
        {!result.reportable && <TooFew n={result.n} />}
      </div>
      {result.scale && (
        <div className="fb-result-body">
          <p className="fb-mean">
            {result.scale.mean === null ? (
              <span className="muted">{t('feedback.results.noAnswers')}</span>
            ) : (
              <>
                <span className="fb-mean-value">{formatNumber(result.scale.mean, language)}</span>
                <span className="fb-mean-of"> / {result.question.scaleMax}</span>
                <span className="visually-hidden"> {t('feedback.results.mean')}</span>
              </>
            )}
          </p>
          <Bars label={t('feedback.results.distribution')} rows={result.scale.distribution.map((count, i) => ({ label: String(i + 1), count }))} />
        </div>
      )}
      {result.choice && (
        <Bars label={t('feedback.results.distribution')} rows={result.choice.counts.map((c) => ({ label: optionLabel(t, c.option), count: c.count }))} />
      )}
      {result.question.kind === 'text' && <Comments result={result} />}
    </li>
  );
}

/** The facilitator's results of one session: every aggregate with its n, marked when too few to report. */
export function ResultsView({ surveyId }: { surveyId: number }) {
  const { t } = useTranslation();
  const results = useFeedbackStore((s) => s.results[surveyId]);
  const loadResults = useFeedbackStore((s) => s.loadResults);
  const [failure, setFailure] = useState('');

  useEffect(() => {
    loadResults(surveyId).catch((error: unknown) => setFailure(feedbackError(t, error)));
  }, [surveyId, t, loadResults]);

  if (failure) return <p className="form-failure" role="alert">{failure}</p>;
  if (!results) return null;
  return (
    <section className="fb-results" aria-label={t('feedback.results.title')}>
      <p className="muted">{t('feedback.results.intro', { count: results.survey.responses, min: MIN_ANSWERS_TO_REPORT })}</p>
      <ul className="fb-result-list">
        {results.questions.map((result) => (
          <ResultCard key={result.question.id} result={result} />
        ))}
      </ul>
    </section>
  );
}
