import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { AnswerInput } from '@shared/domain';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormFailure } from '../../components/FormFailure';
import { AnswerForm } from './AnswerForm';
import { feedbackError } from './labels';
import { PinSetDialog, PinUnlock } from './PinFields';
import { useFeedbackStore, type DeviceRound } from './store';
import './feedback.css';

/**
 * The app's screen while a pass-the-device round is on. Until it is known whether a round is
 * locked, nothing is shown; a locked round found at start-up comes straight back, and the rest of
 * the app is not rendered at all until the facilitator leaves it. A round started from the app
 * keeps the app behind it, not displayed and inert (nothing in it can be seen, focused, clicked
 * or read by a screen reader), so that the facilitator comes back exactly where they were.
 */
export function DeviceGate({ loading, children }: { loading: ReactNode; children: ReactNode }) {
  const device = useFeedbackStore((s) => s.device);
  const checked = useFeedbackStore((s) => s.deviceChecked);
  const check = useFeedbackStore((s) => s.checkLockedRound);
  const [appShown, setAppShown] = useState(false);
  if (checked && !device && !appShown) setAppShown(true);
  useEffect(() => {
    check().catch(() => undefined);
  }, [check]);
  if (!checked) return loading;
  return (
    <>
      {device && <PassTheDevice key={device.survey.id} device={device} />}
      {appShown && (
        <div className="device-gate-app" hidden={device !== null} inert={device !== null}>
          {children}
        </div>
      )}
    </>
  );
}

/** A title for respondents that needs nothing the locked store would refuse (after a reload). */
function useTitle(device: DeviceRound): string {
  const { t } = useTranslation();
  const { instrument, phase } = device.survey;
  if (device.title) return device.title;
  if (instrument === 'round') return t('feedback.round.title');
  if (instrument === 'evaluation') return t('feedback.evaluation.title');
  return phase === 'end' ? t('feedback.selfcheck.endTitle') : t('feedback.selfcheck.startTitle');
}

/**
 * While the round is locked, browser back and forward stay on this screen, the browser's own keys
 * for them do nothing, and no Alt shortcut reaches the app; a reload comes back here through the
 * start-up check.
 */
function useStayWhileLocked(locked: boolean) {
  useEffect(() => {
    if (!locked) return;
    const stay = () => window.history.pushState({ passTheDevice: true }, '', window.location.href);
    const noHistoryKeys = (event: KeyboardEvent) => {
      const historyKey = (event.altKey && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) || event.key === 'BrowserBack' || event.key === 'BrowserForward';
      if (historyKey) event.preventDefault();
      // The app's own Alt shortcuts (meeting mode's, in the app kept behind) never hear a key
      // pressed here. AltGr (Ctrl+Alt) types characters, so it passes.
      if (event.altKey && !event.ctrlKey && !event.metaKey) event.stopPropagation();
    };
    stay();
    window.addEventListener('popstate', stay);
    window.addEventListener('keydown', noHistoryKeys, true);
    return () => {
      window.removeEventListener('popstate', stay);
      window.removeEventListener('keydown', noHistoryKeys, true);
    };
  }, [locked]);
}

type Step = 'handOver' | 'answering' | 'pin';

/**
 * The laptop goes round the table. Each respondent gets a brand-new, empty form: after "submit" the
 * form is gone, and the next person sees only the neutral hand-over screen. No name is asked or
 * stored, and nothing of earlier answers is shown. Leaving needs the facilitator's PIN; then the
 * facilitator goes on, ends the round, or returns to the app with the round still open.
 */
