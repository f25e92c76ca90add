import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useAppStore } from '../../renderer/src/app/store';
import { EarlyWarnings } from '../../renderer/src/features/health/EarlyWarnings';
import { useHealthStore } from '../../renderer/src/features/health/store';
import { installRealBackend, renderWithI18n, SETUP, type RealBackend } from './harness';

/** Early warnings on the meetings page, from a real store: a struggling group and a healthy one. */
let real: RealBackend;

/** `days` from today, as `YYYY-MM-DD` (the backend judges against the real today). */
const fromToday = (days: number) => {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

function ok<T>(name: string, input: unknown): T {
  const result = real.backend.dispatch(name as never, input as never);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

beforeEach(() => {
  useAppStore.setState(useAppStore.getInitialState(), true);
  useHealthStore.setState(useHealthStore.getInitialState(), true);
  real = installRealBackend();
  ok('programme.setup', { ...SETUP, programme: { ...SETUP.programme, startDate: fromToday(-150), endDate: fromToday(150) } });
});
afterEach(() => real.dispose());

/** Held meetings every two weeks at these offsets, with these members present (of two). */
function held(meetings: { day: number; present: number }[]) {
  const members = ok<{ id: number }[]>('members.list', undefined);
  for (const { day, present } of meetings) {
    const { id } = ok<{ id: number }>('plan.add', { plannedDate: fromToday(day), plannedMonth: null, plannedTheme: '', place: '', format: null });
    members.forEach((member, i) => ok('meetings.setAttendance', { meetingId: id, memberId: member.id, present: i < present, absenceReason: '' }));
    ok('meetings.setHeld', { id, held: true });
  }
}

describe('early warnings', () => {
  it('warn about low attendance and a long gap, each with what to try (fi)', async () => {
    useAppStore.setState({ language: 'fi' });
    held([
      { day: -70, present: 2 },
      { day: -56, present: 0 },
      { day: -42, present: 0 },
    ]);
    renderWithI18n(<EarlyWarnings />);
    const warnings = await screen.findByRole('list', { name: 'Varhaiset varoitukset' });
    const items = within(warnings).getAllByRole('listitem').filter((li) => li.parentElement === warnings);
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('Alle puolet ryhmästä oli paikalla useammassa tapaamisessa peräkkäin (tapaamiset 2, 3).');
    expect(within(items[0]!).getByRole('list', { name: 'Mitä voit kokeilla' })).toHaveTextContent('Ottakaa ajankäyttö puheeksi');
    expect(items[1]).toHaveTextContent('Edellisestä tapaamisesta on kulunut 42 päivää, vaikka tavallinen väli on noin 14 päivää.');
    expect(screen.getByText('0/2 paikalla tapaamisessa 3')).toBeInTheDocument();
    expect(screen.getByText('Nämä tiedot ovat vain sinulle. Ne eivät tule johdon yhteenvetoon.')).toBeInTheDocument();
  });

  it('stay quiet for a group that is doing well (en)', async () => {
    useAppStore.setState({ language: 'en' });
    held([
      { day: -42, present: 1 },
      { day: -28, present: 2 },
      { day: -14, present: 1 },
    ]);
    ok('plan.add', { plannedDate: fromToday(14), plannedMonth: null, plannedTheme: '', place: '', format: null });
    // One feedback round in meeting 3: scale answers 4, 5, 5 and 4 average 4.5.
    const { questions } = ok<{ questions: { id: number; kind: string; scaleMax: number | null }[] }>('feedback.questions', { instrument: 'round' });
    const scales = questions.filter((q) => q.kind === 'scale' && q.scaleMax === 5).slice(0, 2);
    const survey = ok<{ id: number }>('feedback.start', { instrument: 'round', meetingId: 3, phase: null, anonymous: true });
    for (const [a, b] of [
      [4, 5],
      [5, 4],
    ])
      ok('feedback.submit', { surveyId: survey.id, memberId: null, answers: scales.map((q, i) => ({ questionId: q.id, score: i === 0 ? a : b, choice: null, text: '' })) });
    expect((await real.backend.call('feedback.end', { id: survey.id })).ok).toBe(true);
    renderWithI18n(<EarlyWarnings />, 'en');
    expect(await screen.findByText(/Nothing to flag/)).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Early warnings' })).toBeNull();
    expect(screen.getByText('1/2 present in meeting 3')).toBeInTheDocument();
    expect(screen.getByText('14 days since the last meeting (usual gap 14 days)')).toBeInTheDocument();
    expect(screen.getByText('average 4.5 / 5 in meeting 3')).toBeInTheDocument();
  });
});
