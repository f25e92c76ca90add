import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Button, Form, Label, Radio, RadioGroup } from 'react-aria-components';
import { useController, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { QuestionAdd, QuestionTextUpdate, type EditableInstrument, type Question, type Questionnaire } from '@shared/domain';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { TextInput } from '../../components/fields';
import { SaveStatus } from '../../components/SaveStatus';
import { applyFieldIssues } from '../../lib/errors';
import { useAutosavedForm, useKeptDraft } from '../../lib/useAutosave';
import { feedbackError, questionLabel } from './labels';
import { useFeedbackStore } from './store';
import { FormFailure } from '../../components/FormFailure';
import { useReadOnly } from '../../components/readOnly';

const TextOnly = QuestionTextUpdate.pick({ text: true });

function KindBadge({ question }: { question: Question }) {
  const { t } = useTranslation();
  if (question.goalKind !== null) return <span className="badge fb-badge-goal">{t('feedback.editor.goalBadge')}</span>;
  if (question.kind === 'scale') return <span className="badge">{t('feedback.editor.kindScale', { max: question.scaleMax })}</span>;
  if (question.kind === 'choice') return <span className="badge">{t('feedback.editor.kindChoice')}</span>;
  return <span className="badge">{t('feedback.editor.kindText')}</span>;
}

function EditableQuestion({ question, onRemove }: { question: Question; onRemove: () => void }) {
  const { t } = useTranslation();
  const updateQuestion = useFeedbackStore((s) => s.updateQuestion);
  const { form, state, flush } = useAutosavedForm({
    key: `question:${question.id}`,
    schema: TextOnly,
    values: { text: question.text },
    save: ({ text }) => updateQuestion(question.id, text),
  });
  const preset = question.preset !== null;
  return (
    <li className="fb-editor-row">
      <form onBlur={() => void flush()} onSubmit={(e) => e.preventDefault()} className="fb-editor-form">
        <TextInput
          control={form.control}
          name="text"
          label={preset ? t('feedback.editor.wordingOf', { question: t(`feedback.preset.${question.preset}`) }) : t('feedback.editor.wording')}
          description={preset ? t('feedback.editor.presetHelp') : undefined}
          isRequired={!preset}
        />
      </form>
      <div className="fb-editor-meta">
        <KindBadge question={question} />
        <SaveStatus state={state} />
        <Button className="button button--quiet button--danger-text" onPress={onRemove}>
          {t('feedback.editor.remove')}
        </Button>
      </div>
      {state.kind === 'failed' && (
        <p className="form-failure" role="alert">
          {feedbackError(t, state.error)}
        </p>
      )}
    </li>
  );
}

function AddQuestion({ instrument }: { instrument: EditableInstrument }) {
  const { t } = useTranslation();
  const addQuestion = useFeedbackStore((s) => s.addQuestion);
  const [failure, setFailure] = useState('');
  const form = useForm({ resolver: zodResolver(QuestionAdd), defaultValues: { instrument, kind: 'scale' as const, text: '' } });
  const added = useKeptDraft(form, `questions:${instrument}:new`);
  const kind = useController({ control: form.control, name: 'kind' });
  const submit = form.handleSubmit(async (input) => {
    setFailure('');
    try {
      await addQuestion(input);
      form.reset({ instrument, kind: input.kind, text: '' });
      added();
    } catch (error) {
      if (!applyFieldIssues(error, form.setError)) setFailure(feedbackError(t, error));
    }
  });
  return (
    <Form className="fb-editor-add" aria-label={t('feedback.editor.addTitle')} validationBehavior="aria" onSubmit={(e) => void submit(e)}>
      <h4>{t('feedback.editor.addTitle')}</h4>
      <RadioGroup className="radio-group" orientation="horizontal" value={kind.field.value} onChange={(v) => kind.field.onChange(v)}>
        <Label className="field-label">{t('feedback.editor.kind')}</Label>
        <Radio value="scale" className="radio">
          {t('feedback.editor.kindScale', { max: 5 })}
        </Radio>
        <Radio value="text" className="radio">
          {t('feedback.editor.kindText')}
        </Radio>
      </RadioGroup>
      <div className="form-row fb-editor-add-row">
        <TextInput control={form.control} name="text" label={t('feedback.editor.wording')} isRequired />
        <Button type="submit" className="button button--secondary fb-editor-add-button">
          {t('feedback.editor.add')}
        </Button>
      </div>
      <FormFailure message={failure} />
    </Form>
  );
}

/** The questions of an instrument: editable until the first answer, then shown as they were answered. */
export function QuestionEditor({ questionnaire }: { questionnaire: Questionnaire }) {
  const { t } = useTranslation();
  const { removeQuestion, resetQuestions } = useFeedbackStore.getState();
  const [open, setOpen] = useState(false);
  const [confirm, setConfirm] = useState<{ kind: 'remove'; question: Question } | { kind: 'reset' } | null>(null);
  const [failure, setFailure] = useState('');
  const instrument = questionnaire.instrument === 'selfcheck' ? null : questionnaire.instrument;
  // Closing deleted the answers, but the questions stay as they were answered.
  const readOnly = useReadOnly();
  const editable = instrument !== null && !questionnaire.locked && !readOnly;

  const act = async (action: () => Promise<void>) => {
    setFailure('');
    try {
      await action();
    } catch (error) {
      setFailure(feedbackError(t, error));
    }
  };

  return (
    <section className="card fb-editor" aria-labelledby={`fb-editor-${questionnaire.instrument}`}>
      <header className="card-header">
        <div>
          <h2 id={`fb-editor-${questionnaire.instrument}`}>{t('feedback.editor.title')}</h2>
          <p className="muted">
            {readOnly
              ? t('closed.questions')
              : questionnaire.locked
                ? t('feedback.editor.locked')
                : instrument
                  ? t('feedback.editor.help')
                  : t('feedback.editor.fixed')}
          </p>
        </div>
        <Button className="button button--secondary" aria-expanded={open} onPress={() => setOpen((o) => !o)}>
          {open ? t('feedback.editor.hide') : editable ? t('feedback.editor.show') : t('feedback.editor.view')}
        </Button>
      </header>
      {open && (
        <>
          <ol className="fb-editor-list">
            {questionnaire.questions.map((question) =>
              editable && question.goalKind === null ? (
                <EditableQuestion key={question.id} question={question} onRemove={() => setConfirm({ kind: 'remove', question })} />
              ) : (
                <li key={question.id} className="fb-editor-row fb-editor-row--fixed">
                  <span>{questionLabel(t, question)}</span>
                  <KindBadge question={question} />
                </li>
              ),
            )}
          </ol>
          {questionnaire.instrument === 'evaluation' && <p className="muted">{t('feedback.editor.goalHelp')}</p>}
          {editable && instrument && (
            <>
              <AddQuestion instrument={instrument} />
              <div className="actions">
                <Button className="button button--quiet" onPress={() => setConfirm({ kind: 'reset' })}>
                  {t('feedback.editor.reset')}
                </Button>
              </div>
            </>
          )}
          <FormFailure message={failure} />
        </>
      )}
      <ConfirmDialog
        isOpen={confirm !== null}
        title={confirm?.kind === 'reset' ? t('feedback.editor.resetTitle') : t('feedback.editor.removeTitle')}
        confirmLabel={confirm?.kind === 'reset' ? t('feedback.editor.reset') : t('feedback.editor.remove')}
        onCancel={() => setConfirm(null)}
        onConfirm={() => {
          const current = confirm;
          setConfirm(null);
          if (current?.kind === 'reset' && instrument) void act(() => resetQuestions(instrument));
          if (current?.kind === 'remove') void act(() => removeQuestion(current.question.id));
        }}
      >
        <p>{confirm?.kind === 'reset' ? t('feedback.editor.resetBody') : confirm ? questionLabel(t, confirm.question) : ''}</p>
      </ConfirmDialog>
    </section>
  );
}
