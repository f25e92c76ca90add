import type { Backend } from '../../electron/main/services/backend';

/** Any way of calling the app's API: the backend directly (service tests) or the page (end-to-end). */
export type Caller = <T = unknown>(name: string, input?: unknown) => Promise<T>;

export const backendCaller =
  (backend: Backend): Caller =>
  async <T,>(name: string, input?: unknown) =>
    mustAsync<T>(backend, name, input);

/**
 * A programme in which every confidential field holds a unique marker (`SALAINEN-…`), and every
 * shareable item a marker of its own (`JAETTAVA-…`). Built through the app's own calls.
 */
export const SECRET = 'SALAINEN';
export const SHARED = 'JAETTAVA';

/** The same for calls that answer asynchronously (file exports). */
export async function mustAsync<T = unknown>(backend: Backend, name: string, input?: unknown): Promise<T> {
  const result = await backend.call(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

export function must<T = unknown>(backend: Backend, name: string, input?: unknown): T {
  const result = backend.dispatch(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message} ${JSON.stringify(result.error.issues ?? [])}`);
  return result.value as T;
}

interface Q {
  id: number;
  preset: string | null;
  kind: string;
}

const questionsOf = async (call: Caller, instrument: string) => (await call<{ questions: Q[] }>('feedback.questions', { instrument })).questions;

function answers(qs: Q[], values: Record<string, number | string>) {
  return Object.entries(values).map(([preset, value]) => {
    const q = qs.find((x) => x.preset === preset);
    if (!q) throw new Error(`no question ${preset}`);
    return { questionId: q.id, score: q.kind === 'scale' ? value : null, choice: q.kind === 'choice' ? value : null, text: q.kind === 'text' ? value : '' };
  });
}

async function session(call: Caller, start: { instrument: string; meetingId?: number; phase?: string; anonymous: boolean }, respondents: { memberId: number | null; values: Record<string, number | string> }[]) {
  const qs = await questionsOf(call, start.instrument);
  const survey = await call<{ id: number }>('feedback.start', {
    instrument: start.instrument,
    meetingId: start.meetingId ?? null,
    phase: start.phase ?? null,
    anonymous: start.anonymous,
  });
  for (const r of respondents) await call('feedback.submit', { surveyId: survey.id, memberId: r.memberId, answers: answers(qs, r.values) });
  await call('feedback.end', { id: survey.id });
  return survey.id;
}

export interface Fixture {
  secrets: string[];
  ideas: string[];
  quote: string;
  meetingIds: number[];
  /** The round with two answers (meeting 1): nothing from it may reach the summary. */
  smallRound: number;
}

/**
 * `markerFor` makes the text of each confidential field; by default `SALAINEN-<field>-<n>x`
 * (the forensic tests pass distinctive lower-case words instead).
 */
export async function buildLeakFixture(call: Caller, meetings = 6, markerFor?: (what: string) => string): Promise<Fixture> {
  const secrets: string[] = [];
  const secret = (what: string) => {
    const marker = markerFor ? markerFor(what) : `${SECRET}-${what}-${secrets.length}x`;
    secrets.push(marker);
    return marker;
  };
  await call('programme.setup', {
    programme: { name: 'Esihenkilöiden vertaismentorointi', organisation: 'Itä-Suomen virasto', facilitatorName: 'Päivi Äijälä', startDate: '2025-09-01', endDate: '2026-06-30' },
    members: ['Önni Mäkelä', 'Sari Järvinen', 'Jukka Kärkkäinen', 'Liisa Öhman', 'Aino Väänänen'].map((name) => ({ name, role: '', email: '' })),
  });
  await call('agreement.start', { template: 'fi' });
  const members = await call<{ id: number }[]>('members.list');
  const existing = await call<{ id: number }[]>('plan.list');
  const meetingIds = existing.map((m) => m.id).slice(0, meetings);
  while (meetingIds.length < meetings) {
    const day = new Date(Date.UTC(2026, 2, 1 + meetingIds.length * 7)).toISOString().slice(0, 10);
    meetingIds.push((await call<{ id: number }>('plan.add', { plannedDate: day, plannedMonth: null, plannedTheme: 'Lisätapaaminen', place: 'Huone', format: 'office' })).id);
  }
  const ideas: string[] = [];
  let smallRound = 0;
  for (const [index, id] of meetingIds.entries()) {
    await call('meetings.saveNotes', { id, notes: `Muistiinpano ${secret('notes')} äöå` });
    for (const [i, member] of members.entries()) {
      const absent = i === index % members.length;
      await call('meetings.setAttendance', { meetingId: id, memberId: member.id, present: !absent, absenceReason: absent ? secret('absence') : '' });
    }
    await call('themes.addToMeeting', { meetingId: id, name: index % 2 === 0 ? 'Työhyvinvointi' : 'Muutosjohtaminen' });
    await call('actions.add', { meetingId: id, text: secret('action'), ownerMemberId: members[0]!.id, dueDate: null });
    await call('tasks.add', { meetingId: id, text: secret('task') });
    const idea = `${SHARED}-idea-${index} yhteinen perehdytyspäivä`;
    ideas.push(idea);
    await call('ideas.add', { meetingId: id, text: idea });
    await call('meetings.setHeld', { id, held: true });
    // Meeting 1's round has only two answers: under the minimum, it must never be reported.
    const respondents = index === 0 ? 2 : 4;
    const surveyId = await session(
      call,
      { instrument: 'round', meetingId: id, anonymous: index % 2 === 0 },
      Array.from({ length: respondents }, (_, r) => ({
        memberId: index % 2 === 0 ? null : members[r]!.id,
        values: { usefulness: 3 + (r % 3), dialogue: 4, keep: secret('keep'), change: secret('change') },
      })),
    );
    if (index === 0) smallRound = surveyId;
  }
  for (const phase of ['start', 'end']) {
    await session(
      call,
      { instrument: 'selfcheck', phase, anonymous: true },
      [0, 1, 2, 3].map(() => ({ memberId: null, values: { know: phase === 'start' ? 5 : 7, can: 6, able: 4, want: 8 } })),
    );
  }
  const evaluation = await session(
    call,
    { instrument: 'evaluation', anonymous: true },
    [0, 1, 2, 3].map((r) => ({
      memberId: null,
      values: { wellbeing: 4, peerLearning: 5, atmosphere: 5, again: r === 0 ? 'maybe' : 'yes', continuation: 'regular', learned: secret('learned'), changedWork: secret('changed'), mostValuable: secret('valuable') },
    })),
  );
  // One open answer is shared, in an approved wording; its original text stays confidential.
  const results = await call<{ questions: { question: { preset: string | null }; texts: { responseId: number; questionId: number; text: string }[] }[] }>('feedback.results', { id: evaluation });
  const valuable = results.questions.find((q) => q.question.preset === 'mostValuable')!.texts[0]!;
  const quote = `${SHARED}-quote: vertaisten tuki oli arvokkainta`;
  await call('feedback.share', { responseId: valuable.responseId, questionId: valuable.questionId, sharedText: quote });
  // A quote from the round with two answers is refused: fewer than three answers never leave.
  const small = await call<typeof results>('feedback.results', { id: smallRound });
  const few = small.questions.find((q) => q.question.preset === 'keep')!.texts[0]!;
  const smallQuote = secret('small-round quote');
  const accepted = await call('feedback.share', { responseId: few.responseId, questionId: few.questionId, sharedText: smallQuote }).then(
    () => true,
    () => false,
  );
  if (accepted) throw new Error('A quote from a round with fewer than three answers was accepted as shareable.');
  await call('evaluation.saveDecision', { decision: 'regular', rationale: 'Ryhmä haluaa jatkaa kuukausittain.', decidedOn: '2026-06-01' });
  return { secrets, ideas, quote, meetingIds, smallRound };
}
