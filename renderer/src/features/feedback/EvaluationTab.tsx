import { useEffect, useState } from 'react';
import { Label, Radio, RadioGroup } from 'react-aria-components';
import { useController } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CONTINUATIONS, DecisionFields, isoDate } from '@shared/domain';
import { DateInputField } from '../../components/fields';
import { SaveStatus } from '../../components/SaveStatus';
import { useAutosavedForm } from '../../lib/useAutosave';
import { feedbackError } from './labels';
import { QuestionEditor } from './QuestionEditor';
import { useFeedbackStore } from './store';
import { SurveyPanel } from './SurveyPanel';
import { TextAreaField } from './TextAreaField';
import { FormFailure } from '../../components/FormFailure';
import { useReadOnly } from '../../components/readOnly';

/** The date field gives '' when cleared; the store keeps null. */
const DecisionForm = DecisionFields.extend({ decidedOn: z.union([isoDate, z.literal('')]) });
type DecisionForm = z.infer<typeof DecisionForm>;

function DecisionEditor({ decision: stored }: { decision: DecisionFields }) {
  const { t } = useTranslation();
  const saveDecision = useFeedbackStore((s) => s.saveDecision);
  const readOnly = useReadOnly();
  const { form, state, flush } = useAutosavedForm<DecisionForm>({
    key: 'evaluation:decision',
    schema: DecisionForm,
    values: { ...stored, decidedOn: stored.decidedOn ?? '' },
    save: (values) => saveDecision({ ...values, decidedOn: values.decidedOn === '' ? null : values.decidedOn }),
  });
  const {
    field: { value: decision, onChange: setDecision },
  } = useController({ control: form.control, name: 'decision' });
  return (
    <form className="fb-decision" onBlur={() => void flush()} onSubmit={(e) => e.preventDefault()}>
      <RadioGroup
        className="radio-group"
        value={decision}
        onChange={setDecision}
        isDisabled={readOnly}
      >
        <Label className="field-label">{t('feedback.decision.label')}</Label>
        {CONTINUATIONS.map((option) => (
          <Radio key={option} value={option} className="radio">
            {t(`feedback.option.${option}`)}
          </Radio>
        ))}
      </RadioGroup>
      <TextAreaField control={form.control} name="rationale" label={t('feedback.decision.rationale')} rows={4} />
      <div className="fb-decision-date">
        <DateInputField control={form.control} name="decidedOn" label={t('feedback.decision.decidedOn')} />
      </div>
      <SaveStatus state={state} />
    </form>
  );
}

/** The final evaluation of the pilot, its questions, and the group's decision on continuation. */
export function EvaluationTab() {
  const { t } = useTranslation();
  const questionnaire = useFeedbackStore((s) => s.questionnaires.evaluation);
  const decision = useFeedbackStore((s) => s.decision);
  const { loadQuestions, loadDecision } = useFeedbackStore.getState();
  const readOnly = useReadOnly();
  const [failure, setFailure] = useState('');

  useEffect(() => {
    void loadQuestions('evaluation');
    loadDecision().catch((error: unknown) => setFailure(feedbackError(t, error)));
  }, [loadQuestions, loadDecision, t]);

  return (
    <div className="fb-tab">
      <p className="muted">{t('feedback.evaluation.intro')}</p>
      <SurveyPanel instrument="evaluation" title={t('feedback.evaluation.title')} />
      {questionnaire && <QuestionEditor questionnaire={questionnaire} />}
      <section className="card" aria-labelledby="fb-decision-heading">
        <h2 id="fb-decision-heading">{t('feedback.decision.title')}</h2>
        <p className="muted">{readOnly ? t('closed.readOnlyHint') : t('feedback.decision.help')}</p>
        {decision && <DecisionEditor decision={decision} />}
        <FormFailure message={failure} />
      </section>
    </div>
  );
}
