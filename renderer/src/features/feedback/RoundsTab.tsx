import { useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { PlannedMeeting } from '@shared/domain';
import { formatDate } from '../../app/i18n';
import { FeedbackRoundPanel } from './FeedbackRoundPanel';
import { feedbackError, useLanguage } from './labels';
import { QuestionEditor } from './QuestionEditor';
import { useFeedbackStore } from './store';
import { TrendChart } from './TrendChart';
import { FormFailure } from '../../components/FormFailure';

/** Every meeting's feedback round, the chart over the programme, and the round's questions. */
export function RoundsTab() {
  const { t } = useTranslation();
  const language = useLanguage();
  const surveys = useFeedbackStore((s) => s.surveys.round);
  const questionnaire = useFeedbackStore((s) => s.questionnaires.round);
  const meetings = useFeedbackStore((s) => s.meetings);
  const trend = useFeedbackStore((s) => s.trend);
  const { loadSurveys, loadQuestions, loadMeetings, loadTrend } = useFeedbackStore.getState();
  const [selected, setSelected] = useState<number | null>(null);
  const [failure, setFailure] = useState('');
  const progress = (surveys ?? []).map((s) => `${s.id}:${s.status}:${s.responses}`).join(',');

  useEffect(() => {
    void loadSurveys('round');
    void loadQuestions('round');
    loadMeetings().catch((error: unknown) => setFailure(feedbackError(t, error)));
  }, [loadSurveys, loadQuestions, loadMeetings, t]);

  useEffect(() => {
    loadTrend().catch((error: unknown) => setFailure(feedbackError(t, error)));
  }, [progress, t, loadTrend]);

  const meeting = meetings?.find((m) => m.id === selected);
  if (meeting) {
    return (
      <div className="fb-tab">
        <div>
          <Button className="button button--quiet" onPress={() => setSelected(null)}>
            ← {t('feedback.round.back')}
          </Button>
        </div>
        <FeedbackRoundPanel meetingId={meeting.id} meetingNumber={meeting.number} when={meeting} />
      </div>
    );
  }

  const when = (m: PlannedMeeting) => (m.plannedDate ? formatDate(m.plannedDate, language) : (m.plannedMonth ?? t('feedback.round.noDate')));
  const withAnswers = trend?.meetings.filter((m) => m.values.some((v) => v.aggregate.n > 0)) ?? [];

  return (
    <div className="fb-tab">
      <section className="card" aria-labelledby="fb-trend-heading">
        <h2 id="fb-trend-heading">{t('feedback.trend.title')}</h2>
        {trend && withAnswers.length > 0 ? (
          <TrendChart trend={{ ...trend, meetings: withAnswers }} />
        ) : (
          <p className="empty-state">{t('feedback.trend.empty')}</p>
        )}
      </section>

      <section className="card" aria-labelledby="fb-meetings-heading">
        <h2 id="fb-meetings-heading">{t('feedback.round.meetings')}</h2>
        {meetings && meetings.length === 0 && <p className="empty-state">{t('feedback.round.noMeetings')}</p>}
        <ul className="fb-meeting-list">
          {meetings?.map((m) => {
            const survey = surveys?.find((s) => s.meetingId === m.id);
            const state = !survey
              ? t('feedback.round.notStarted')
              : survey.status === 'open'
                ? t('feedback.round.inProgress', { count: survey.responses })
                : t('feedback.round.ended', { count: survey.responses });
            return (
              <li key={m.id} className="fb-meeting-row">
                <span className="fb-meeting-number">{m.number}</span>
                <span className="fb-meeting-info">
                  <span className="fb-meeting-when">{when(m)}</span>
                  {m.plannedTheme && <span className="muted"> · {m.plannedTheme}</span>}
                  {m.status === 'cancelled' && <span className="badge"> {t('feedback.round.cancelled')}</span>}
                </span>
                <span className="fb-meeting-state">{state}</span>
                <Button
                  className="button button--secondary"
                  aria-label={t(survey ? 'feedback.round.openRound' : 'feedback.round.startRound', { number: m.number })}
                  onPress={() => setSelected(m.id)}
                >
                  {survey ? t('feedback.round.open') : t('feedback.round.start')}
                </Button>
              </li>
            );
          })}
        </ul>
        <FormFailure message={failure} />
      </section>

      {questionnaire && <QuestionEditor questionnaire={questionnaire} />}
    </div>
  );
}
