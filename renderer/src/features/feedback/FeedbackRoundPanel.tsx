import { useTranslation } from 'react-i18next';
import { startsAfter } from '@shared/domain';
import { todayIso } from '../../app/i18n';
import { SurveyPanel } from './SurveyPanel';
import './feedback.css';

/**
 * The feedback round of one meeting, ready to drop into the meeting view: choose how to collect,
 * pass the device round (or record each member's answers), end the round, see the results.
 */
export function FeedbackRoundPanel({
  meetingId,
  meetingNumber,
  when,
}: {
  meetingId: number;
  meetingNumber?: number;
  /** The meeting's date or month: a round is started on its day at the earliest (main refuses it before). */
  when: { plannedDate: string | null; plannedMonth: string | null };
}) {
  const { t } = useTranslation();
  const title = meetingNumber === undefined ? t('feedback.round.title') : t('feedback.round.titleOf', { number: meetingNumber });
  const notYet = startsAfter(when, todayIso()) ? t('feedback.round.notYet') : undefined;
  return <SurveyPanel instrument="round" meetingId={meetingId} title={title} cannotStart={notYet} />;
}
