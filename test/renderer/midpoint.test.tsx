import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatDate, todayIso } from '../../renderer/src/app/i18n';
import { useAppStore } from '../../renderer/src/app/store';
import { useFeedbackStore } from '../../renderer/src/features/feedback/store';
import { MidpointTab } from '../../renderer/src/features/midpoint/MidpointTab';
import { useMidpointStore } from '../../renderer/src/features/midpoint/store';
import { installRealBackend, renderWithI18n, SETUP, type RealBackend } from './harness';

/** The mid-point check: planned automatically, moved by the facilitator, and its outcome made an agreed version. */
let real: RealBackend;

function ok<T>(name: string, input?: unknown): T {
  const result = real.backend.dispatch(name as never, input as never);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as T;
}

beforeEach(() => {
  useAppStore.setState(useAppStore.getInitialState(), true);
  useFeedbackStore.setState(useFeedbackStore.getInitialState(), true);
  useMidpointStore.setState(useMidpointStore.getInitialState(), true);
  real = installRealBackend();
  ok('programme.setup', SETUP);
});
afterEach(() => real.dispose());

const plan = (plannedDate: string) => ok<{ id: number }>('plan.add', { plannedDate, plannedMonth: null, plannedTheme: '', place: '', format: null }).id;

/** Three anonymous answers to the check in `meetingId`, then ended. */
async function runCheck(meetingId: number) {
  const { questions } = ok<{ questions: { id: number; preset: string }[] }>('feedback.questions', { instrument: 'midpoint' });
  const q = (preset: string) => questions.find((x) => x.preset === preset)!.id;
  const survey = ok<{ id: number }>('feedback.start', { instrument: 'midpoint', meetingId, phase: null, anonymous: true });
  for (let i = 0; i < 3; i++) {
    ok('feedback.submit', {
      surveyId: survey.id,
      memberId: null,
      answers: [
        { questionId: q('goalsRight'), score: null, choice: 'partly', text: '' },
        { questionId: q('rhythmRight'), score: null, choice: 'tooRarely', text: '' },
      ],
    });
  }
  const ended = await real.backend.call('feedback.end', { id: survey.id });
  expect(ended.ok).toBe(true);
}

describe('the mid-point check', () => {
  it('is planned for the meeting nearest the midpoint; the facilitator can move it and go back', async () => {
    useAppStore.setState({ language: 'fi' });
    plan('2026-09-15');
    plan('2026-11-10');
    plan('2027-01-19');
    const user = userEvent.setup();
    renderWithI18n(<MidpointTab />);
    expect(await screen.findByText('Ohjelman puoliväli on 30.11.2026.')).toBeInTheDocument();
    expect(screen.getByText('Väliarviointi on suunniteltu tapaamiseen 2 (10.11.2026), joka on lähinnä puoliväliä.')).toBeInTheDocument();
    const select = screen.getByLabelText('Tapaaminen, jossa väliarviointi pidetään');
    await user.selectOptions(select, 'Tapaaminen 1 (15.9.2026)');
    expect(await screen.findByText('Väliarviointi on suunniteltu valitsemaasi tapaamiseen 1 (15.9.2026).')).toBeInTheDocument();
    expect(ok<{ chosenMeetingId: number | null }>('midpoint.get').chosenMeetingId).toBe(1);
    await user.selectOptions(select, 'Lähinnä puoliväliä (tapaaminen 2)');
    expect(await screen.findByText(/tapaamiseen 2 \(10.11.2026\), joka on lähinnä puoliväliä/)).toBeInTheDocument();
    expect(ok<{ chosenMeetingId: number | null }>('midpoint.get').chosenMeetingId).toBeNull();
    expect(screen.getByText(/Kun väliarviointi on päätetty/)).toBeInTheDocument();
  });

  it('once ended, makes the edited draft the next agreed version, once (en)', async () => {
    useAppStore.setState({ language: 'en' });
    plan('2026-09-15');
    const middle = plan('2026-11-10');
    ok('agreement.start', { template: 'fi' });
    ok('agreement.saveVersion', { agreedOn: '2026-09-15', note: '' });
    const user = userEvent.setup();
    renderWithI18n(<MidpointTab />, 'en');
    expect(await screen.findByText(/planned for meeting 2/)).toBeInTheDocument();
    await runCheck(middle);
    await act(() => useMidpointStore.getState().load());
    expect(screen.getByText('The mid-point check has started, so its meeting can no longer be changed.')).toBeInTheDocument();
    expect(screen.queryByLabelText('Meeting where the mid-point check is held')).toBeNull();
    // The draft not edited yet: refused, and the screen says why.
    await user.click(screen.getByRole('button', { name: 'Save new agreement version' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/same as/i);
    expect(ok<{ versions: unknown[] }>('agreement.get').versions).toHaveLength(1);
    ok('agreement.addRule', { text: 'We meet every three weeks.' });
    await user.click(screen.getByRole('button', { name: 'Save new agreement version' }));
    const today = formatDate(todayIso(), 'en');
    expect(await screen.findByText(`Agreement version 2 was made from the mid-point check (${today}).`)).toBeInTheDocument();
    await waitFor(() => expect(ok<{ versions: { note: string }[] }>('agreement.get').versions.map((v) => v.note)).toEqual(['', 'Changes agreed in the mid-point check']));
  });
});
