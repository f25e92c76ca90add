import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAppStore } from '../../renderer/src/app/store';
import { CalendarExport } from '../../renderer/src/features/calendar/CalendarExport';
import { useCalendarStore } from '../../renderer/src/features/calendar/store';
import { installRealBackend, renderWithI18n, SETUP, type RealBackend } from './harness';

/** The calendar card lists what the .ics file will say, saves it, and then marks a moved meeting as changed. */
let real: RealBackend;

beforeEach(() => {
  useAppStore.setState(useAppStore.getInitialState(), true);
  useCalendarStore.setState(useCalendarStore.getInitialState(), true);
  real = installRealBackend();
  real.backend.dispatch('programme.setup', SETUP);
  URL.createObjectURL = vi.fn(() => 'blob:ics');
  URL.revokeObjectURL = vi.fn();
});
afterEach(() => real.dispose());

function plan(plannedDate: string | null, plannedMonth: string | null, plannedTheme: string) {
  const added = real.backend.dispatch('plan.add', { plannedDate, plannedMonth, plannedTheme, place: 'Kahvila Äijä', format: 'cafe' });
  if (!added.ok) throw new Error(added.error.message);
  return (added.value as { id: number }).id;
}

describe('the calendar file card', () => {
  it('lists the events, saves the file and then shows a moved meeting as changed', async () => {
    const first = plan('2026-09-14', null, 'Tutustuminen');
    plan(null, '2026-10', 'Työhyvinvointi');
    plan(null, null, 'Päivä auki');
    const existing = real.backend.dispatch('plan.list', undefined);
    useAppStore.setState({ language: 'fi' });
    const user = userEvent.setup();
    renderWithI18n(<CalendarExport />);

    const list = await screen.findByRole('list', { name: 'Tiedoston tapaamiset' });
    const items = within(list).getAllByRole('listitem').map((item) => item.textContent);
    expect(items).toHaveLength(2);
    expect(items[0]).toContain('Tutustuminen');
    expect(items[0]).toContain('14.9.2026');
    expect(items[0]).toContain('(uusi)');
    expect(items[1]).toContain('1.10.2026'); // the first working day of October 2026, a Thursday
    expect(items[1]).toContain('alustava päivä');
    expect(screen.getByRole('note')).toHaveTextContent('ei ole päivää eikä kuukautta');
    expect(screen.getByText('Kalenteritiedostoa ei ole vielä tallennettu.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Tallenna kalenteritiedosto' }));
    expect(await screen.findByText(/Kalenteritiedosto .*\.ics ladattiin\./)).toBeInTheDocument();
    expect(real.calls).toContain('calendar.export');
    await waitFor(() => expect(screen.getByText(/Kalenteritiedosto tallennettiin viimeksi/)).toBeInTheDocument());
    expect(within(list).queryByText(/uusi/)).toBeNull();

    if (!existing.ok) throw new Error('no plan');
    const meeting = (existing.value as { id: number }[]).find((m) => m.id === first)!;
    real.backend.dispatch('plan.update', { ...meeting, plannedDate: '2026-09-21' });
    await useCalendarStore.getState().load('fi');
    await waitFor(() => expect(within(list).getAllByRole('listitem')[0]).toHaveTextContent('21.9.2026 (koko päivä), Kahvila Äijä (muuttunut)'));
  });

  it('speaks English, and the file language can differ from the screen', async () => {
    useAppStore.setState({ language: 'en' });
    plan('2026-09-14', null, 'Getting to know each other');
    const user = userEvent.setup();
    renderWithI18n(<CalendarExport />, 'en');
    expect(await screen.findByRole('heading', { name: 'Calendar file' })).toBeInTheDocument();
    expect(await screen.findByText(/14 September 2026/)).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Finnish' }));
    await user.click(screen.getByRole('button', { name: 'Save calendar file' }));
    expect(await screen.findByText(/The calendar file .*tapaamiset\.ics was downloaded\./)).toBeInTheDocument();
  });

  it('offers no file while nothing is dated', async () => {
    plan(null, null, 'Päivä auki');
    useAppStore.setState({ language: 'fi' });
    renderWithI18n(<CalendarExport />);
    expect(await screen.findByText('Suunnitelmassa ei ole vielä yhtään päivättyä tapaamista.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Tallenna kalenteritiedosto' })).toBeDisabled();
  });
});
