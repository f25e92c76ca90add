import { useState } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { AnswerInput, Question, Survey } from '@shared/domain';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { AnswerForm } from './AnswerForm';
import { feedbackError } from './labels';
import { FormFailure } from '../../components/FormFailure';
import { useFeedbackStore } from './store';

interface PassTheDeviceProps {
  survey: Survey;
  questions: Question[];
  title: string;
  onClose: () => void;
}

/**
 * The laptop goes round the table. It covers the whole app (nothing else can be reached or read),
 * and each respondent gets a brand-new, empty form: after "submit" the form is gone, and the next
 * person sees only the neutral hand-over screen. No name is asked or stored. Only the facilitator
 * ends the round, through a confirmation.
 */
export function PassTheDevice({ survey, questions, title, onClose }: PassTheDeviceProps) {
  const { t } = useTranslation();
  const { submit: submitAnswers, end: endSurvey } = useFeedbackStore.getState();
  const [answering, setAnswering] = useState(false);
  const [respondent, setRespondent] = useState(0);
  const [thanked, setThanked] = useState(false);
  const [confirmEnd, setConfirmEnd] = useState(false);
  const [failure, setFailure] = useState('');

  const submit = async (answers: AnswerInput[]) => {
    await submitAnswers(survey.id, null, answers);
    setRespondent((n) => n + 1);
    setThanked(true);
    setAnswering(false);
  };

  const end = async () => {
    setConfirmEnd(false);
    setFailure('');
    try {
      await endSurvey(survey.id);
      onClose();
    } catch (error) {
      setFailure(feedbackError(t, error));
    }
  };

  return (
    <ModalOverlay className="fb-device-overlay" isOpen isDismissable={false} isKeyboardDismissDisabled>
      <Modal className="fb-device-modal">
        <Dialog className="fb-device" aria-label={title}>
          {answering ? (
            <section className="fb-device-answer" aria-labelledby="fb-device-answer-title">
              <Heading slot="title" id="fb-device-answer-title" className="fb-device-title">
                {title}
              </Heading>
              <AnswerForm
                intro={t('feedback.device.anonymousNote')}
                key={respondent}
                questions={questions}
                submitLabel={t('feedback.device.submit')}
                onSubmit={submit}
                onCancel={() => {
                  setAnswering(false);
                  setThanked(false);
                  setRespondent((n) => n + 1);
                }}
              />
            </section>
          ) : (
            <section className="fb-device-handover" aria-labelledby="fb-device-handover-title">
              <p className="fb-device-kicker">{title}</p>
              <Heading slot="title" id="fb-device-handover-title" className="fb-device-title">
                {thanked ? t('feedback.device.thanks') : t('feedback.device.handOver')}
              </Heading>
              <p className="fb-device-lead">{t('feedback.device.handOverHelp')}</p>
              <Button className="button button--primary fb-device-start" autoFocus onPress={() => setAnswering(true)}>
                {t('feedback.device.startAnswering')}
              </Button>
              <p className="fb-device-count" role="status">
                {t('feedback.device.saved', { count: survey.responses })}
              </p>
              <FormFailure message={failure} />
              <div className="fb-device-facilitator">
                <p className="fb-device-facilitator-title">{t('feedback.device.forFacilitator')}</p>
                <Button className="button button--secondary" onPress={onClose}>
                  {t('feedback.device.pause')}
                </Button>
                <Button className="button button--danger" onPress={() => setConfirmEnd(true)}>
                  {t('feedback.end')}
                </Button>
              </div>
            </section>
          )}
          <ConfirmDialog
            isOpen={confirmEnd}
            title={t('feedback.endTitle')}
            confirmLabel={t('feedback.end')}
            onCancel={() => setConfirmEnd(false)}
            onConfirm={() => void end()}
          >
            <p>{t('feedback.endBody', { count: survey.responses })}</p>
          </ConfirmDialog>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
