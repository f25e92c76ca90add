import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArchiveState, MeetingDetail } from '@shared/domain';
import { App } from '../../renderer/src/app/App';
import { useAppStore } from '../../renderer/src/app/store';
import { useFeedbackStore } from '../../renderer/src/features/feedback/store';
import { useMeetingsStore } from '../../renderer/src/features/meetings/store';
import { useMembersStore } from '../../renderer/src/features/members/store';
import { useStorageStore } from '../../renderer/src/features/storage/store';
import { useSummaryStore } from '../../renderer/src/features/summary/store';
import { getSummarySettings, logExport } from '../../electron/main/services/summary/settings';
import { openStoreFile } from '../services/helpers';
import { installRealBackend, SETUP, type RealBackend } from './harness';

/**
 * Closing the programme from the summary page, as the facilitator does it: the dialog lists what
 * goes and what stays, refuses to act (and says why) until the box is ticked, shows progress while
 * the file is wiped and says "done" only when closing answered; a wipe that another application
 * kept from finishing is offered to finish. Afterwards the backups made before closing can be shredded.
 */
let real: RealBackend;
let meetingId: number;

function dispatch<T>(name: string, input?: unknown): T {
  const result = real.backend.dispatch(name, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

beforeEach(async () => {
  for (const store of [useAppStore, useFeedbackStore, useMeetingsStore, useMembersStore, useStorageStore, useSummaryStore]) {
    (store as { setState: (s: unknown, replace: true) => void; getInitialState: () => unknown }).setState(store.getInitialState(), true);
  }
  // Some latency, as IPC has: the wipe's progress is on screen while closing runs.
  real = installRealBackend({ latencyMs: 150 });
  dispatch('programme.setup', SETUP);
  meetingId = dispatch<{ id: number }>('plan.add', { plannedTheme: 'Aloitus', plannedDate: '2026-09-15', plannedMonth: null, place: '', format: null }).id;
  dispatch('meetings.saveNotes', { id: meetingId, notes: 'Luottamuksellinen muistiinpano' });
  dispatch('actions.add', { meetingId, text: 'Sovittu toimi', ownerMemberId: null, dueDate: null });
  // Closing asks for an exported summary. The export worker cannot start under jsdom (its URL is
  // rewritten), so the export is recorded as summary.export records it once the file exists.
  const db = openStoreFile(real.backend.info().databasePath);
  try {
    logExport(db, 'docx', getSummarySettings(db));
  } finally {
    db.close();
  }
});
afterEach(() => real.dispose());

async function openClosingDialog(user: ReturnType<typeof userEvent.setup>) {
  render(<App />);
  await user.click(await screen.findByRole('button', { name: 'Yhteenveto johdolle' }));
  // The summary page reads several things, each answered after the latency above.
  await user.click(await screen.findByRole('button', { name: 'Päätä ohjelma ja poista luottamukselliset tiedot' }, { timeout: 10_000 }));
  return screen.findByRole('alertdialog', { name: 'Poistetaanko luottamukselliset tiedot lopullisesti?' });
}

describe('closing the programme', { timeout: 30_000 }, () => {
  it('lists what goes and stays, says why nothing happens until the box is ticked, shows progress, then the app is read-only', async () => {
    const user = userEvent.setup();
    const dialog = await openClosingDialog(user);
    const deleted = await within(dialog).findByRole('region', { name: 'Poistetaan lopullisesti' });
    expect(await within(deleted).findByText('Tapaamisten muistiinpanot')).toBeInTheDocument();
    expect(within(deleted).getByText('Tapaamisten muistiinpanot').parentElement).toHaveTextContent('Tapaamisten muistiinpanot (1)');
    expect(within(deleted).getByText('Sovitut toimet').parentElement).toHaveTextContent('Sovitut toimet (1)');
    const kept = within(dialog).getByRole('region', { name: 'Säilyy' });
    expect(within(kept).getByText('Jäsenten nimet, roolit ja sähköpostiosoitteet').parentElement).toHaveTextContent('(2)');
    expect(within(dialog).getByText(/juuri ennen päättämistä sovellus tekee salatun varmuuskopion/)).toBeInTheDocument();

    // Without the tick: the reason, at the box, and nothing deleted.
    await user.click(within(dialog).getByRole('button', { name: 'Poista lopullisesti' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Rastita ensin ruutu. Mitään ei ole poistettu');
    const box = within(dialog).getByRole('checkbox', { name: /Ymmärrän/ });
    expect(box).toHaveFocus();
    expect(box).toHaveAttribute('aria-invalid', 'true');
    expect(dispatch<ArchiveState>('summary.archiveState').archivedAt).toBeNull();
    expect(dispatch<MeetingDetail>('meetings.get', { id: meetingId }).notes).toBe('Luottamuksellinen muistiinpano');

    await user.click(box);
    expect(within(dialog).queryByRole('alert')).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Poista lopullisesti' }));
    expect(await within(dialog).findByRole('status')).toHaveTextContent('Luottamuksellisia tietoja poistetaan ja tiedostoa siivotaan');
    expect(within(dialog).getByRole('button', { name: 'Poista lopullisesti' })).toBeDisabled();

    // Done only once closing answered: the closed programme's page, wiped.
    const archive = await screen.findByRole('region', { name: /^Päätetty ja arkistoitu/ });
    expect(within(archive).getByText(/Luottamukselliset tiedot on poistettu ja tiedosto siivottu/)).toBeInTheDocument();
    expect(dispatch<ArchiveState>('summary.archiveState').wipedAt).not.toBeNull();
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByTestId('closed-notice')).toHaveTextContent('Ohjelma on päätetty ja arkistoitu');
    // The summary as it stood can still be exported; nothing else on the page can be changed.
    expect(screen.getByRole('button', { name: 'Vie PDF' })).toBeEnabled();
    expect(screen.queryByRole('region', { name: 'Mitä yhteenveto sisältää' })).toBeNull();

    // The backups made before closing still hold the material: the facilitator shreds them deliberately.
    const backups = within(archive).getByRole('region', { name: 'Ennen päättämistä tehdyt varmuuskopiot' });
    // The daily backup made at start and the safety copy made just before closing.
    expect(await within(backups).findByText('2 ennen päättämistä tehtyä varmuuskopiota sisältää yhä poistetut tiedot salattuina.')).toBeInTheDocument();
    expect(within(backups).getByText(/Uusin niistä on juuri ennen päättämistä tehty varmuuskopio/)).toBeInTheDocument();
    await user.click(within(backups).getByRole('button', { name: 'Poista ennen päättämistä tehdyt varmuuskopiot' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Poistetaanko 2 varmuuskopiota lopullisesti?' });
    await user.click(within(confirm).getByRole('button', { name: 'Poista lopullisesti' }));
    expect(await within(backups).findByRole('status')).toHaveTextContent('2 varmuuskopiota ylikirjoitettiin ja poistettiin.');
    expect(within(backups).getByText(/Ennen päättämistä tehtyjä varmuuskopioita ei ole jäljellä/)).toBeInTheDocument();
    expect(dispatch<unknown[]>('storage.backups')).toEqual([]);
  });

  it('offers to finish a wipe another application kept from finishing; the programme is closed meanwhile', async () => {
    const user = userEvent.setup();
    const dialog = await openClosingDialog(user);
    await user.click(within(dialog).getByRole('checkbox', { name: /Ymmärrän/ }));
    // Another program reading the file keeps the write-ahead log from being emptied.
    const reader = openStoreFile(real.backend.info().databasePath, { readonly: true, timeout: 0 });
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM meeting').get();
    try {
      await user.click(within(dialog).getByRole('button', { name: 'Poista lopullisesti' }));
      const archive = await screen.findByRole('region', { name: /^Päätetty ja arkistoitu/ });
      expect(within(archive).getByRole('alert')).toHaveTextContent('tiedoston siivous jäi kesken');
      expect(dispatch<ArchiveState>('summary.archiveState')).toMatchObject({ wipedAt: null });
      expect(screen.getByTestId('closed-notice')).toBeInTheDocument();
    } finally {
      reader.exec('COMMIT');
      reader.close();
    }
    const archive = screen.getByRole('region', { name: /^Päätetty ja arkistoitu/ });
    await user.click(within(archive).getByRole('button', { name: 'Vie tiedoston siivous loppuun' }));
    expect(await within(archive).findByText(/Luottamukselliset tiedot on poistettu ja tiedosto siivottu/)).toBeInTheDocument();
    await waitFor(() => expect(dispatch<ArchiveState>('summary.archiveState').wipedAt).not.toBeNull());
  });
});
