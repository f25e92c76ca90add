import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useAppStore } from '../../renderer/src/app/store';
import { BriefPanel } from '../../renderer/src/features/brief/BriefPanel';
import { useBriefStore } from '../../renderer/src/features/brief/store';
import { installRealBackend, renderWithI18n, SETUP, type RealBackend } from './harness';

/** The meeting brief on screen (the PDF's own document model) and saved as a PDF. */
let real: RealBackend;

beforeEach(() => {
  useAppStore.setState(useAppStore.getInitialState(), true);
  useBriefStore.setState(useBriefStore.getInitialState(), true);
  real = installRealBackend();
  real.backend.dispatch('programme.setup', SETUP);
});
afterEach(() => real.dispose());

function ok<T>(name: string, input: unknown): T {
  const result = real.backend.dispatch(name as never, input as never);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

/** Meeting 1 agreed an action for Önni; meeting 2 is next, with a prompt and Sari away. */
function twoMeetings() {
  const first = ok<{ id: number }>('plan.add', { plannedDate: '2026-09-08', plannedMonth: null, plannedTheme: 'Tutustuminen', place: '', format: null });
  const second = ok<{ id: number }>('plan.add', { plannedDate: '2026-10-05', plannedMonth: null, plannedTheme: 'Palautteen antaminen', place: 'Kahvila Äijä', format: 'cafe' });
  const [onni, sari] = ok<{ id: number; name: string }[]>('members.list', undefined);
  ok('actions.add', { meetingId: first.id, text: 'Kokeilla viikkopalaveria', ownerMemberId: onni!.id, dueDate: '2026-10-01' });
  ok('meetings.saveNotes', { id: first.id, notes: 'Muistiinpano, jota ei näytetä' });
  ok('prompts.add', { meetingId: second.id, moment: 'checkin', bankKey: 'during.since', text: '' });
  ok('meetings.setAttendance', { meetingId: second.id, memberId: sari!.id, present: false, absenceReason: 'Syy, jota ei näytetä' });
  return second.id;
}

describe('the meeting brief', () => {
  it('opens on screen with the theme, the action carried over, its owner, who is away and the prompt; never notes or reasons', async () => {
    useAppStore.setState({ language: 'fi' });
    const id = twoMeetings();
    const user = userEvent.setup();
    renderWithI18n(<BriefPanel meetingId={id} />);
    expect(screen.getByRole('heading', { name: 'Muistilista ennen tapaamista' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Näytä muistilista' }));
    const page = await screen.findByRole('article', { name: /Muistilista: tapaaminen 2/ });
    expect(within(page).getByText(/Luottamuksellinen: vain fasilitaattorin käyttöön/)).toBeInTheDocument();
    expect(page).toHaveTextContent('Palautteen antaminen');
    expect(within(page).getByRole('cell', { name: 'Kokeilla viikkopalaveria' })).toBeInTheDocument();
    expect(within(page).getByRole('cell', { name: 'Önni Mäkelä' })).toBeInTheDocument();
    expect(page).toHaveTextContent('Sari Järvinen');
    expect(page).toHaveTextContent('Mitä on tapahtunut edellisen tapaamisen jälkeen?');
    expect(page).not.toHaveTextContent('ei näytetä');
    expect(screen.getByRole('button', { name: 'Piilota muistilista' })).toHaveAttribute('aria-expanded', 'true');
  });

  // The PDF itself is made by the export worker, which does not start under jsdom: the service test
  // (test/services/brief.test.ts) reads the PDF, and the e2e spec saves it through this button.
  it('in English, hidden again with the same button', async () => {
    useAppStore.setState({ language: 'en' });
    const id = twoMeetings();
    const user = userEvent.setup();
    renderWithI18n(<BriefPanel meetingId={id} />, 'en');
    await user.click(screen.getByRole('button', { name: 'Show the brief' }));
    const page = await screen.findByRole('article', { name: /Brief: meeting 2/ });
    expect(page).toHaveTextContent('Confidential: for the facilitator only.');
    expect(page).toHaveTextContent('What has happened since the last meeting?');
    await user.click(screen.getByRole('button', { name: 'Hide the brief' }));
    expect(screen.queryByRole('article')).toBeNull();
    expect(screen.getByRole('button', { name: 'Save the brief (PDF)' })).toBeEnabled();
  });
});
