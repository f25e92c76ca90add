import { useTranslation } from 'react-i18next';
import { SurveyPanel } from './SurveyPanel';
import './feedback.css';

/**
 * The feedback round of one meeting, ready to drop into the meeting view: choose how to collect,
 * pass the device round (or record each member's answers), end the round, see the results.
 */
export function FeedbackRoundPanel({ meetingId, meetingNumber }: { meetingId: number; meetingNumber?: number }) {
  const { t } = useTranslation();
  const title = meetingNumber === undefined ? t('feedback.round.title') : t('feedback.round.titleOf', { number: meetingNumber });
  return <SurveyPanel instrument="round" meetingId={meetingId} title={title} />;
}
