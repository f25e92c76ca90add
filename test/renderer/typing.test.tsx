import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MeetingDetail } from '@shared/domain';
import { App } from '../../renderer/src/app/App';
import { useAppStore } from '../../renderer/src/app/store';
import { useMeetingsStore } from '../../renderer/src/features/meetings/store';
import { useMembersStore } from '../../renderer/src/features/members/store';
import { flushAll } from '../../renderer/src/lib/saveRegistry';
import { installRealBackend, SETUP, type RealBackend } from './harness';
import { recordRenders, type Rendered } from './render-log';

/**
 * Typing re-renders the field and nothing else (issue 13, "typing never waits"): a keystroke in
 * the notes of an open meeting must not render the meeting view, the notes card or anything
 * around them. What renders is read from React itself (render-log.ts), commit by commit.
 */
let real: RealBackend;
let meetingId: number;
const NOTES = 'Muistiinpanoja tapaamisesta. '.repeat(400);

function dispatch<T>(name: string, input?: unknown): T {
  const result = real.backend.dispatch(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as T;
}

beforeEach(() => {
  for (const store of [useAppStore, useMeetingsStore, useMembersStore]) {
    (store as { setState: (s: unknown, replace: true) => void; getInitialState: () => unknown }).setState(store.getInitialState(), true);
  }
  real = installRealBackend();
  dispatch('programme.setup', SETUP);
  meetingId = dispatch<{ id: number }>('plan.add', { plannedDate: '2026-09-15', plannedMonth: null, plannedTheme: 'Tutustuminen', place: '', format: null }).id;
  dispatch('meetings.saveNotes', { id: meetingId, notes: NOTES });
});

afterEach(async () => {
  await act(() => flushAll());
  real.dispose();
});

/** The notes field of the open meeting, with the caret after its text. */
async function openNotes(u: ReturnType<typeof userEvent.setup>) {
  render(<App />);
  const nav = await screen.findByRole('navigation', { name: 'Päävalikko' });
  await u.click(within(nav).getByRole('button', { name: 'Tapaamiset' }));
  await u.click(await screen.findByRole('button', { name: 'Avaa tapaaminen 1' }));
  const notes = await screen.findByRole('textbox', { name: /^Muistiinpanot/ });
  await waitFor(() => expect(notes).toHaveValue(NOTES));
  await u.click(notes);
  (notes as HTMLTextAreaElement).setSelectionRange(NOTES.length, NOTES.length);
  return notes;
}

/** Components that rendered outside the notes field (TextAreaInput and what it contains). */
const outsideField = (commits: Rendered[][]) =>
  commits.flat().filter((r) => r.name !== 'TextAreaInput' && !r.owners.includes('TextAreaInput')).map((r) => `${r.name} (in ${r.owners.slice(0, 3).join(' < ')})`);

describe('typing in the notes of an open meeting', { timeout: 30_000 }, () => {
  it('re-renders only the field, once per keystroke', async () => {
    // No pauses: every keystroke arrives before the autosave's delay is over.
    const u = userEvent.setup({ delay: null });
    const notes = await openNotes(u);
    await u.keyboard('A'); // the first keystroke turns the indicator to "not saved yet": one render of the card
    const renders = recordRenders();
    await u.keyboard('bcdefghijk');
    const commits = renders.stop();

    expect(notes).toHaveValue(`${NOTES}Abcdefghijk`);
    expect(outsideField(commits)).toEqual([]);
    expect(commits.flat().filter((r) => r.name === 'TextAreaInput')).toHaveLength(10);
  });

  it('saves when typing stops, rendering the notes card and nothing else of the meeting', async () => {
    const u = userEvent.setup({ delay: null });
    const notes = await openNotes(u);
    await u.keyboard(' Lisäys.');
    const renders = recordRenders();
    await waitFor(() => expect(screen.getByRole('region', { name: 'Muistiinpanot' })).toHaveTextContent('Tallennettu'), { timeout: 4000 });
    const commits = renders.stop();

    expect(notes).toHaveValue(`${NOTES} Lisäys.`);
    expect(dispatch<MeetingDetail>('meetings.get', { id: meetingId }).notes).toBe(`${NOTES} Lisäys.`);
    expect(useMeetingsStore.getState().detail?.notes).toBe(`${NOTES} Lisäys.`); // the store has the newest text
    const outsideCard = commits.flat().filter((r) => r.name !== 'Notes' && !r.owners.includes('Notes'));
    expect(outsideCard.map((r) => r.name)).toEqual([]);
  });
});
