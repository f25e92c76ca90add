import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Survey } from '@shared/domain';
import { useAppStore } from '../../renderer/src/app/store';
import { FeedbackRoundPanel } from '../../renderer/src/features/feedback/FeedbackRoundPanel';
import { DeviceGate } from '../../renderer/src/features/feedback/PassTheDevice';
import { useFeedbackStore } from '../../renderer/src/features/feedback/store';
import { useMembersStore } from '../../renderer/src/features/members/store';
import { installRealBackend, renderWithI18n, SETUP, type RealBackend } from './harness';

let real: RealBackend;
let meetingId: number;

function dispatch<T>(name: string, input?: unknown): T {
  const result = real.backend.dispatch(name, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

beforeEach(() => {
  useAppStore.setState(useAppStore.getInitialState(), true);
  useFeedbackStore.setState(useFeedbackStore.getInitialState(), true);
  useMembersStore.setState(useMembersStore.getInitialState(), true);
  real = installRealBackend();
  dispatch('programme.setup', SETUP);
  meetingId = dispatch<{ id: number }>('plan.add', {
    plannedTheme: 'Tutustuminen',
    plannedDate: '2026-09-15',
    plannedMonth: null,
    place: '',
    format: null,
  }).id;
});
afterEach(() => real.dispose());

/** The meeting's day (in the past: a round is started on the meeting's day at the earliest). */
const HELD_ON = { plannedDate: '2026-09-15', plannedMonth: null };
const USEFUL = 'Tapaaminen oli minulle hyödyllinen.';
const KEEP = 'Yksi asia, joka kannattaa säilyttää';

// Whole flows against a real store: a busy machine needs more than the default five seconds.
describe('feedback round panel', { timeout: 20_000 }, () => {
  it('runs a pass-the-device round by keyboard: each respondent gets a clean form, the round ends only after confirmation', async () => {
    const user = userEvent.setup();
    // As in the app: the pass-round screen takes the place of everything else while the round is locked.
    renderWithI18n(
      <DeviceGate loading={null}>
        <FeedbackRoundPanel meetingId={meetingId} meetingNumber={1} when={HELD_ON} />
      </DeviceGate>,
    );
    await user.click(await screen.findByRole('button', { name: 'Aloita' }));
    // The facilitator locks it with a PIN, typed twice.
    const lock = await screen.findByRole('dialog', { name: 'Lukitse kiertonäkymä PIN-koodilla' });
    await user.type(within(lock).getByLabelText(/^Fasilitaattorin PIN-koodi/), '4821');
    await user.type(within(lock).getByLabelText(/^Sama PIN-koodi uudelleen/), '4821');
    await user.click(within(lock).getByRole('button', { name: 'Lukitse ja anna kone vastaajalle' }));
    const device = await screen.findByRole('dialog', { name: 'Palaute tapaamisesta 1' });
    expect(screen.queryByRole('region', { name: 'Palaute tapaamisesta 1' })).toBeNull();

    for (const [index, comment] of ['Hyvä tahti', 'Turvallinen ilmapiiri'].entries()) {
      await user.click(within(device).getByRole('button', { name: 'Aloita vastaaminen' }));
      // Nothing of the earlier respondent: no selection, empty text, and the text is nowhere in the document.
      expect(within(device).queryAllByRole('radio', { checked: true })).toEqual([]);
      expect(within(device).getByLabelText(KEEP)).toHaveValue('');
      if (index > 0) expect(screen.queryByText('Hyvä tahti')).toBeNull();

      // Keyboard only: Tab into the scale, arrows to choose, type the comment, Enter in no field submits.
      const scale = within(device).getByRole('radiogroup', { name: USEFUL });
      await user.click(within(scale).getByRole('radio', { name: '3' }));
      await user.keyboard('{ArrowRight}');
      expect(within(scale).getByRole('radio', { name: '4' })).toBeChecked();
      await user.click(within(device).getByLabelText(KEEP));
      await user.keyboard(comment);
      await user.click(within(device).getByRole('button', { name: 'Tallenna vastaukseni' }));
      await within(device).findByRole('heading', { name: /^Kiitos!/ });
    }
    expect(within(device).getByRole('status')).toHaveTextContent('2 vastausta tallennettu');
    // While locked, the store answers the respondents' calls only (the list of rounds is not one of them).
    expect(() => dispatch('feedback.surveys', { instrument: 'round' })).toThrow(/PIN/);
    expect(dispatch<Survey>('feedback.lockedRound')).toEqual(expect.objectContaining({ responses: 2, respondedMemberIds: [], status: 'open', locked: true }));

    // Only the facilitator's PIN leaves the screen; ending asks first, and Cancel keeps collecting.
    expect(within(device).queryByRole('button', { name: 'Lopeta kierros' })).toBeNull();
    await user.click(within(device).getByRole('button', { name: 'Fasilitaattori: poistu PIN-koodilla' }));
    await user.type(within(device).getByLabelText(/^PIN-koodi/), '4821');
    await user.click(within(device).getByRole('button', { name: 'Avaa' }));
    await user.click(await within(device).findByRole('button', { name: 'Lopeta kierros' }));
    const confirm = await screen.findByRole('alertdialog');
    await user.click(within(confirm).getByRole('button', { name: 'Peruuta' }));
    expect(dispatch<Survey[]>('feedback.surveys', { instrument: 'round' })[0]?.status).toBe('open');
    await user.click(within(device).getByRole('button', { name: 'Lopeta kierros' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Lopeta kierros' }));

    // Results: n, mean, the "too few" mark (2 answers), the comments.
    const panel = await screen.findByRole('region', { name: 'Tulokset' });
    const useful = within(panel).getAllByRole('listitem').find((li) => li.textContent?.includes(USEFUL))!;
    expect(useful).toHaveTextContent('n = 2');
    expect(useful).toHaveTextContent('4,0');
    expect(useful).toHaveTextContent('Liian vähän vastauksia raportoitavaksi');
    expect(within(panel).getByText('Hyvä tahti')).toBeInTheDocument();
    expect(within(panel).getByText('Turvallinen ilmapiiri')).toBeInTheDocument();
  });

  it('records answers by name and shows who has answered', async () => {
    const user = userEvent.setup();
    renderWithI18n(<FeedbackRoundPanel meetingId={meetingId} meetingNumber={1} when={HELD_ON} />);
    await user.click(await screen.findByText('Fasilitaattori kirjaa'));
    await user.click(screen.getByRole('button', { name: 'Aloita' }));
    await user.click(await screen.findByRole('button', { name: 'Kirjaa vastaukset: Sari Järvinen' }));
    await user.click(within(screen.getByRole('radiogroup', { name: USEFUL })).getByRole('radio', { name: '5' }));
    await user.click(screen.getByRole('button', { name: 'Tallenna vastaukset' }));
    expect(await screen.findByRole('button', { name: 'Korjaa vastauksia: Sari Järvinen' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Kirjaa vastaukset: Önni Mäkelä' })).toBeInTheDocument();
    const [survey] = dispatch<Survey[]>('feedback.surveys', { instrument: 'round' });
    expect(survey?.respondedMemberIds).toHaveLength(1);

    // Correcting shows what was recorded.
    await user.click(screen.getByRole('button', { name: 'Korjaa vastauksia: Sari Järvinen' }));
    await waitFor(() => expect(within(screen.getByRole('radiogroup', { name: USEFUL })).getByRole('radio', { name: '5' })).toBeChecked());
  });

  it('moves focus into the answer form after "Kirjaa vastaukset", and back to the member after saving', async () => {
    const user = userEvent.setup();
    renderWithI18n(<FeedbackRoundPanel meetingId={meetingId} meetingNumber={1} when={HELD_ON} />);
    await user.click(await screen.findByText('Fasilitaattori kirjaa'));
    await user.click(screen.getByRole('button', { name: 'Aloita' }));
    const record = await screen.findByRole('button', { name: 'Kirjaa vastaukset: Sari Järvinen' });
    record.focus();
    await user.keyboard('{Enter}');
    const firstQuestion = await screen.findByRole('radiogroup', { name: USEFUL });
    await waitFor(() => expect(firstQuestion).toContainElement(document.activeElement as HTMLElement));
    await user.keyboard('{ArrowRight}');
    await user.click(screen.getByRole('button', { name: 'Tallenna vastaukset' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Korjaa vastauksia: Sari Järvinen' })).toHaveFocus());
  });

  it('says why an empty round cannot be ended, and keeps it open', async () => {
    const user = userEvent.setup();
    renderWithI18n(<FeedbackRoundPanel meetingId={meetingId} meetingNumber={1} when={HELD_ON} />);
    await user.click(await screen.findByText('Fasilitaattori kirjaa'));
    await user.click(screen.getByRole('button', { name: 'Aloita' }));
    await user.click(await screen.findByRole('button', { name: 'Lopeta kierros' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Lopeta kierros' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Kukaan ei ole vielä vastannut, joten kierrosta ei voi lopettaa.');
    expect(dispatch<Survey[]>('feedback.surveys', { instrument: 'round' })[0]?.status).toBe('open');
  });
});
