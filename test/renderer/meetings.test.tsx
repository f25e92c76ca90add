import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MeetingDetail, Member } from '@shared/domain';
import { Highlighted } from '../../renderer/src/features/meetings/SearchPanel';
import { Actions } from '../../renderer/src/features/meetings/parts/Actions';
import { Notes } from '../../renderer/src/features/meetings/parts/Notes';
import { Themes } from '../../renderer/src/features/meetings/parts/Themes';
import { useMeetingsStore } from '../../renderer/src/features/meetings/store';
import { flushAll, hasUnsaved, installCloseGuard } from '../../renderer/src/lib/saveRegistry';
import { installRealBackend, renderWithI18n, SETUP, type RealBackend } from './harness';

let real: RealBackend;
let meetingId: number;

const detail = (): MeetingDetail => {
  const result = real.backend.dispatch('meetings.get', { id: meetingId });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as MeetingDetail;
};

beforeEach(() => {
  real = installRealBackend();
  real.backend.dispatch('programme.setup', SETUP);
  const added = real.backend.dispatch('plan.add', {
    plannedDate: '2026-10-13',
    plannedMonth: null,
    plannedTheme: 'Työhyvinvointi',
    place: '',
    format: null,
  });
  if (!added.ok) throw new Error(added.error.message);
  meetingId = (added.value as { id: number }).id;
});
afterEach(() => real.dispose());

describe('notes', { timeout: 20_000 }, () => {
  it('saves while typing and says so', async () => {
    const user = userEvent.setup();
    renderWithI18n(<Notes meetingId={meetingId} />);
    await user.type(screen.getByRole('textbox', { name: /^Muistiinpanot/ }), 'Hyvä keskustelu äänestä');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Tallennettu'), { timeout: 3000 });
    expect(detail().notes).toBe('Hyvä keskustelu äänestä');
  });

  it('flushes unsaved typing when the window is about to close, before the debounce', async () => {
    installCloseGuard();
    const close = vi.spyOn(window, 'close').mockImplementation(() => undefined);
    const user = userEvent.setup();
    renderWithI18n(<Notes meetingId={meetingId} />);
    await user.type(screen.getByRole('textbox', { name: /^Muistiinpanot/ }), 'Viimeiset sanat');
    expect(hasUnsaved()).toBe(true);
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true); // the close waits for the save
    await act(() => flushAll());
    expect(detail().notes).toBe('Viimeiset sanat');
    expect(hasUnsaved()).toBe(false);
    await waitFor(() => expect(close).toHaveBeenCalled()); // and then the window closes after all
    close.mockRestore();
  });

  it('flushes when the view closes (navigation)', async () => {
    const user = userEvent.setup();
    const view = renderWithI18n(<Notes meetingId={meetingId} />);
    await user.type(screen.getByRole('textbox', { name: /^Muistiinpanot/ }), 'Ennen siirtymistä');
    view.unmount();
    await waitFor(() => expect(detail().notes).toBe('Ennen siirtymistä'));
  });
});

describe('themes', { timeout: 20_000 }, () => {
  it('adds the planned theme with one press and a new theme with Enter', async () => {
    useMeetingsStore.setState(useMeetingsStore.getInitialState(), true);
    await act(() => useMeetingsStore.getState().open(meetingId));
    function OpenMeetingThemes() {
      const open = useMeetingsStore((s) => s.detail);
      return open ? <Themes detail={open} /> : null;
    }
    const user = userEvent.setup();
    renderWithI18n(<OpenMeetingThemes />);
    await user.click(screen.getByRole('button', { name: 'Lisää suunniteltu teema: Työhyvinvointi' }));
    await waitFor(() => expect(detail().themes.map((t) => t.name)).toEqual(['Työhyvinvointi']));
    await user.type(screen.getByRole('textbox', { name: 'Teema' }), 'Muutosjohtaminen{Enter}');
    await waitFor(() => expect(detail().themes.map((t) => t.name)).toEqual(['Työhyvinvointi', 'Muutosjohtaminen']));
    expect(await screen.findByRole('list', { name: 'Käsitellyt teemat' })).toHaveTextContent('Muutosjohtaminen');
    expect(screen.getByRole('textbox', { name: 'Teema' })).toHaveValue('');
  });
});

describe('adding an action by keyboard', { timeout: 20_000 }, () => {
  function OpenMeetingActions() {
    const open = useMeetingsStore((s) => s.detail);
    const result = real.backend.dispatch('members.list', undefined);
    const members = (result.ok ? result.value : []) as Member[];
    return open ? <Actions detail={open} members={members} /> : null;
  }
  const renderActions = async () => {
    useMeetingsStore.setState(useMeetingsStore.getInitialState(), true);
    await act(() => useMeetingsStore.getState().open(meetingId));
    renderWithI18n(<OpenMeetingActions />);
  };
  // The adder's date is the only date on screen while no action has been added.
  const firstSegment = () => screen.getAllByRole('spinbutton')[0]!;

  it('adds the action when Enter is pressed in the due date, and goes back to the text for the next one', async () => {
    await renderActions();
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: /Mitä/ }), 'Kokeillaan aamupalaveria');
    await user.click(firstSegment());
    await user.keyboard('20102026');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(detail().actions.map((a) => [a.text, a.dueDate])).toEqual([['Kokeillaan aamupalaveria', '2026-10-20']]));
    const adder = screen.getByRole('form', { name: 'Lisää toimi' });
    await waitFor(() => expect(within(adder).getByRole('textbox', { name: /Mitä/ })).toHaveFocus());
  });

  it('adds an action without a due date with Enter in the empty date, too', async () => {
    await renderActions();
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: /Mitä/ }), 'Jaetaan kokemuksia');
    await user.click(firstSegment());
    await user.keyboard('{Enter}');
    await waitFor(() => expect(detail().actions.map((a) => [a.text, a.dueDate])).toEqual([['Jaetaan kokemuksia', null]]));
  });

  it('moves from the due date straight to the add button with Tab (the calendar opens with Alt+Down)', async () => {
    await renderActions();
    const user = userEvent.setup();
    await user.click(firstSegment());
    await user.keyboard('20102026');
    await user.tab();
    expect(screen.getByRole('button', { name: 'Lisää toimi' })).toHaveFocus();
  });
});

describe('search highlighting', () => {
  it('marks the matched words and never interprets the text as HTML', () => {
    render(<Highlighted snippet={'Puhuimme \u0002kehityksestä\u0003 <b>ja</b> \u0002kehityksestä\u0003'} />);
    const marks = document.querySelectorAll('mark');
    expect([...marks].map((m) => m.textContent)).toEqual(['kehityksestä', 'kehityksestä']);
    expect(document.querySelector('b')).toBeNull();
    expect(document.body).toHaveTextContent('Puhuimme kehityksestä <b>ja</b> kehityksestä');
  });
});


