import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Button, FieldError, Form, Label, Radio, RadioGroup, Text } from 'react-aria-components';
import { useController, useForm, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { AnswerInput, type Question } from '@shared/domain';
import { applyFieldIssues } from '../../lib/errors';
import { useKeptDraft } from '../../lib/useAutosave';
import { feedbackError, optionLabel, questionLabel } from './labels';
import { TextAreaField } from './TextAreaField';
import { FormFailure } from '../../components/FormFailure';

const AnswersForm = z.object({ answers: z.array(AnswerInput) });
type AnswersForm = z.infer<typeof AnswersForm>;

const blank = (question: Question): AnswerInput => ({ questionId: question.id, score: null, choice: null, text: '' });

function useMessage(key: string | undefined): string {
  const { t } = useTranslation();
  return key ? t(`validation.${key}`, { defaultValue: t('validation.invalidText') }) : '';
}

function ScaleQuestion({ control, index, question }: { control: Control<AnswersForm>; index: number; question: Question }) {
  const { t } = useTranslation();
  const {
    field: { value, onChange },
    fieldState: { invalid, error },
  } = useController({ control, name: `answers.${index}.score` });
  const message = useMessage(error?.message);
  const max = question.scaleMax ?? 5;
  return (
    <RadioGroup
      className="fb-question fb-scale"
      orientation="horizontal"
      value={value === null ? null : String(value)}
      onChange={(next) => onChange(Number(next))}
      isInvalid={invalid}
      validationBehavior="aria"
      name={`q${question.id}`}
    >
      <Label className="fb-question-label">{questionLabel(t, question)}</Label>
      <div className="fb-scale-box">
        <Text slot="description" className="fb-scale-ends">
          <span>{t('feedback.answer.scaleLow')}</span>
          <span>{t('feedback.answer.scaleHigh', { max })}</span>
        </Text>
        <div className={`fb-scale-options fb-scale-options--${max}`}>
          {Array.from({ length: max }, (_, i) => String(i + 1)).map((value) => (
            <Radio key={value} value={value} className="fb-scale-option">
              {value}
            </Radio>
          ))}
        </div>
      </div>
      <FieldError className="field-error">{message}</FieldError>
    </RadioGroup>
  );
}

function ChoiceQuestion({ control, index, question }: { control: Control<AnswersForm>; index: number; question: Question }) {
  const { t } = useTranslation();
  const {
    field: { value, onChange },
    fieldState: { invalid, error },
  } = useController({ control, name: `answers.${index}.choice` });
  const message = useMessage(error?.message);
  return (
    <RadioGroup
      className="fb-question radio-group"
      value={value}
      onChange={onChange}
      isInvalid={invalid}
      validationBehavior="aria"
      name={`q${question.id}`}
    >
      <Label className="fb-question-label">{questionLabel(t, question)}</Label>
      {(question.options ?? []).map((option) => (
        <Radio key={option} value={option} className="radio">
          {optionLabel(t, option)}
        </Radio>
      ))}
      <FieldError className="field-error">{message}</FieldError>
    </RadioGroup>
  );
}

function OpenQuestion({ control, index, question }: { control: Control<AnswersForm>; index: number; question: Question }) {
  const { t } = useTranslation();
  return (
    <TextAreaField
      control={control}
      name={`answers.${index}.text`}
      label={questionLabel(t, question)}
      className="field fb-question"
      labelClassName="fb-question-label"
    />
  );
}

interface AnswerFormProps {
  questions: Question[];
  /** What was recorded before (named mode only); an anonymous form always starts empty. */
  initial?: AnswerInput[] | undefined;
  submitLabel: string;
  /** A line above the questions; by default, that every question may be skipped. */
  intro?: string | undefined;
  onSubmit: (answers: AnswerInput[]) => Promise<unknown>;
  onCancel?: (() => void) | undefined;
  /**
   * Keeps what was typed while the view is away (named answers only: an anonymous respondent's
   * form must never show anything of anyone else's).
   */
  draftKey?: string | undefined;
}

/**
 * One respondent's answers. Every question may be left blank; one press of the button stores
 * them all in one transaction. The form keeps no state beyond its own life: a new respondent
 * gets a new form (the parent changes its key), so nothing of the previous one can show.
 */
export function AnswerForm({ questions, initial, submitLabel, intro, onSubmit, onCancel, draftKey }: AnswerFormProps) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState('');
  const defaults = questions.map((q) => initial?.find((a) => a.questionId === q.id) ?? blank(q));
  const form = useForm<AnswersForm>({ resolver: zodResolver(AnswersForm), defaultValues: { answers: defaults } });
  const forget = useKeptDraft(form, draftKey ?? null);

  const submit = form.handleSubmit(async ({ answers }) => {
    setFailure('');
    try {
      await onSubmit(answers);
      forget();
    } catch (error) {
      applyFieldIssues(error, form.setError);
      setFailure(feedbackError(t, error));
    }
  });

  return (
    <Form
      className="fb-answer-form"
      autoComplete="off"
      aria-label={submitLabel}
      onSubmit={(event) => {
        if (form.formState.isSubmitting) event.preventDefault();
        else void submit(event);
      }}
    >
      <p className="muted">{intro ?? t('feedback.answer.optional')}</p>
      {questions.map((question, index) => {
        const props = { control: form.control, index, question };
        if (question.kind === 'scale') return <ScaleQuestion key={question.id} {...props} />;
        if (question.kind === 'choice') return <ChoiceQuestion key={question.id} {...props} />;
        return <OpenQuestion key={question.id} {...props} />;
      })}
      <FormFailure message={failure} />
      <div className="actions">
        {onCancel && (
          <Button
            className="button button--secondary"
            onPress={() => {
              forget();
              onCancel();
            }}
          >
            {t('common.cancel')}
          </Button>
        )}
        <Button type="submit" className="button button--primary">
          {submitLabel}
        </Button>
      </div>
    </Form>
  );
}
