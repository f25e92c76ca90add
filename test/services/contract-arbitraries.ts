import fc from 'fast-check';
import type { CallInput, CallName } from '@shared/contract';
import {
  CONTINUATIONS,
  GOAL_KINDS,
  INSTRUMENTS,
  MEETING_FORMATS,
  PROMPT_KEYS,
  PROMPT_MOMENTS,
  SUMMARY_SECTIONS,
  type SummarySections,
} from '@shared/domain';

/**
 * Valid-looking input for every synchronous call of the contract: the right shapes, with ids that
 * mostly name records of the seeded store, dates around the programme (and far outside it), and
 * text that now and then holds what the store refuses. The type makes a new call fail to compile
 * until it has an arbitrary here.
 */
/** Every call but the exports (files, not records) and storage (the file itself: locks, backups, moves). */
export type SyncCall = Exclude<CallName, 'agreement.export' | 'summary.export' | 'calendar.export' | 'brief.export' | `storage.${string}`>;

/** `YYYY-MM-DD`, `offset` days from `today`. */
export function dayFrom(today: string, offset: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + offset)).toISOString().slice(0, 10);
}

const LETTERS = [...'aäöeiklmnoprstuvyjhAÄÖEJKLMPST ', ' ', '.', ',', '-'];
/** What a person does not type and the store must refuse or keep out of one-line fields. */
const ODD = ['\0', '\uD800', '\uDFFF', '\uDBFF', '\u200B', '\u200D', '\uFEFF', '\n', '\r', '\t', '\u0007', '\u2028', '\u0085', '\u0301', '🙂'];
const unit = fc.oneof({ weight: 25, arbitrary: fc.constantFrom(...LETTERS) }, { weight: 1, arbitrary: fc.constantFrom(...ODD) });
const text = (maxLength = 24) => fc.string({ unit, maxLength });
const nonEmpty = (maxLength = 24) => fc.string({ unit, minLength: 1, maxLength });

const id = (max: number) => fc.oneof({ weight: 12, arbitrary: fc.integer({ min: 1, max }) }, { weight: 1, arbitrary: fc.constant(999_999) });
const meetingId = id(9);
const memberId = id(6);
const itemId = id(5);

