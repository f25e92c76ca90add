import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Language, MeetingDetail, Survey } from '@shared/domain';
import { App } from '../../renderer/src/app/App';
import { useAppStore } from '../../renderer/src/app/store';
import { useAgreementStore } from '../../renderer/src/features/agreement/store';
import { useFeedbackStore } from '../../renderer/src/features/feedback/store';
import { useMeetingsStore } from '../../renderer/src/features/meetings/store';
import { useMembersStore } from '../../renderer/src/features/members/store';
import { useSummaryStore } from '../../renderer/src/features/summary/store';
import { flushAll } from '../../renderer/src/lib/saveRegistry';
import { installRealBackend, SETUP, type RealBackend } from './harness';

/**
 * A button the store refuses says why, in the app's words and language (the reason is the key in
 * the refusal's first issue), not only "check the marked fields" with no field to mark. And a
 * meeting still ahead offers neither "Mark as held" nor a feedback round: the screen says why.
 * Today is the machine's date; the meetings are dated around it.
 */
let real: RealBackend;
let past: number;
let ahead: number;

function dispatch<T>(name: string, input?: unknown): T {
  const result = real.backend.dispatch(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as T;
}
const meeting = (id: number) => dispatch<MeetingDetail>('meetings.get', { id });
const iso = (date: Date) => date.toISOString().slice(0, 10);
const daysFromNow = (days: number) => iso(new Date(Date.now() + days * 86_400_000));

const WORDS = {
  fi: {
    nav: 'Päävalikko',
    meetings: 'Tapaamiset',
    open: (n: number) => `Avaa tapaaminen ${n}`,
    heading: (n: number) => new RegExp(`^Tapaaminen ${n}`),
    present: 'Paikalla',
    cancel: 'Peru tapaaminen',
    markHeld: 'Merkitse pidetyksi',
    startMode: 'Aloita tapaamistila',
    nextStep: /Seuraava tapaaminen/,
    feedbackStep: /Palautekierros/,
    start: 'Aloita',
    cancelHasRecords: 'Tapaamiseen on jo kirjattu läsnäoloja, toimia, teemoja tai palautetta, joten sitä ei voi perua.',
    heldInFuture: 'Pidetyn tapaamisen päivä ei voi olla tulevaisuudessa.',
    meetingCancelled: 'Tapaaminen on peruttu, joten siihen ei voi kirjata tätä.',
    general: 'Tiedoissa on virhe',
    heldNotYet: 'Tapaamisen voi merkitä pidetyksi tapaamispäivänä tai sen jälkeen.',
    roundNotYet: 'Palautekierroksen voi aloittaa tapaamispäivänä, tapaamisen lopussa.',
  },
  en: {
    nav: 'Main navigation',
    meetings: 'Meetings',
    open: (n: number) => `Open meeting ${n}`,
    heading: (n: number) => new RegExp(`^Meeting ${n}`),
    present: 'Present',
    cancel: 'Cancel meeting',
    markHeld: 'Mark as held',
    startMode: 'Start meeting mode',
    nextStep: /Next meeting/,
    feedbackStep: /Feedback round/,
    start: 'Start',
    cancelHasRecords: 'This meeting already has attendance, actions, themes or feedback recorded, so it cannot be cancelled.',
    heldInFuture: 'A held meeting cannot be dated in the future.',
    meetingCancelled: 'The meeting was cancelled, so this cannot be recorded for it.',
    general: 'Check the marked fields',
    heldNotYet: 'A meeting can be marked as held on its day or later.',
    roundNotYet: 'The feedback round can be started on the day of the meeting, at its end.',
  },
} as const;

beforeEach(() => {
  for (const store of [useAppStore, useMeetingsStore, useMembersStore, useAgreementStore, useFeedbackStore, useSummaryStore]) {
    (store as { setState: (s: unknown, replace: true) => void; getInitialState: () => unknown }).setState(store.getInitialState(), true);
  }
  real = installRealBackend();
  // A programme around today, so that one meeting is behind and one ahead.
  dispatch('programme.setup', { ...SETUP, programme: { ...SETUP.programme, startDate: daysFromNow(-60), endDate: daysFromNow(120) } });
  const plan = (plannedDate: string) => dispatch<{ id: number }>('plan.add', { plannedDate, plannedMonth: null, plannedTheme: '', place: '', format: null }).id;
  past = plan(daysFromNow(-14));
  ahead = plan(daysFromNow(14));
});

afterEach(async () => {
  cleanup();
  await act(() => flushAll());
  real.dispose();
});

type Words = (typeof WORDS)[Language];

async function openMeeting(w: Words, number: number) {
  const u = userEvent.setup();
  render(<App />);
  await u.click(within(await screen.findByRole('navigation', { name: w.nav })).getByRole('button', { name: w.meetings }));
  await u.click(await screen.findByRole('button', { name: w.open(number) }));
  await screen.findByRole('heading', { level: 1, name: w.heading(number) });
  return u;
}

describe.each(['fi', 'en'] as const)('in %s', { timeout: 20_000 }, (language) => {
  const w = WORDS[language];
  beforeEach(() => {
    dispatch('settings.update', { language });
  });

  it('a meeting that cannot be cancelled says why', async () => {
    const u = await openMeeting(w, 1);
    await u.click(within(screen.getAllByRole('radiogroup')[0]!).getByRole('radio', { name: w.present }));
    await u.click(screen.getByRole('button', { name: w.cancel }));
    expect(await screen.findByText(w.cancelHasRecords, { exact: false })).toBeVisible();
    expect(screen.queryByText(w.general, { exact: false })).toBeNull();
    expect(meeting(past).status).toBe('planned');
  });

  it('marking held a meeting moved into the future meanwhile says why', async () => {
    const u = await openMeeting(w, 1);
    // Another view moved the meeting ahead; this screen still shows it as it was.
    const moved = meeting(past);
    dispatch('plan.update', { id: past, number: moved.number, plannedDate: daysFromNow(7), plannedMonth: null, plannedTheme: '', place: '', format: null });
    await u.click(screen.getByRole('button', { name: w.markHeld }));
    expect(await screen.findByText(w.heldInFuture, { exact: false })).toBeVisible();
    expect(screen.queryByText(w.general, { exact: false })).toBeNull();
    expect(meeting(past).status).toBe('planned');
  });

  it('starting a round for a meeting cancelled meanwhile says why', async () => {
    const u = await openMeeting(w, 1);
    await screen.findByRole('button', { name: w.start });
    dispatch('plan.cancel', { id: past, cancelled: true });
    await u.click(screen.getByRole('button', { name: w.start }));
    expect(await screen.findByText(w.meetingCancelled)).toBeVisible();
    expect(dispatch<Survey[]>('feedback.surveys', { instrument: 'round' })).toEqual([]);
  });

  it('a meeting still ahead offers neither "mark as held" nor a feedback round, and says why', async () => {
    const u = await openMeeting(w, 2);
    expect(screen.getByRole('button', { name: w.markHeld })).toBeDisabled();
    expect(screen.getByRole('button', { name: w.markHeld })).toHaveAccessibleDescription(w.heldNotYet);
    expect(await screen.findByText(w.roundNotYet)).toBeVisible();
    expect(screen.queryByRole('button', { name: w.start })).toBeNull();

    await u.click(screen.getByRole('button', { name: w.startMode }));
    await u.click(screen.getByRole('tab', { name: w.nextStep }));
    expect(screen.getByRole('button', { name: w.markHeld })).toBeDisabled();
    expect(screen.getByText(w.heldNotYet)).toBeVisible();
    await u.click(screen.getByRole('tab', { name: w.feedbackStep }));
    expect(await screen.findByText(w.roundNotYet)).toBeVisible();
    expect(meeting(ahead).status).toBe('planned');
  });

  it('a meeting behind offers both', async () => {
    await openMeeting(w, 1);
    expect(screen.getByRole('button', { name: w.markHeld })).toBeEnabled();
    expect(await screen.findByRole('button', { name: w.start })).toBeEnabled();
    expect(screen.queryByText(w.heldNotYet)).toBeNull();
  });
});
