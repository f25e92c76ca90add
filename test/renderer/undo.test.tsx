import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Action, Agreement, AgreementVersion, MeetingDetail, Member } from '@shared/domain';
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
 * Removing something the facilitator wrote never happens silently: one key press removes it and a
 * notice offers "Kumoa" (Undo) for several seconds, which puts back exactly what was there.
 */
let real: RealBackend;
let m1: number;
let m2: number;

function dispatch<T>(name: string, input?: unknown): T {
  const result = real.backend.dispatch(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as T;
}
const meeting = (id: number) => dispatch<MeetingDetail>('meetings.get', { id });

beforeEach(() => {
  for (const store of [useAppStore, useMeetingsStore, useMembersStore, useAgreementStore, useFeedbackStore, useSummaryStore]) {
    (store as { setState: (s: unknown, replace: true) => void; getInitialState: () => unknown }).setState(store.getInitialState(), true);
  }
  real = installRealBackend({ latencyMs: 10 });
  dispatch('programme.setup', SETUP);
  const plan = (plannedDate: string) =>
    dispatch<{ id: number }>('plan.add', { plannedDate, plannedMonth: null, plannedTheme: '', place: '', format: null }).id;
  m1 = plan('2026-09-15');
  m2 = plan('2026-10-13');
});

afterEach(async () => {
  cleanup();
  await act(() => flushAll());
  await new Promise((done) => setTimeout(done, 50));
  real.dispose();
});

async function openMeeting(user: ReturnType<typeof userEvent.setup>, number: number) {
  render(<App />);
  await user.click(await screen.findByRole('button', { name: 'Tapaamiset' }));
  await user.click(await screen.findByRole('button', { name: `Avaa tapaaminen ${number}` }));
  await screen.findByRole('heading', { level: 1, name: new RegExp(`^Tapaaminen ${number}`) });
}

/** Presses Enter on the button: the stray key press the issue describes. */
async function pressEnterOn(user: ReturnType<typeof userEvent.setup>, button: HTMLElement) {
  button.focus();
  await user.keyboard('{Enter}');
}

const notices = () => screen.getByRole('region', { name: 'Ilmoitukset' });
const undo = () => within(notices()).getByRole('button', { name: 'Kumoa' });

describe('Undo after removing', { timeout: 20_000 }, () => {
  it('puts a removed agreed action back exactly: owner, due date and review history', async () => {
    const sari = dispatch<Member[]>('members.list').find((m) => m.name === 'Sari Järvinen')!;
    const added = dispatch<Action>('actions.add', { meetingId: m1, text: 'Kokeillaan kävelypalaveria', ownerMemberId: sari.id, dueDate: '2026-10-01' });
    dispatch('actions.add', { meetingId: m1, text: 'Luetaan artikkeli', ownerMemberId: null, dueDate: null });
    dispatch('actions.setStatus', { id: added.id, status: 'dropped', reviewedInId: m2 });
    const before = meeting(m1).actions;
    const reviewedBefore = meeting(m2).carriedOver;
    const searchBefore = dispatch('search.query', { query: 'kävelypalaveria' });
    expect(before[0]).toMatchObject({ ownerMemberId: sari.id, dueDate: '2026-10-01', status: 'dropped', reviewedInId: m2 });

    const user = userEvent.setup();
    await openMeeting(user, 1);
    await pressEnterOn(user, screen.getByRole('button', { name: 'Poista toimi: Kokeillaan kävelypalaveria' }));

    // One key press removed it, and says so with a way back.
    await waitFor(() => expect(meeting(m1).actions.map((a) => a.text)).toEqual(['Luetaan artikkeli']));
    await waitFor(() => expect(within(notices()).getByRole('status')).toHaveTextContent(/Toimi poistettiin/));
    expect(screen.queryByRole('button', { name: 'Poista toimi: Kokeillaan kävelypalaveria' })).toBeNull();

    await user.click(undo());
    await waitFor(() => expect(meeting(m1).actions).toEqual(before));
    expect(meeting(m2).carriedOver).toEqual(reviewedBefore);
    expect(dispatch('search.query', { query: 'kävelypalaveria' })).toEqual(searchBefore);
    expect(await screen.findByRole('button', { name: 'Poista toimi: Kokeillaan kävelypalaveria' })).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Toimi 1' })).getByRole('textbox', { name: /^Mitä/ })).toHaveValue('Kokeillaan kävelypalaveria');
  });

  it.each([
    ['between-meeting task', 'tasks.add', 'Poista välitehtävä: Ensimmäinen', /Välitehtävä poistettiin/, (d: MeetingDetail) => d.tasks.map((t) => t.text)],
    ['idea to forward', 'ideas.add', 'Poista asia: Ensimmäinen', /Asia poistettiin/, (d: MeetingDetail) => d.ideas.map((t) => t.text)],
  ] as const)('puts a removed %s back in its place', async (_kind, add, removeLabel, message, texts) => {
    dispatch(add, { meetingId: m1, text: 'Ensimmäinen' });
    dispatch(add, { meetingId: m1, text: 'Toinen' });
    const user = userEvent.setup();
    await openMeeting(user, 1);
    await pressEnterOn(user, screen.getByRole('button', { name: removeLabel }));
    await waitFor(() => expect(texts(meeting(m1))).toEqual(['Toinen']));
    await waitFor(() => expect(within(notices()).getByRole('status')).toHaveTextContent(message));
    await user.click(undo());
    await waitFor(() => expect(texts(meeting(m1))).toEqual(['Ensimmäinen', 'Toinen']));
  });

  it('puts a removed theme back in its place', async () => {
    dispatch('themes.addToMeeting', { meetingId: m1, name: 'Työhyvinvointi' });
    dispatch('themes.addToMeeting', { meetingId: m1, name: 'Muutosjohtaminen' });
    const user = userEvent.setup();
    await openMeeting(user, 1);
    await pressEnterOn(user, screen.getByRole('button', { name: 'Poista teema Työhyvinvointi' }));
    await waitFor(() => expect(meeting(m1).themes.map((t) => t.name)).toEqual(['Muutosjohtaminen']));
    await waitFor(() => expect(within(notices()).getByRole('status')).toHaveTextContent(/Teema poistettiin/));
    await user.click(undo());
    await waitFor(() => expect(meeting(m1).themes.map((t) => t.name)).toEqual(['Työhyvinvointi', 'Muutosjohtaminen']));
  });

  it.each([
    ['ground rule', 'Poista: Pelisääntö 1', (a: Agreement) => a.rules],
    ['goal', 'Poista: Ryhmän tavoite 1', (a: Agreement) => a.goals],
  ] as const)('puts a removed %s of the agreement back, and the draft again matches its version', async (_kind, removeLabel, items) => {
    dispatch('agreement.start', { template: 'fi' });
    dispatch<AgreementVersion>('agreement.saveVersion', { agreedOn: '2026-09-15', note: '' });
    const before = items(dispatch<Agreement>('agreement.get'));
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Sopimus' }));
    await pressEnterOn(user, await screen.findByRole('button', { name: removeLabel }));
    await waitFor(() => expect(items(dispatch<Agreement>('agreement.get'))).toHaveLength(before.length - 1));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await waitFor(() => expect(within(notices()).getByRole('status')).toHaveTextContent(/poistettiin/));
    await user.click(undo());
    await waitFor(() => expect(items(dispatch<Agreement>('agreement.get'))).toEqual(before));
    expect(dispatch<Agreement>('agreement.get').draftDiffers).toBe(false);
  });

  it("takes back a member's acceptance with one press, and Undo records it again on the same day", async () => {
    dispatch('agreement.start', { template: 'fi' });
    const version = dispatch<AgreementVersion>('agreement.saveVersion', { agreedOn: '2026-09-15', note: '' });
    const sari = dispatch<Member[]>('members.list').find((m) => m.name === 'Sari Järvinen')!;
    dispatch('agreement.setAcceptance', { versionId: version.id, memberId: sari.id, acceptedOn: '2026-09-20' });
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Sopimus' }));
    await user.click(await screen.findByRole('tab', { name: 'Versiot ja hyväksyntä' }));
    await pressEnterOn(user, await screen.findByRole('button', { name: 'Poista merkintä: Sari Järvinen' }));
    await waitFor(() => expect(dispatch<Agreement>('agreement.get').versions[0]?.acceptances).toEqual([]));
    await waitFor(() => expect(within(notices()).getByRole('status')).toHaveTextContent(/Hyväksyntämerkintä poistettiin: Sari Järvinen/));
    await user.click(undo());
    await waitFor(() =>
      expect(dispatch<Agreement>('agreement.get').versions[0]?.acceptances).toEqual([{ memberId: sari.id, acceptedOn: '2026-09-20' }]),
    );
  });
});