export function inputArbitraries(today: string): { [K in SyncCall]: fc.Arbitrary<CallInput<K>> } {
  const day = fc.oneof(
    { weight: 20, arbitrary: fc.integer({ min: -200, max: 200 }).map((offset) => dayFrom(today, offset)) },
    { weight: 1, arbitrary: fc.constantFrom('1900-01-01', '2061-05-01', '2000-02-29') },
  );
  const month = day.map((d) => d.slice(0, 7));
  const when = fc.oneof(
    fc.record({ plannedDate: day, plannedMonth: fc.constant(null) }),
    fc.record({ plannedDate: fc.constant(null), plannedMonth: month }),
    fc.record({ plannedDate: fc.constant(null), plannedMonth: fc.constant(null) }),
  );
  const planFields = { plannedTheme: text(), place: text(), format: fc.option(fc.constantFrom(...MEETING_FORMATS)) };
  const member = fc.record({ name: nonEmpty(), role: text(), email: fc.constantFrom('', 'aino@example.fi', 'ei-osoite') });
  const programme = fc
    .tuple(fc.integer({ min: -250, max: 0 }), fc.integer({ min: 0, max: 250 }))
    .chain(([start, end]) => fc.record({ name: nonEmpty(), organisation: text(), facilitatorName: nonEmpty(), startDate: fc.constant(dayFrom(today, start)), endDate: fc.constant(dayFrom(today, end)) }));
  const instrument = fc.constantFrom(...INSTRUMENTS);
  const answer = fc.record({
    questionId: id(30),
    score: fc.option(fc.integer({ min: 1, max: 10 })),
    choice: fc.option(fc.constantFrom('yes', 'maybe', 'no', 'regular', 'informal', 'stop', 'ei\u0000')),
    text: text(),
  });
  const sections = fc.record(Object.fromEntries(SUMMARY_SECTIONS.map((s) => [s, fc.boolean()])) as Record<keyof SummarySections, fc.Arbitrary<boolean>>);
  const none = fc.constant(undefined);
  // Undo gives back a removed row as the store answered it; random rows test that restore keeps the rules too.
  const position = () => fc.integer({ min: -2, max: 12 });
  const timestamp = day.map((d) => `${d}T09:30:00.000Z`);

  return {
    'app.info': none,
    'settings.get': none,
    'settings.update': fc.record({ language: fc.constantFrom('fi' as const, 'en' as const, null) }),
    'programme.get': none,
    'programme.setup': fc.record({ programme, members: fc.array(member, { maxLength: 3 }) }),
    'programme.update': programme,
    'members.list': none,
    'members.add': member,
    'members.update': member.chain((fields) => memberId.map((id) => ({ ...fields, id }))),
    'members.setLeft': fc.record({ id: memberId, leftOn: fc.option(day) }),
    'members.remove': fc.record({ id: memberId }),
    'plan.list': none,
    'plan.add': fc.tuple(when, fc.record({ number: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }), ...planFields })).map(([w, rest]) => ({ ...rest, ...w })),
    'plan.update': fc.tuple(when, fc.record({ id: meetingId, number: fc.integer({ min: 1, max: 12 }), ...planFields })).map(([w, rest]) => ({ ...rest, ...w })),
    'plan.cancel': fc.record({ id: meetingId, cancelled: fc.boolean() }),
    'plan.remove': fc.record({ id: meetingId }),
    'agreement.get': none,
    'agreement.start': fc.record({ template: fc.constantFrom('fi' as const, 'en' as const, null) }),
    'agreement.updatePracticalities': fc.record({
      duration: text(),
      meetingFrequency: text(),
      meetingMinutes: fc.option(fc.integer({ min: 15, max: 600 })),
      workingTime: text(),
      costs: text(),
      contact: text(),
      tasks: text(),
      confidentiality: text(),
    }),
    'agreement.addGoal': fc.record({ kind: fc.constantFrom(...GOAL_KINDS), text: nonEmpty() }),
    'agreement.updateGoal': fc.record({ id: itemId, text: nonEmpty() }),
    'agreement.removeGoal': fc.record({ id: itemId }),
    'agreement.restoreGoal': fc.record({ id: itemId, kind: fc.constantFrom(...GOAL_KINDS), text: nonEmpty(), position: position() }),
    'agreement.reorderGoals': fc.record({ kind: fc.constantFrom(...GOAL_KINDS), ids: fc.array(itemId, { maxLength: 4 }) }),
    'agreement.addRule': fc.record({ text: nonEmpty() }),
    'agreement.updateRule': fc.record({ id: itemId, text: nonEmpty() }),
    'agreement.restoreRule': fc.record({ id: itemId, text: nonEmpty(), position: position() }),
    'agreement.removeRule': fc.record({ id: itemId }),
    'agreement.reorderRules': fc.record({ ids: fc.array(itemId, { maxLength: 4 }) }),
    'agreement.saveVersion': fc.record({ agreedOn: day, note: text() }),
    'agreement.setAcceptance': fc.record({ versionId: id(3), memberId, acceptedOn: fc.option(day) }),
    'agreement.compare': fc.record({ from: fc.option(id(3)), to: fc.option(id(3)), language: fc.constantFrom('fi' as const, 'en' as const) }),
    'meetings.overview': none,
    'meetings.get': fc.record({ id: meetingId }),
    'meetings.setTiming': fc.record({ id: meetingId, startTime: fc.option(fc.constantFrom('09:00', '17:30')), plannedMinutes: fc.integer({ min: 15, max: 600 }) }),
    'meetings.setHeld': fc.record({ id: meetingId, held: fc.boolean() }),
    'meetings.saveNotes': fc.record({ id: meetingId, notes: text(60) }),
    'meetings.setAttendance': fc.record({ meetingId, memberId, present: fc.option(fc.boolean()), absenceReason: text() }),
    'meetings.setNext': fc.record({ meetingId, plannedDate: fc.option(day), plannedTheme: text() }),
    'themes.list': none,
    'themes.addToMeeting': fc.record({ meetingId, name: nonEmpty() }),
    'themes.removeFromMeeting': fc.record({ meetingId, themeId: itemId }),
    'themes.restoreToMeeting': fc.record({ meetingId, themeId: itemId, name: nonEmpty(), position: position() }),
    'actions.list': fc.record({ status: fc.option(fc.constantFrom('open' as const, 'done' as const, 'dropped' as const)), memberId: fc.option(memberId) }),
    'actions.add': fc.record({ meetingId, text: nonEmpty(), ownerMemberId: fc.option(memberId), dueDate: fc.option(day) }),
    'actions.update': fc.record({ id: itemId, text: nonEmpty(), ownerMemberId: fc.option(memberId), dueDate: fc.option(day) }),
    'actions.setStatus': fc.record({ id: itemId, status: fc.constantFrom('open' as const, 'done' as const, 'dropped' as const), reviewedInId: fc.option(meetingId) }),
    'actions.remove': fc.record({ id: itemId }),
    'actions.restore': fc.record({
      id: itemId,
      meetingId,
      text: nonEmpty(),
      ownerMemberId: fc.option(memberId),
      dueDate: fc.option(day),
      status: fc.constantFrom('open' as const, 'done' as const, 'dropped' as const),
      reviewedInId: fc.option(meetingId),
      createdAt: timestamp,
      updatedAt: timestamp,
    }),
    'tasks.add': fc.record({ meetingId, text: nonEmpty() }),
    'tasks.update': fc.record({ id: itemId, text: nonEmpty() }),
    'tasks.remove': fc.record({ id: itemId }),
    'tasks.restore': fc.record({ id: itemId, meetingId, text: nonEmpty(), position: position() }),
    'ideas.add': fc.record({ meetingId, text: nonEmpty() }),
    'ideas.update': fc.record({ id: itemId, text: nonEmpty() }),
    'ideas.remove': fc.record({ id: itemId }),
    'ideas.restore': fc.record({ id: itemId, meetingId, text: nonEmpty(), position: position() }),
    'search.query': fc.record({ query: nonEmpty(12) }),
    'feedback.questions': fc.record({ instrument }),
    'feedback.updateQuestion': fc.record({ id: id(30), text: text() }),
    'feedback.addQuestion': fc.record({ instrument: fc.constantFrom('round' as const, 'evaluation' as const, 'midpoint' as const), kind: fc.constantFrom('scale' as const, 'text' as const), text: nonEmpty() }),
    'feedback.removeQuestion': fc.record({ id: id(30) }),
    'feedback.resetQuestions': fc.record({ instrument: fc.constantFrom('round' as const, 'evaluation' as const, 'midpoint' as const) }),
    'feedback.surveys': fc.record({ instrument }),
    'feedback.survey': fc.record({ id: id(5) }),
    'feedback.start': fc.oneof(
      fc.record({ instrument: fc.constant('round' as const), meetingId, phase: fc.constant(null), anonymous: fc.boolean() }),
      fc.record({ instrument: fc.constant('selfcheck' as const), meetingId: fc.constant(null), phase: fc.constantFrom('start' as const, 'end' as const), anonymous: fc.boolean() }),
      fc.record({ instrument: fc.constant('evaluation' as const), meetingId: fc.constant(null), phase: fc.constant(null), anonymous: fc.boolean() }),
      fc.record({ instrument: fc.constant('midpoint' as const), meetingId, phase: fc.constant(null), anonymous: fc.boolean() }),
    ),
    'feedback.submit': fc.record({ surveyId: id(5), memberId: fc.option(memberId), answers: fc.array(answer, { maxLength: 3 }) }),
    'feedback.response': fc.record({ surveyId: id(5), memberId }),
    'feedback.end': fc.record({ id: id(5) }),
    'feedback.lockedRound': none,
    'feedback.unlock': fc.record({ surveyId: id(5), pin: fc.constantFrom('1234', '98765') }),
    'feedback.lock': fc.record({ surveyId: id(5), pin: fc.constantFrom('1234', '98765') }),
    'feedback.reopen': fc.record({ id: id(5) }),
    'feedback.discard': fc.record({ id: id(5) }),
    'feedback.results': fc.record({ id: id(5) }),
    'feedback.share': fc.record({ responseId: id(5), questionId: id(30), sharedText: fc.option(nonEmpty()) }),
    'feedback.trend': none,
    'feedback.selfCheckChange': none,
    'evaluation.decision': none,
    'evaluation.saveDecision': fc.record({ decision: fc.option(fc.constantFrom(...CONTINUATIONS)), rationale: text(), decidedOn: fc.option(day) }),
    'summary.settings': none,
    'summary.saveSettings': fc.record({ sections, attendanceNames: fc.boolean(), language: fc.constantFrom('fi' as const, 'en' as const), conclusions: text(60) }),
    'summary.preview': none,
    'summary.exports': none,
    'summary.archiveState': none,
    'summary.archive': fc.constant({ confirm: 'DELETE' as const }),
    'summary.closingPlan': none,
    'prompts.forMeeting': fc.record({ meetingId }),
    'prompts.add': fc.oneof(
      fc.record({ meetingId, moment: fc.constantFrom(...PROMPT_MOMENTS), bankKey: fc.constantFrom(...PROMPT_KEYS.slice(0, 4)), text: fc.constant('') }),
      fc.record({ meetingId, moment: fc.constantFrom(...PROMPT_MOMENTS), bankKey: fc.constant(null), text: nonEmpty() }),
    ),
    'prompts.update': fc.record({ id: itemId, text: nonEmpty() }),
    'prompts.remove': fc.record({ id: itemId }),
    'prompts.restore': fc.record({
      id: itemId,
      meetingId,
      moment: fc.constantFrom(...PROMPT_MOMENTS),
      bankKey: fc.constant(null),
      text: nonEmpty(),
      position: fc.integer({ min: 0, max: 12 }),
    }),
    'midpoint.get': none,
    'midpoint.plan': fc.record({ meetingId: fc.option(meetingId) }),
    'midpoint.agreeVersion': fc.record({ agreedOn: day, note: text() }),
    'calendar.preview': fc.record({ language: fc.constantFrom('fi' as const, 'en' as const) }),
    'brief.get': fc.record({ meetingId, language: fc.constantFrom('fi' as const, 'en' as const) }),
    'health.overview': none,
  };
}

/** Reads are cheap and rarely interesting; writes come up more often. */
export const isRead = (name: string) =>
  /\.(get|list|info|overview|settings|preview|exports|archiveState|questions|surveys|survey|results|response|trend|selfCheckChange|decision|compare|forMeeting)$/.test(name) ||
  name === 'search.query';
