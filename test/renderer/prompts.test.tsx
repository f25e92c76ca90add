import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useAppStore } from '../../renderer/src/app/store';
import { useNotices } from '../../renderer/src/lib/notices';
import { LivePrompts, PromptsPanel } from '../../renderer/src/features/prompts/PromptsPanel';
import { usePromptsStore } from '../../renderer/src/features/prompts/store';
import { installRealBackend, renderWithI18n, SETUP, type RealBackend } from './harness';

/** Reflection prompts: picked from the bank or written, removed with Undo, shown in meeting mode. */
let real: RealBackend;
let meetingId: number;

beforeEach(() => {
  useAppStore.setState(useAppStore.getInitialState(), true);
  usePromptsStore.setState(usePromptsStore.getInitialState(), true);
  useNotices.setState(useNotices.getInitialState(), true);
  real = installRealBackend();
  real.backend.dispatch('programme.setup', SETUP);
  const added = real.backend.dispatch('plan.add', { plannedDate: '2026-09-14', plannedMonth: null, plannedTheme: '', place: '', format: null });
  if (!added.ok) throw new Error(added.error.message);
  meetingId = (added.value as { id: number }).id;
});
afterEach(() => real.dispose());

const stored = () => {
  const result = real.backend.dispatch('prompts.forMeeting', { meetingId });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as { moment: string; bankKey: string | null; text: string }[];
};

describe('reflection prompts', () => {
  it('picks one from the bank and writes one, by keyboard; both are stored and shown', async () => {
    useAppStore.setState({ language: 'fi' });
    const user = userEvent.setup();
    renderWithI18n(<PromptsPanel meetingId={meetingId} />);
    const bank = await screen.findByLabelText('Valmis kysymys alkukierrokselle');
    await user.selectOptions(bank, 'Mitä on tapahtunut edellisen tapaamisen jälkeen? Mitä kokeilin?');
    await user.click(screen.getByRole('button', { name: 'Lisää alkukierrokselle' }));
    await user.click(screen.getByRole('textbox', { name: /Oma kysymys loppukierrokselle/ }));
    await user.keyboard('Mikä jäi mieleen tänään?{Enter}');
    await waitFor(() =>
      expect(stored()).toEqual([
        expect.objectContaining({ moment: 'checkin', bankKey: 'during.since', text: '' }),
        expect.objectContaining({ moment: 'closing', bankKey: null, text: 'Mikä jäi mieleen tänään?' }),
      ]),
    );
    expect(within(screen.getByRole('list', { name: 'Alkukierroksen kysymykset' })).getByText(/Mitä on tapahtunut/)).toBeInTheDocument();
    const own = within(screen.getByRole('list', { name: 'Loppukierroksen kysymykset' })).getByRole('textbox', { name: /Oma loppukierroksen kysymys 1/ });
    expect(own).toHaveValue('Mikä jäi mieleen tänään?');
    // The facilitator's own wording saves itself as it is changed.
    await user.clear(own);
    await user.tab();
    expect(await screen.findByText('Tämä tieto on pakollinen.')).toBeInTheDocument();
    expect(stored()[1]!.text).toBe('Mikä jäi mieleen tänään?'); // an empty wording is never sent
    await user.click(own);
    await user.type(own, 'Mikä jäi tänään mieleen?');
    await user.tab();
    await waitFor(() => expect(stored()[1]).toMatchObject({ bankKey: null, text: 'Mikä jäi tänään mieleen?' }));
    // The chosen prompt is no longer offered for the same round.
    expect(within(bank).queryByRole('option', { name: /Mitä on tapahtunut/ })).toBeNull();
    expect(screen.getByRole('textbox', { name: /Oma kysymys loppukierrokselle/ })).toHaveValue('');
  });

  it('an empty own prompt is refused with a clear message and nothing is stored', async () => {
    useAppStore.setState({ language: 'fi' });
    const user = userEvent.setup();
    renderWithI18n(<PromptsPanel meetingId={meetingId} />);
    await user.click(await screen.findByRole('textbox', { name: /Oma kysymys alkukierrokselle/ }));
    await user.keyboard('   {Enter}');
    expect(await screen.findByText('Tämä tieto on pakollinen.')).toBeInTheDocument();
    expect(stored()).toEqual([]);
  });

  it('removes a prompt with Undo, and meeting mode shows each round its own prompts (en)', async () => {
    useAppStore.setState({ language: 'en' });
    real.backend.dispatch('prompts.add', { meetingId, moment: 'checkin', bankKey: 'start.hopes', text: '' });
    real.backend.dispatch('prompts.add', { meetingId, moment: 'closing', bankKey: 'during.stayed', text: '' });
    const user = userEvent.setup();
    renderWithI18n(
      <>
        <PromptsPanel meetingId={meetingId} />
        <LivePrompts meetingId={meetingId} moment="checkin" />
      </>,
      'en',
    );
    const live = await screen.findByRole('region', { name: 'Check-in round prompts' });
    expect(live).toHaveTextContent('What do I hope for from this group');
    expect(live).not.toHaveTextContent('Which thought from this meeting stayed with me?');
    await user.click(screen.getByRole('button', { name: /Remove prompt: What do I hope/ }));
    await waitFor(() => expect(stored()).toHaveLength(1));
    expect(screen.queryByRole('region', { name: 'Check-in round prompts' })).toBeNull();
    const notice = useNotices.getState().notices.at(-1)!;
    expect(notice.message).toContain('Prompt removed: What do I hope');
    await notice.undo();
    expect(stored().map((p) => p.bankKey)).toEqual(['start.hopes', 'during.stayed']);
  });
});
