import { useEffect, useState } from 'react';
import { Button, Label, Radio, RadioGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Instrument, Phase } from '@shared/domain';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { feedbackError } from './labels';
import { NamedRecorder } from './NamedRecorder';
import { PassTheDevice } from './PassTheDevice';
import { ResultsView } from './ResultsView';
import { useFeedbackStore } from './store';
import { FormFailure } from '../../components/FormFailure';

interface SurveyPanelProps {
  instrument: Instrument;
  meetingId?: number | null;
  phase?: Phase | null;
  /** What respondents see at the top of their screen, e.g. "Feedback on meeting 3". */
  title: string;
  headingLevel?: 2 | 3;
  /** Results behind a button (the self-check shows its change above instead). */
  collapseResults?: boolean;
  /** Why a session cannot be started yet (e.g. the meeting is still ahead), shown instead of the start. */
  cannotStart?: string;
}

/**
 * One collection session from start to results: choose how to collect, collect (pass the device
 * round, or record each member's answers), end it deliberately, and see the results.
 */
export function SurveyPanel({
  instrument,
  meetingId = null,
  phase = null,
  title,
  headingLevel = 2,
  collapseResults = false,
  cannotStart,
}: SurveyPanelProps) {
  const { t } = useTranslation();
  const surveys = useFeedbackStore((s) => s.surveys[instrument]);
  const questionnaire = useFeedbackStore((s) => s.questionnaires[instrument]);
  const { loadSurveys, loadQuestions, start: startSurvey, end, reopen, discard } = useFeedbackStore.getState();
  const [mode, setMode] = useState<'anonymous' | 'named'>('anonymous');
  const [deviceOpen, setDeviceOpen] = useState(false);
  const [confirm, setConfirm] = useState<'end' | 'discard' | null>(null);
  const [failure, setFailure] = useState('');
  const [showResults, setShowResults] = useState(!collapseResults);
  const survey = surveys?.find((s) => s.meetingId === meetingId && s.phase === phase) ?? null;
  const Heading = `h${headingLevel}` as const;

  useEffect(() => {
    void loadSurveys(instrument);
    void loadQuestions(instrument);
  }, [instrument, loadSurveys, loadQuestions]);

  const run = async (action: () => Promise<void>) => {
    setFailure('');
    try {
      await action();
    } catch (error) {
      setFailure(feedbackError(t, error));
    }
  };

  const start = () =>
    run(async () => {
      const started = await startSurvey({ instrument, meetingId, phase, anonymous: mode === 'anonymous' });
      if (started.anonymous) setDeviceOpen(true);
    });

  const questions = questionnaire?.questions ?? [];

  return (
    <section className="card fb-panel" aria-label={title}>
      <header className="card-header">
        <div>
          <Heading>{title}</Heading>
          {survey && (
            <p className="muted">
              {survey.anonymous ? t('feedback.mode.anonymous') : t('feedback.mode.named')} ·{' '}
              {survey.status === 'open' ? t('feedback.status.open') : t('feedback.status.closed')}
            </p>
          )}
        </div>
        {survey && <span className="count-pill">{t('feedback.answers', { count: survey.responses })}</span>}
      </header>

      {surveys && !survey && cannotStart && <p className="muted">{cannotStart}</p>}

      {surveys && !survey && !cannotStart && (
        <div className="fb-start">
          <RadioGroup className="radio-group" value={mode} onChange={(v) => setMode(v as 'anonymous' | 'named')}>
            <Label className="field-label">{t('feedback.mode.label')}</Label>
            <Radio value="anonymous" className="radio fb-mode">
              <span>
                <strong>{t('feedback.mode.anonymous')}</strong>
                <span className="fb-mode-help">{t('feedback.mode.anonymousHelp')}</span>
              </span>
            </Radio>
            <Radio value="named" className="radio fb-mode">
              <span>
                <strong>{t('feedback.mode.named')}</strong>
                <span className="fb-mode-help">{t('feedback.mode.namedHelp')}</span>
              </span>
            </Radio>
          </RadioGroup>
          <div className="actions">
            <Button className="button button--primary" onPress={() => void start()}>
              {t('feedback.start')}
            </Button>
          </div>
        </div>
      )}

      {survey?.status === 'open' && survey.anonymous && (
        <div className="fb-open">
          <p>{t('feedback.device.intro')}</p>
          <div className="fb-open-actions">
            <Button className="button button--primary" onPress={() => setDeviceOpen(true)}>
              {t('feedback.device.open')}
            </Button>
          </div>
        </div>
      )}

      {survey?.status === 'open' && !survey.anonymous && <NamedRecorder survey={survey} questions={questions} />}

      {survey?.status === 'open' && (
        <div className="fb-facilitator-actions">
          {survey.responses === 0 && (
            <Button className="button button--quiet" onPress={() => setConfirm('discard')}>
              {t('feedback.discard')}
            </Button>
          )}
          <Button className="button button--secondary" onPress={() => setConfirm('end')}>
            {t('feedback.end')}
          </Button>
        </div>
      )}

      {survey?.status === 'closed' && (
        <>
          {showResults && <ResultsView key={`${survey.id}-${survey.responses}`} surveyId={survey.id} />}
          <div className="fb-facilitator-actions">
            {collapseResults && (
              <Button className="button button--secondary" aria-expanded={showResults} onPress={() => setShowResults((v) => !v)}>
                {showResults ? t('feedback.results.hide') : t('feedback.results.show')}
              </Button>
            )}
            <Button className="button button--quiet" onPress={() => void run(() => reopen(survey.id))}>
              {t('feedback.reopen')}
            </Button>
          </div>
        </>
      )}

      <FormFailure message={failure} />

      {deviceOpen && survey && survey.status === 'open' && (
        <PassTheDevice survey={survey} questions={questions} title={title} onClose={() => setDeviceOpen(false)} />
      )}

      {survey && (
        <ConfirmDialog
          isOpen={confirm !== null}
          title={confirm === 'discard' ? t('feedback.discardTitle') : t('feedback.endTitle')}
          confirmLabel={confirm === 'discard' ? t('feedback.discard') : t('feedback.end')}
          onCancel={() => setConfirm(null)}
          onConfirm={() => {
            const action = confirm;
            setConfirm(null);
            void run(() => (action === 'discard' ? discard(instrument, survey.id) : end(survey.id)));
          }}
        >
          <p>{confirm === 'discard' ? t('feedback.discardBody') : t('feedback.endBody', { count: survey.responses })}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
