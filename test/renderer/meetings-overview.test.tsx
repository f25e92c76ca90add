import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useAppStore } from '../../renderer/src/app/store';
import { MeetingsPage } from '../../renderer/src/features/meetings/MeetingsPage';
import { useMeetingsStore } from '../../renderer/src/features/meetings/store';
import { installRealBackend, renderWithI18n, SETUP, type RealBackend } from './harness';

/** The meetings page renders only the rows in view when the programme is long, and every row otherwise. */
let real: RealBackend;

beforeEach(() => {
  useAppStore.setState(useAppStore.getInitialState(), true);
  useMeetingsStore.setState(useMeetingsStore.getInitialState(), true);
  real = installRealBackend();
  real.backend.dispatch('programme.setup', SETUP);
});
afterEach(() => real.dispose());

function addMeetings(count: number) {
  for (let i = 0; i < count; i++) {
    const added = real.backend.dispatch('plan.add', { plannedDate: null, plannedMonth: null, plannedTheme: `Teema ${i + 1}`, place: '', format: null });
    if (!added.ok) throw new Error(added.error.message);
  }
}

const bodyRows = () => within(screen.getAllByRole('rowgroup')[1]!).queryAllByRole('row');

describe('the meetings overview', () => {
  it('shows every meeting of a short programme', async () => {
    addMeetings(6);
    renderWithI18n(<MeetingsPage />);
    expect(await screen.findByRole('button', { name: 'Avaa tapaaminen 6' })).toBeInTheDocument();
    expect(bodyRows()).toHaveLength(6);
  });

  it('renders only the rows in view of a long one, and tells assistive technology where they are in the whole', async () => {
    addMeetings(150);
    renderWithI18n(<MeetingsPage />);
    expect(await screen.findByRole('button', { name: 'Avaa tapaaminen 1' })).toBeInTheDocument();
    const rows = bodyRows();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(60);
    expect(screen.queryByRole('button', { name: 'Avaa tapaaminen 150' })).toBeNull();
    expect(screen.getByRole('table')).toHaveAttribute('aria-rowcount', '151');
    expect(rows[0]).toHaveAttribute('aria-rowindex', '2');
  });
});
