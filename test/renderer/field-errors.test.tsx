import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MeetingDetail } from '@shared/domain';
import { ApiError } from '../../renderer/src/api';
import { App } from '../../renderer/src/app/App';
import { useAppStore } from '../../renderer/src/app/store';
import { SaveStatus } from '../../renderer/src/components/SaveStatus';
import { useAgreementStore } from '../../renderer/src/features/agreement/store';
import { useMeetingsStore } from '../../renderer/src/features/meetings/store';
import { useMembersStore } from '../../renderer/src/features/members/store';
import { flushAll } from '../../renderer/src/lib/saveRegistry';
import { installRealBackend, renderWithI18n, SETUP, type RealBackend } from './harness';

/** A refused save reaches the field that caused it, in the app's own words, said once. */
let real: RealBackend;
let m1: number;

function dispatch<T>(name: string, input?: unknown): T {
  const result = real.backend.dispatch(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as T;
}

beforeEach(() => {
  for (const store of [useAppStore, useMeetingsStore, useMembersStore, useAgreementStore]) {
    (store as { setState: (s: unknown, replace: true) => void; getInitialState: () => unknown }).setState(store.getInitialState(), true);
  }
  real = installRealBackend();
  dispatch('programme.setup', SETUP);
  m1 = dispatch<{ id: number }>('plan.add', { plannedDate: '2026-09-15', plannedMonth: null, plannedTheme: '', place: '', format: null }).id;
});

afterEach(async () => {
  cleanup();
  await act(() => flushAll());
  real.dispose();
});

describe('errors reach the field', { timeout: 20_000 }, () => {
  it('marks the field the store refused, with its own message, and keeps the text', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Tapaamiset' }));
    await user.click(await screen.findByRole('button', { name: 'Avaa tapaaminen 1' }));
    const card = screen.getByRole('region', { name: 'Perustiedot' });
    const minutes = within(card).getByRole('textbox', { name: /^Kesto \(min\)/ });
    await user.clear(minutes);
    await user.type(minutes, '700'); // the form takes three digits; the store allows at most 600
    await user.tab();
    await waitFor(() => expect(minutes).toHaveAttribute('aria-invalid', 'true'));
    expect(within(card).getByText('Anna kesto minuutteina (15–600).')).toBeInTheDocument();
    expect(within(card).getByRole('status')).not.toHaveTextContent('Tarkista merkityt kentät');
    expect(minutes).toHaveValue('700');
    expect(dispatch<MeetingDetail>('meetings.get', { id: m1 }).plannedMinutes).toBe(120);
  });

  it('says "your text is kept" once when the back end cannot be reached', () => {
    renderWithI18n(<SaveStatus state={{ kind: 'failed', error: new ApiError('unreachable', 'offline') }} />);
    const text = screen.getByRole('status').textContent ?? '';
    expect(text).toContain('Kirjoittamasi teksti on tallella.');
    expect(text.split('Kirjoittamasi teksti on tallella.')).toHaveLength(2);
  });

  it('checks an e-mail address with the app’s own message, not the browser’s', async () => {
    const user = userEvent.setup();
    render(<App />);
    const row = await screen.findByRole('region', { name: 'Jäsen Önni Mäkelä' });
    const email = within(row).getByRole('textbox', { name: /^Sähköposti/ });
    await user.type(email, 'onni(at)example');
    await user.tab();
    expect(await within(row).findByText('Tarkista sähköpostiosoite, esimerkiksi nimi@esimerkki.fi.')).toBeInTheDocument();
    // The browser has nothing of its own to say about the field (no native bubble, no English text).
    expect((email as HTMLInputElement).validationMessage).toBe('');
    expect((email as HTMLInputElement).checkValidity()).toBe(true);
  });
});
