import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Agreement, PlannedMeeting } from '@shared/domain';
import { formatMonth } from '@shared/vocabulary';
import { useAppStore } from '../../renderer/src/app/store';
import { AgreementPage } from '../../renderer/src/features/agreement/AgreementPage';
import { useAgreementStore } from '../../renderer/src/features/agreement/store';
import { installRealBackend, renderWithI18n, SETUP, type RealBackend } from './harness';

let real: RealBackend;

function stored<T>(name: 'agreement.get' | 'plan.list'): T {
  const result = real.backend.dispatch(name, undefined);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

beforeEach(() => {
  useAppStore.setState(useAppStore.getInitialState(), true);
  useAgreementStore.setState(useAgreementStore.getInitialState(), true);
  real = installRealBackend();
  real.backend.dispatch('programme.setup', SETUP);
});
afterEach(() => real.dispose());

// The page holds many forms; on a busy machine it takes longer than the default five seconds.
describe('the agreement page', { timeout: 20_000 }, () => {
  it('starts from the chosen template and autosaves an edited ground rule', async () => {
    const user = userEvent.setup();
    renderWithI18n(<AgreementPage />);
    await user.click(await screen.findByRole('radio', { name: /Englanninkielinen pohja/ }));
    await user.click(screen.getByRole('button', { name: 'Aloita' }));
    const rule = await screen.findByRole('textbox', { name: 'Pelisääntö 1' });
    expect(rule).toHaveValue('Trust first: what is said in the group stays in the group.');
    await user.clear(rule);
    await user.type(rule, 'Luottamus ensin – aina.');
    await user.tab();
    await waitFor(() => expect(stored<Agreement>('agreement.get').rules[0]?.text).toBe('Luottamus ensin – aina.'));
  });

  it('keeps an invalid edit on screen with a message at the field and does not send it', async () => {
    real.backend.dispatch('agreement.start', { template: 'fi' });
    const user = userEvent.setup();
    renderWithI18n(<AgreementPage />);
    const goal = await screen.findByRole('textbox', { name: 'Ryhmän tavoite 1' });
    await user.clear(goal);
    await user.tab();
    const item = goal.closest('li')!;
    expect(await within(item as HTMLElement).findByText('Tämä tieto on pakollinen.')).toBeInTheDocument();
    expect(real.calls).not.toContain('agreement.updateGoal');
    expect(stored<Agreement>('agreement.get').goals.find((g) => g.kind === 'group')?.text).toMatch(/^Jokainen vie/);
  });

  it('takes a month as a Finn types it and shows the stored month in words, never as 2026-09', async () => {
    real.backend.dispatch('agreement.start', { template: 'fi' });
    const user = userEvent.setup();
    renderWithI18n(<AgreementPage />);
    const row = await screen.findByRole('region', { name: '2. tapaaminen' });
    const month = within(row).getByRole('textbox', { name: /Tai pelkkä kuukausi/ });
    const rowTwo = () => stored<PlannedMeeting[]>('plan.list').find((r) => r.number === 2)!;
    expect(rowTwo().plannedDate).toBeNull();
    expect(month).toHaveValue(formatMonth(rowTwo().plannedMonth!, 'fi'));
    for (const [typed, iso] of [['11/2026', '2026-11'], ['01/2027', '2027-01'], ['joulukuu 2026', '2026-12'], ['loka 2026', '2026-10']] as const) {
      await user.clear(month);
      await user.type(month, typed);
      await user.tab();
      await waitFor(() => expect(rowTwo().plannedMonth).toBe(iso));
      await waitFor(() => expect(month).toHaveValue(formatMonth(iso, 'fi')));
    }
    await user.clear(month);
    await user.type(month, '13/2026');
    await user.tab();
    expect(await within(row).findByText(/Kirjoita kuukausi esimerkiksi muodossa 9\/2026/)).toBeInTheDocument();
    expect(rowTwo().plannedMonth).toBe('2026-10');
  });

  it('moves a ground rule with the keyboard-operable buttons', async () => {
    real.backend.dispatch('agreement.start', { template: 'fi' });
    const user = userEvent.setup();
    renderWithI18n(<AgreementPage />);
    const down = await screen.findByRole('button', { name: 'Siirrä alas: Pelisääntö 1' });
    down.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(stored<Agreement>('agreement.get').rules[1]?.text).toMatch(/^Luottamus ensin/));
    expect(await screen.findByRole('textbox', { name: 'Pelisääntö 2' })).toHaveValue('Luottamus ensin: ryhmässä puhuttu jää ryhmään.');
  });

  it('refuses to remove a planned meeting that has notes, and says why', async () => {
    real.backend.dispatch('agreement.start', { template: 'fi' });
    const first = stored<PlannedMeeting[]>('plan.list')[0]!;
    real.backend.dispatch('meetings.saveNotes', { id: first.id, notes: 'Kirjattua' });
    const user = userEvent.setup();
    renderWithI18n(<AgreementPage />);
    const row = await screen.findByRole('region', { name: '1. tapaaminen' });
    await user.click(within(row).getByRole('button', { name: 'Poista suunnitelmasta' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Poista' }));
    expect(await within(row).findByRole('alert')).toHaveTextContent('ei voi poistaa');
    expect(stored<PlannedMeeting[]>('plan.list')).toHaveLength(6);
  });

  it('offers the version’s own date as the day a member accepted it, not today', async () => {
    real.backend.dispatch('agreement.start', { template: 'fi' });
    real.backend.dispatch('agreement.saveVersion', { agreedOn: '2026-09-15', note: '' });
    const user = userEvent.setup();
    renderWithI18n(<AgreementPage />);
    await user.click(await screen.findByRole('tab', { name: 'Versiot ja hyväksyntä' }));
    const form = await screen.findByRole('form', { name: /Sari Järvinen/ });
    expect(within(form).getAllByRole('spinbutton').map((segment) => segment.textContent)).toEqual(['15', '9', '2026']);
    await user.click(within(form).getByRole('button', { name: /Merkitse hyväksytyksi/ }));
    await waitFor(() => expect(stored<Agreement>('agreement.get').versions[0]?.acceptances.map((a) => a.acceptedOn)).toEqual(['2026-09-15']));
  });

  it('removing a planned meeting closes the gap: the later meetings move up one number, and the dialog says so', async () => {
    real.backend.dispatch('agreement.start', { template: 'fi' });
    const before = stored<PlannedMeeting[]>('plan.list');
    const user = userEvent.setup();
    renderWithI18n(<AgreementPage />);
    const second = await screen.findByRole('region', { name: '2. tapaaminen' });
    await user.click(within(second).getByRole('button', { name: 'Poista suunnitelmasta' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog).toHaveTextContent('Myöhempien tapaamisten numerot pienenevät yhdellä, jotta numerointiin ei jää aukkoa.');
    await user.click(within(dialog).getByRole('button', { name: 'Poista' }));
    await waitFor(() => expect(stored<PlannedMeeting[]>('plan.list').map((r) => r.number)).toEqual([1, 2, 3, 4, 5]));
    const third = before[2]!;
    const moved = await screen.findByRole('region', { name: '2. tapaaminen' });
    await waitFor(() => expect(within(moved).getByRole('textbox', { name: /Alustava teema/ })).toHaveValue(third.plannedTheme));
    expect(within(moved).getByRole('textbox', { name: /Numero/ })).toHaveValue('2');
    expect(screen.queryByRole('region', { name: '6. tapaaminen' })).toBeNull();
  });

  it('does not offer to save a version identical to the latest one, and says why', async () => {
    real.backend.dispatch('agreement.start', { template: 'fi' });
    real.backend.dispatch('agreement.saveVersion', { agreedOn: '2026-09-15', note: '' });
    const user = userEvent.setup();
    renderWithI18n(<AgreementPage />);
    await user.click(await screen.findByRole('tab', { name: 'Versiot ja hyväksyntä' }));
    const save = await screen.findByRole('button', { name: 'Tallenna sovittuna versiona' });
    expect(save).toBeDisabled();
    expect(save).toHaveAccessibleDescription(/Luonnos on sama kuin versio 1/);
    expect(stored<Agreement>('agreement.get').versions).toHaveLength(1);
  });
});