function PassTheDevice({ device }: { device: DeviceRound }) {
  const { t } = useTranslation();
  const { survey } = device;
  const title = useTitle(device);
  const questions = useFeedbackStore((s) => s.questionnaires[survey.instrument]?.questions);
  const { loadQuestions, submit: submitAnswers, unlockRound } = useFeedbackStore.getState();
  const [step, setStep] = useState<Step>('handOver');
  const [respondent, setRespondent] = useState(0);
  const [thanked, setThanked] = useState(false);
  const [failure, setFailure] = useState('');
  // The PIN that unlocked, only to lock again with it if the facilitator goes on.
  const pin = useRef('');
  useStayWhileLocked(survey.locked);

  useEffect(() => {
    loadQuestions(survey.instrument).catch((error: unknown) => setFailure(feedbackError(t, error)));
  }, [survey.instrument, loadQuestions, t]);

  const submit = async (answers: AnswerInput[]) => {
    await submitAnswers(survey.id, null, answers);
    setRespondent((n) => n + 1);
    setThanked(true);
    setStep('handOver');
  };

  const unlock = async (typed: string) => {
    const check = await unlockRound(typed);
    if (check.unlocked) {
      pin.current = typed;
      // Locked again later ("continue"), the next person starts at the hand-over.
      setStep('handOver');
      setThanked(false);
    }
    return check;
  };

  return (
    <ModalOverlay className="fb-device-overlay" isOpen isDismissable={false} isKeyboardDismissDisabled>
      <Modal className="fb-device-modal">
        <Dialog className="fb-device" aria-label={title}>
          {!survey.locked ? (
            <Facilitator device={device} title={title} pin={pin} />
          ) : step === 'pin' ? (
            <PinUnlock onUnlock={unlock} onCancel={() => setStep('handOver')} />
          ) : step === 'answering' && questions ? (
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
                  setStep('handOver');
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
              <Button className="button button--primary fb-device-start" autoFocus isDisabled={!questions} onPress={() => setStep('answering')}>
                {t('feedback.device.startAnswering')}
              </Button>
              <p className="fb-device-count" role="status">
                {t('feedback.device.saved', { count: survey.responses })}
              </p>
              <FormFailure message={failure} />
              <div className="fb-device-facilitator">
                <p className="fb-device-facilitator-title">{t('passDevice.lockedNote')}</p>
                <Button className="button button--secondary" onPress={() => setStep('pin')}>
                  {t('passDevice.forFacilitator')}
                </Button>
              </div>
            </section>
          )}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

/** After the PIN: go on passing the laptop, end the round and see the results, or return to the app. */
function Facilitator({ device, title, pin }: { device: DeviceRound; title: string; pin: { current: string } }) {
  const { t } = useTranslation();
  const { survey } = device;
  const { end: endSurvey, lockRound, leaveDevice } = useFeedbackStore.getState();
  const [confirmEnd, setConfirmEnd] = useState(false);
  const [newPin, setNewPin] = useState(false);
  const [failure, setFailure] = useState('');
  const run = async (action: () => Promise<void>) => {
    setFailure('');
    try {
      await action();
    } catch (error) {
      setFailure(feedbackError(t, error));
    }
  };
  return (
    <section className="fb-device-handover" aria-labelledby="fb-device-facilitator-title">
      <p className="fb-device-kicker">{title}</p>
      <Heading slot="title" id="fb-device-facilitator-title" className="fb-device-title">
        {t('passDevice.paused.title')}
      </Heading>
      <p className="fb-device-lead">{t('passDevice.paused.help', { count: survey.responses })}</p>
      <div className="fb-device-choices">
        <Button
          className="button button--primary"
          autoFocus
          onPress={() => (pin.current ? void run(() => lockRound(survey.id, pin.current, device.title)) : setNewPin(true))}
        >
          {t('passDevice.paused.continue')}
        </Button>
        <Button className="button button--secondary" onPress={() => setConfirmEnd(true)}>
          {t('feedback.end')}
        </Button>
        <Button className="button button--quiet" onPress={leaveDevice}>
          {t('passDevice.paused.leave')}
        </Button>
      </div>
      <FormFailure message={failure} />
      <PinSetDialog isOpen={newPin} onCancel={() => setNewPin(false)} onSet={(chosen) => lockRound(survey.id, chosen, device.title)} />
      <ConfirmDialog
        isOpen={confirmEnd}
        title={t('feedback.endTitle')}
        confirmLabel={t('feedback.end')}
        onCancel={() => setConfirmEnd(false)}
        onConfirm={() => {
          setConfirmEnd(false);
          void run(() => endSurvey(survey.id));
        }}
      >
        <p>{t('feedback.endBody', { count: survey.responses })}</p>
      </ConfirmDialog>
    </section>
  );
}
