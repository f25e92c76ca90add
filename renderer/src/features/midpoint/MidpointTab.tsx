import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useId, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { MidpointVersion, type MidpointState } from '@shared/domain';
import { formatDate, formatWhen, todayIso } from '@shared/vocabulary';
import { useAppStore } from '../../app/store';
import { DateInputField, TextInput } from '../../components/fields';
import { FormFailure } from '../../components/FormFailure';
import { useReadOnly } from '../../components/readOnly';
import { applyFieldIssues, errorMessage, toApiError } from '../../lib/errors';
import { QuestionEditor } from '../feedback/QuestionEditor';
import { useFeedbackStore } from '../feedback/store';
import { SurveyPanel } from '../feedback/SurveyPanel';
import { useMidpointStore } from './store';

/**
 * The mid-point check (väliarviointi): where it is planned (the meeting nearest the programme's
 * midpoint unless the facilitator chooses another), the short group check itself, and its outcome
 * made into the agreement's next agreed version.
 */
export function MidpointTab() {
  const { t } = useTranslation();
  const { state, load } = useMidpointStore();
  const questionnaire = useFeedbackStore((s) => s.questionnaires.midpoint);
  // The check's survey starts and ends in the feedback store: the plan follows its status.
  const status = useFeedbackStore((s) => s.surveys.midpoint?.map((survey) => survey.status).join() ?? '');
  const [failure, setFailure] = useState('');

  useEffect(() => {
    load().catch((error: unknown) => setFailure(errorMessage(t, error)));
  }, [load, status, t]);

  if (!state) return <FormFailure message={failure} />;
  return (
    <div className="fb-tab">
      <p className="muted">{t('midpoint.intro')}</p>
      <PlanCard state={state} />
      <SurveyPanel
        instrument="midpoint"
        meetingId={state.meetingId}
        title={t('midpoint.surveyTitle')}
        cannotStart={state.meetingId === null ? t('midpoint.noMeeting') : undefined}
      />
      {questionnaire && !state.started && <QuestionEditor questionnaire={questionnaire} />}
      <OutcomeCard state={state} />
    </div>
  );
}

function PlanCard({ state }: { state: MidpointState }) {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const { meetings, plan } = useMidpointStore();
  const [failure, setFailure] = useState('');
  const selectId = useId();
  const readOnly = useReadOnly();
  const automatic = meetings.find((m) => m.id === state.automaticMeetingId);
  const planned = meetings.find((m) => m.id === state.meetingId);

  const choose = async (value: string) => {
    setFailure('');
    try {
      await plan(value === '' ? null : Number(value));
    } catch (error) {
      setFailure(errorMessage(t, error));
    }
  };

  return (
    <section className="card" aria-labelledby="midpoint-plan-heading">
      <h2 id="midpoint-plan-heading">{t('midpoint.planTitle')}</h2>
      <p>{t('midpoint.midpointDate', { date: formatDate(state.midpointDate, language) })}</p>
      <p role="status">
        {planned
          ? t(state.chosenMeetingId === null ? 'midpoint.plannedAutomatic' : 'midpoint.plannedChosen', {
              number: planned.number,
              when: formatWhen(planned, language),
            })
          : t('midpoint.noMeeting')}
      </p>
      {state.started ? (
        <p className="muted">{t('midpoint.locked')}</p>
      ) : readOnly ? null : (
        <div className="field">
          <label className="field-label" htmlFor={selectId}>
            {t('midpoint.chooseMeeting')}
          </label>
          <select id={selectId} className="input" value={state.chosenMeetingId ?? ''} onChange={(event) => void choose(event.target.value)}>
            <option value="">{automatic ? t('midpoint.automatic', { number: automatic.number }) : t('midpoint.automaticNone')}</option>
            {meetings
              .filter((m) => m.status !== 'cancelled')
              .map((m) => (
                <option key={m.id} value={m.id}>
                  {t('midpoint.meetingOption', { number: m.number, when: formatWhen(m, language) })}
                </option>
              ))}
          </select>
        </div>
      )}
      <FormFailure message={failure} />
    </section>
  );
}

function OutcomeCard({ state }: { state: MidpointState }) {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const readOnly = useReadOnly();
  return (
    <section className="card" aria-labelledby="midpoint-outcome-heading">
      <h2 id="midpoint-outcome-heading">{t('midpoint.outcomeTitle')}</h2>
      {state.version ? (
        <p role="status">{t('midpoint.versionMade', { number: state.version.number, date: formatDate(state.version.agreedOn, language) })}</p>
      ) : state.ended && !readOnly ? (
        <VersionForm />
      ) : (
        <p className="muted">{t('midpoint.outcomeLater')}</p>
      )}
    </section>
  );
}

/** The group agreed what to change: the edited draft becomes the next agreed version. */
function VersionForm() {
  const { t } = useTranslation();
  const agreeVersion = useMidpointStore((s) => s.agreeVersion);
  const [failure, setFailure] = useState('');
  const form = useForm({ resolver: zodResolver(MidpointVersion), defaultValues: { agreedOn: todayIso(), note: t('midpoint.defaultNote') } });
  const submit = form.handleSubmit(async (values) => {
    setFailure('');
    try {
      await agreeVersion(values);
    } catch (error) {
      // A refusal about the draft itself (unchanged, check not ended) has no field here: say it in words.
      const onFields = toApiError(error).issues.every((issue) => issue.path === 'agreedOn' || issue.path === 'note');
      if (!onFields || !applyFieldIssues(error, form.setError)) setFailure(errorMessage(t, error));
    }
  });
  return (
    <Form
      aria-label={t('midpoint.outcomeTitle')}
      validationBehavior="aria"
      onSubmit={(event) => {
        if (form.formState.isSubmitting) event.preventDefault();
        else void submit(event);
      }}
    >
      <p className="muted">{t('midpoint.outcomeHelp')}</p>
      <div className="form-row">
        <DateInputField control={form.control} name="agreedOn" label={t('midpoint.agreedOn')} isRequired />
        <TextInput control={form.control} name="note" label={t('midpoint.note')} />
      </div>
      <div className="actions actions--start">
        <Button type="submit" className="button button--primary">
          {t('midpoint.makeVersion')}
        </Button>
      </div>
      <FormFailure message={failure} />
    </Form>
  );
}
