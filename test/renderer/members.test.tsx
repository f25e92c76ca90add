import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Member } from '@shared/domain';
import { useAppStore } from '../../renderer/src/app/store';
import { MembersSection } from '../../renderer/src/features/members/MembersSection';
import { useMembersStore } from '../../renderer/src/features/members/store';
import { installRealBackend, renderWithI18n, SETUP, type RealBackend } from './harness';

let real: RealBackend;

const storedMembers = () => {
  const result = real.backend.dispatch('members.list', undefined);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as Member[];
};

beforeEach(() => {
  useAppStore.setState(useAppStore.getInitialState(), true);
  useMembersStore.setState(useMembersStore.getInitialState(), true);
  real = installRealBackend();
  real.backend.dispatch('programme.setup', SETUP);
});
afterEach(() => real.dispose());

describe('members', { timeout: 20_000 }, () => {
  it('edits a member in place and saves it automatically', async () => {
    const user = userEvent.setup();
    renderWithI18n(<MembersSection />);
    const row = await screen.findByRole('region', { name: 'Jäsen Sari Järvinen' });
    const role = within(row).getByLabelText(/Rooli tai tehtävä/);
    await user.type(role, 'Ryhmäpäällikkö');
    await user.tab(); // leaving the field saves at once
    await waitFor(() => expect(within(row).getByRole('status')).toHaveTextContent('Tallennettu'));
    expect(storedMembers().find((m) => m.name === 'Sari Järvinen')?.role).toBe('Ryhmäpäällikkö');
  });

  it('does not save an invalid value, says why at the field, and keeps the stored one', async () => {
    const user = userEvent.setup();
    renderWithI18n(<MembersSection />);
    const row = await screen.findByRole('region', { name: 'Jäsen Önni Mäkelä' });
    const name = within(row).getByLabelText('Nimi');
    await user.clear(name);
    await user.tab();
    expect(await within(row).findByText('Tämä tieto on pakollinen.')).toBeInTheDocument();
    expect(within(row).getByRole('status')).toHaveTextContent('Korjaa merkitty kenttä');
    expect(real.calls).not.toContain('members.update');
    expect(storedMembers()[0]?.name).toBe('Önni Mäkelä');
  });

  it('says so at once when a save fails, and keeps the typed text', async () => {
    const user = userEvent.setup();
    renderWithI18n(<MembersSection />);
    const row = await screen.findByRole('region', { name: 'Jäsen Önni Mäkelä' });
    act(() => real.backend.close()); // the store goes away under the app, as a failing disk would
    const role = within(row).getByLabelText(/Rooli tai tehtävä/);
    await user.clear(role);
    await user.type(role, 'Uusi rooli');
    await user.tab();
    await waitFor(() => expect(within(row).getByRole('status')).toHaveTextContent('Tallennus epäonnistui'));
    expect(within(row).getByRole('status')).toHaveTextContent('Kirjoittamasi teksti on tallella');
    expect(role).toHaveValue('Uusi rooli');
    expect(within(row).getByRole('status')).toHaveTextContent('Tietoja ei voitu avata');
  });

  it('adds a member, and marks a member as left and back', async () => {
    const user = userEvent.setup();
    renderWithI18n(<MembersSection />);
    const form = await screen.findByRole('form', { name: 'Uusi jäsen' });
    await user.type(within(form).getByLabelText('Nimi'), 'Aino Väänänen{Enter}');
    expect(await screen.findByRole('region', { name: 'Jäsen Aino Väänänen' })).toBeInTheDocument();
    expect(within(form).getByLabelText('Nimi')).toHaveValue('');
    expect(screen.getByText('3 jäsentä')).toBeInTheDocument();

    const sari = screen.getByRole('region', { name: 'Jäsen Sari Järvinen' });
    await user.click(within(sari).getByRole('button', { name: 'Merkitse lähteneeksi' }));
    expect(await screen.findByRole('heading', { name: 'Ryhmästä lähteneet' })).toBeInTheDocument();
    expect(storedMembers().find((m) => m.name === 'Sari Järvinen')?.leftOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(screen.getByText('2 jäsentä')).toBeInTheDocument();
    await user.click(within(screen.getByRole('region', { name: 'Jäsen Sari Järvinen' })).getByRole('button', { name: 'Palauta ryhmään' }));
    await waitFor(() => expect(storedMembers().find((m) => m.name === 'Sari Järvinen')?.leftOn).toBeNull());
  });

  it('asks before removing, and Cancel keeps the member', async () => {
    const user = userEvent.setup();
    renderWithI18n(<MembersSection />);
    const row = await screen.findByRole('region', { name: 'Jäsen Önni Mäkelä' });
    await user.click(within(row).getByRole('button', { name: 'Poista jäsen' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog).toHaveTextContent('Poistetaanko Önni Mäkelä?');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(storedMembers()).toHaveLength(2);
    await user.click(within(row).getByRole('button', { name: 'Poista jäsen' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Poista' }));
    await waitFor(() => expect(storedMembers()).toHaveLength(1));
    expect(screen.queryByRole('region', { name: 'Jäsen Önni Mäkelä' })).not.toBeInTheDocument();
  });
});
