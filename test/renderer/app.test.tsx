import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/app/App';
import { useAppStore } from '../../renderer/src/app/store';
import { useMembersStore } from '../../renderer/src/features/members/store';
import { installRealBackend, SETUP, tempDataDir, type RealBackend } from './harness';

let real: RealBackend;

beforeEach(() => {
  useAppStore.setState(useAppStore.getInitialState(), true);
  useMembersStore.setState(useMembersStore.getInitialState(), true);
});
afterEach(() => real.dispose());

describe('App', { timeout: 20_000 }, () => {
  it('opens the set-up in Finnish on a Finnish system and checks required fields', async () => {
    real = installRealBackend();
    const user = userEvent.setup();
    render(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Perustetaan vertaisryhmä' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Seuraava' }));
    expect(await screen.findAllByText('Tämä tieto on pakollinen.')).toHaveLength(4);
    expect(screen.getByLabelText('Ohjelman nimi')).toHaveAttribute('aria-invalid', 'true');
    expect(real.calls).not.toContain('programme.setup');
  });

  it('shows the group and its members once set up', async () => {
    real = installRealBackend();
    real.backend.dispatch('programme.setup', SETUP);
    render(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Ryhmä ja jäsenet' })).toBeInTheDocument();
    expect(await screen.findByText('2 jäsentä')).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Päävalikko' });
    expect(within(nav).getAllByRole('button').map((b) => b.textContent)).toEqual([
      'Ryhmä ja jäsenet',
      'Sopimus',
      'Tapaamiset',
      'Sovitut toimet',
      'Palaute ja arviointi',
      'Yhteenveto johdolle',
      'Asetukset ja tiedot',
    ]);
    expect(within(nav).getByRole('button', { name: 'Ryhmä ja jäsenet' })).toHaveAttribute('aria-current', 'page');
  });

  it('opens the list of meetings from the main menu, even while a meeting is open', async () => {
    real = installRealBackend();
    real.backend.dispatch('programme.setup', SETUP);
    real.backend.dispatch('plan.add', { plannedTheme: '', plannedDate: null, plannedMonth: null, place: '', format: null });
    const user = userEvent.setup();
    render(<App />);
    const nav = await screen.findByRole('navigation', { name: 'Päävalikko' });
    await user.click(within(nav).getByRole('button', { name: 'Tapaamiset' }));
    await user.click(await screen.findByRole('button', { name: 'Avaa tapaaminen 1' }));
    expect(await screen.findByRole('heading', { level: 1, name: /^Tapaaminen 1/ })).toBeInTheDocument();
    // Away and back, and again from the meeting itself: the menu item always means the list.
    await user.click(within(nav).getByRole('button', { name: 'Sopimus' }));
    await user.click(within(nav).getByRole('button', { name: 'Tapaamiset' }));
    expect(await screen.findByRole('button', { name: 'Avaa tapaaminen 1' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Avaa tapaaminen 1' }));
    await screen.findByRole('heading', { level: 1, name: /^Tapaaminen 1/ });
    await user.click(within(nav).getByRole('button', { name: 'Tapaamiset' }));
    expect(await screen.findByRole('button', { name: 'Avaa tapaaminen 1' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 1, name: /^Tapaaminen 1/ })).toBeNull();
  });

  it('switches language from Settings and stores the choice', async () => {
    real = installRealBackend();
    real.backend.dispatch('programme.setup', SETUP);
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Asetukset ja tiedot' }));
    await user.click(await screen.findByRole('radio', { name: 'English' })); // the section's page loads on first use
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings and about' })).toBeInTheDocument();
    expect(real.backend.dispatch('settings.get', undefined)).toEqual({ ok: true, value: { language: 'en' } });
  });

  it('explains a data file it cannot open, shows where it is, and leaves it as it was', async () => {
    const dataDir = tempDataDir();
    const path = join(dataDir, 'vertaistuki.sqlite');
    writeFileSync(path, 'not a database at all');
    real = installRealBackend({ dataDir });
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'Tietoja ei voitu avata' })).toBeInTheDocument();
    expect(screen.getByTestId('store-problem-path')).toHaveTextContent(path);
    expect(readFileSync(path, 'utf8')).toBe('not a database at all');
  });

  it('asks for everything the first screen needs at once, not after the app’s state answers', async () => {
    real = installRealBackend();
    real.backend.dispatch('programme.setup', SETUP);
    const info = real.hold('app.info', 'answer');
    render(<App />);
    await info.made;
    // While app.info's answer is still on its way, the settings and the programme are already asked for.
    await waitFor(() => expect(real.calls).toEqual(expect.arrayContaining(['app.info', 'settings.get', 'programme.get'])));
    expect(real.calls.slice(0, 3)).toEqual(['app.info', 'settings.get', 'programme.get']);
    info.release();
    expect(await screen.findByRole('heading', { level: 1, name: 'Ryhmä ja jäsenet' })).toBeInTheDocument();
    expect(real.calls.filter((name) => name === 'app.info' || name === 'settings.get' || name === 'programme.get')).toHaveLength(3);
  });
});
