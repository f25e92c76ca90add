import { useCallback, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { Button, Tab, TabList, TabPanel, Tabs, type Key } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../app/i18n';
import { useAppStore } from '../../app/store';
import { startsAfter } from '@shared/domain';
import { FormFailure } from '../../components/FormFailure';
import { errorMessage } from '../../lib/errors';
import { useAgreementStore } from '../agreement/store';
import { FeedbackRoundPanel } from '../feedback/FeedbackRoundPanel';
import { formatWhen } from '@shared/vocabulary';
import { LivePrompts } from '../prompts/PromptsPanel';
import { Actions, type ActionsHandle } from './parts/Actions';
import { Attendance } from './parts/Attendance';
import { MeetingTimer } from './parts/MeetingTimer';
import { CarriedOver } from './parts/CarriedOver';
import type { ItemListHandle } from './parts/ItemList';
import { NextMeeting } from './parts/NextMeeting';
import { Notes, type NotesHandle } from './parts/Notes';
import { Themes, type ThemesHandle } from './parts/Themes';
import { MeetingItems } from './MeetingView';
import { useMeetingsStore } from './store';
import { useMeetingData } from './useMeetingData';

const STEPS = ['checkin', 'theme', 'actions', 'ideas', 'feedback', 'next'] as const;
type Step = (typeof STEPS)[number];

/**
 * Meeting mode: the agenda as steps, the time against the planned length, large type, and
 * shortcuts (Alt+1…6 steps; Alt+T theme, Alt+A action, Alt+I idea, Alt+N notes). No mouse needed.
 */
export function LiveMeeting() {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const { detail, members } = useMeetingData();
  const setLive = useMeetingsStore((s) => s.setLive);
  const setHeld = useMeetingsStore((s) => s.setHeld);
  const [step, setStep] = useState<Step>('checkin');
  const [failure, setFailure] = useState('');
  const themes = useRef<ThemesHandle>(null);
  const notes = useRef<NotesHandle>(null);
  const actions = useRef<ActionsHandle>(null);
  const ideas = useRef<ItemListHandle>(null);
  const setFocusMode = useAppStore((s) => s.setFocusMode);
  useEffect(() => {
    setFocusMode(true);
    return () => setFocusMode(false);
  }, [setFocusMode]);
  const steps = useRef<HTMLDivElement>(null);
  // Focus is never left on the page body: when meeting mode opens (the frame changes under the
  // button that started it) and when a shortcut changes the step under a focused field, it goes
  // to the step's tab, where the facilitator sees which step is on and can go on with Tab.
  const keepFocus = (tab = steps.current?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')) => {
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    tab?.focus();
  };
  // The tabs appear a render after the page (the tab list builds its collection first): the
  // selected one takes the focus as it appears, if nothing else has it.
  const selectedTabShown = useCallback((tab: HTMLElement | null) => {
    if (tab?.getAttribute('aria-selected') === 'true') keepFocus(tab);
  }, []);

  useEffect(() => {
    // The step is on screen and the field focused before the next key press is handled, so that
    // nothing typed right after the shortcut is lost (a timer would run after the keys on a busy machine).
    const go = (next: Step, focus?: () => void) => {
      flushSync(() => setStep(next));
      focus?.();
      keepFocus();
    };
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const digit = /^Digit([1-6])$/.exec(event.code)?.[1];
      const target: Record<string, () => void> = {
        KeyT: () => go('theme', () => themes.current?.focus()),
        KeyN: () => go('theme', () => notes.current?.focus()),
        KeyA: () => go('actions', () => actions.current?.focus()),
        KeyI: () => go('ideas', () => ideas.current?.focusAdd()),
      };
      const action = digit ? () => go(STEPS[Number(digit) - 1]!) : target[event.code];
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (!detail) return null;
  const index = STEPS.indexOf(step);
  const notYet = detail.status === 'planned' && startsAfter(detail, todayIso());

  return (
    <div className="live" lang={language}>
      <header className="live-header">
        <div>
          <p className="live-when">{formatWhen(detail, language)}{detail.place && ` · ${detail.place}`}</p>
          <h1 className="live-title">
            {t('meetings.numberLong', { number: detail.number })}
            {detail.plannedTheme && `: ${detail.plannedTheme}`}
          </h1>
        </div>
        <MeetingTimer meetingId={detail.id} plannedMinutes={detail.plannedMinutes} step={step} />
        <Button className="button button--secondary" onPress={() => setLive(false)}>
          {t('meetings.live.exit')}
        </Button>
      </header>
      <Tabs className="live-tabs" selectedKey={step} onSelectionChange={(key: Key) => setStep(key as Step)}>
        <TabList className="live-steps" aria-label={t('meetings.live.steps')} ref={steps}>
          {STEPS.map((s, i) => (
            <Tab key={s} id={s} className="live-step" ref={selectedTabShown}>
              <span className="live-step-number" aria-hidden="true">
                {i + 1}
              </span>
              {t(`meetings.live.step_${s}`)}
            </Tab>
          ))}
        </TabList>
        <TabPanel id="checkin" className="live-panel">
          <p className="live-hint">{t('meetings.live.checkinHint')}</p>
          <LivePrompts meetingId={detail.id} moment="checkin" />
          <GroundRules />
          <Attendance detail={detail} members={members} />
        </TabPanel>
        <TabPanel id="theme" className="live-panel">
          <Themes detail={detail} handle={themes} />
          <Notes meetingId={detail.id} rows={8} handle={notes} />
        </TabPanel>
        <TabPanel id="actions" className="live-panel">
          <CarriedOver detail={detail} members={members} />
          <Actions detail={detail} members={members} handle={actions} />
          <section className="card meeting-card" aria-label={t('meetings.tasks')}>
            <h2>{t('meetings.tasks')}</h2>
            <MeetingItems kind="task" />
          </section>
        </TabPanel>
        <TabPanel id="ideas" className="live-panel">
          <section className="card meeting-card meeting-card--shareable" aria-label={t('meetings.ideas')}>
            <h2>{t('meetings.ideas')}</h2>
            <p className="muted">{t('meetings.ideasHint')}</p>
            <MeetingItems kind="idea" handle={ideas} />
          </section>
        </TabPanel>
        <TabPanel id="feedback" className="live-panel">
          <p className="live-hint">{t('meetings.live.feedbackHint')}</p>
          <LivePrompts meetingId={detail.id} moment="closing" />
          <FeedbackRoundPanel meetingId={detail.id} meetingNumber={detail.number} when={detail} />
        </TabPanel>
        <TabPanel id="next" className="live-panel">
          <NextMeeting detail={detail} />
          {detail.status !== 'held' && (
            <Button
              className="button button--primary"
              isDisabled={notYet}
              aria-describedby={notYet ? 'live-held-not-yet' : undefined}
              onPress={() => {
                setFailure('');
                setHeld(detail.id, true).catch((error: unknown) => setFailure(errorMessage(t, error)));
              }}
            >
              {t('meetings.markHeld')}
            </Button>
          )}
          {notYet && (
            <p className="muted" id="live-held-not-yet">
              {t('meetings.heldNotYet')}
            </p>
          )}
          <FormFailure message={failure} />
        </TabPanel>
      </Tabs>
      <footer className="live-footer">
        <Button className="button button--secondary" isDisabled={index === 0} onPress={() => setStep(STEPS[index - 1] ?? step)}>
          ← {t('meetings.live.previous')}
        </Button>
        <p className="live-shortcuts" aria-label={t('meetings.live.shortcuts')}>
          {t('meetings.live.shortcutSteps')} · {t('meetings.live.shortcutTheme')} · {t('meetings.live.shortcutAction')} ·{' '}
          {t('meetings.live.shortcutIdea')} · {t('meetings.live.shortcutNotes')}
        </p>
        <Button className="button button--secondary" isDisabled={index === STEPS.length - 1} onPress={() => setStep(STEPS[index + 1] ?? step)}>
          {t('meetings.live.nextStep')} →
        </Button>
      </footer>
    </div>
  );
}

/** The agreement's ground rules, shown during the check-in round (once the agreement has them). */
function GroundRules() {
  const { t } = useTranslation();
  const loaded = useAgreementStore((s) => s.loaded);
  const agreement = useAgreementStore((s) => s.agreement);
  const load = useAgreementStore((s) => s.load);
  useEffect(() => {
    load().catch(() => undefined);
  }, [load]);
  const rules = loaded ? (agreement?.rules.map((rule) => rule.text) ?? []) : null;
  return (
    <section className="card meeting-card" aria-label={t('meetings.live.groundRules')}>
      <h2>{t('meetings.live.groundRules')}</h2>
      {rules !== null && rules.length === 0 && <p className="muted">{t('meetings.live.noGroundRules')}</p>}
      {rules !== null && rules.length > 0 && (
        <ol className="ground-rules">
          {rules.map((rule, index) => (
            <li key={index}>{rule}</li>
          ))}
        </ol>
      )}
    </section>
  );
}
