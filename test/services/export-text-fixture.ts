import { buildLeakFixture, mustAsync, must, backendCaller } from './summary-fixture';
import type { Backend } from '../../electron/main/services/backend';

/**
 * The programmes whose exported text is compared with the reference texts in
 * fixtures/export-text (made with the renderer as it was before exports moved to a worker).
 * Deterministic: no current dates, no random input.
 */
export const SMALL = 'small';
export const LARGE = 'large';

const THEMES = ['Työhyvinvointi', 'Muutosjohtaminen', 'Palautteen antaminen', 'Etätyö ja läsnäolo', 'Rekrytointi', 'Ristiriitojen sovittelu'];

/** The summary fixture of the leak test: 6 meetings, feedback, self-check, evaluation, quote, decision. */
export const buildSmall = (backend: Backend) => buildLeakFixture(backendCaller(backend), 6);

/**
 * A long programme: tables and lists over many pages, a chart with many meetings, an agreed version.
 * Meetings come every `everyDays` days from January 2020, so every one is in the past and can be held
 * and given a round (the boundary refuses both for a meeting still to come); at the default, 120
 * meetings end in 2024.
 */
export async function buildLarge(backend: Backend, meetings = 120, everyDays = 14): Promise<void> {
  must(backend, 'programme.setup', {
    programme: { name: 'Pitkä ohjelma – Ääneseudun esihenkilöt', organisation: 'Östermyran kaupunki', facilitatorName: 'Åsa Öhman', startDate: '2020-01-01', endDate: '2039-12-31' },
    members: ['Äijä Mäkelä', 'Örjan Kärkkäinen', 'Sönke Ylä-Hyyppä', 'Liisa Järvinen', 'Aino Väänänen', 'Jukka Åström'].map((name) => ({ name, role: '', email: '' })),
  });
  const members = must<{ id: number }[]>(backend, 'members.list');
  const round = must<{ questions: { id: number; kind: string }[] }>(backend, 'feedback.questions', { instrument: 'round' }).questions;
  for (let i = 0; i < meetings; i++) {
    const day = new Date(Date.UTC(2020, 0, 6 + i * everyDays)).toISOString().slice(0, 10);
    const { id } = must<{ id: number }>(backend, 'plan.add', {
      number: i + 1,
      plannedDate: i % 7 === 3 ? null : day,
      plannedMonth: i % 7 === 3 ? day.slice(0, 7) : null,
      plannedTheme: `${THEMES[i % THEMES.length]} ja ${THEMES[(i * 5) % THEMES.length]!.toLowerCase()} – osa ${i + 1}`,
      place: i % 4 === 0 ? 'Kahvila Äänekoski, yläkerran kabinetti' : 'Neuvotteluhuone Öljymäki',
      format: i % 4 === 0 ? 'cafe' : 'office',
    });
    if (i % 9 === 8) continue; // some meetings are still only planned
    must(backend, 'themes.addToMeeting', { meetingId: id, name: THEMES[i % THEMES.length] });
    if (i % 2 === 0) must(backend, 'themes.addToMeeting', { meetingId: id, name: THEMES[(i + 3) % THEMES.length] });
    if (i % 3 === 0) must(backend, 'ideas.add', { meetingId: id, text: `Ehdotus ${i + 1}: yhteinen perehdytyspäivä uusille esihenkilöille, ääneen luettu ja hyväksytty` });
    members.forEach((member, m) => must(backend, 'meetings.setAttendance', { meetingId: id, memberId: member.id, present: (m + i) % 4 !== 0, absenceReason: '' }));
    must(backend, 'meetings.setHeld', { id, held: true });
    const survey = must<{ id: number }>(backend, 'feedback.start', { instrument: 'round', meetingId: id, phase: null, anonymous: true });
    const respondents = i % 10 === 5 ? 2 : 3 + (i % 3);
    for (let r = 0; r < respondents; r++) {
      const answers = round.map((q, k) => ({ questionId: q.id, score: q.kind === 'scale' ? 1 + ((i + r * 2 + k) % 5) : null, choice: null, text: q.kind === 'text' ? `Vastaus ${r}` : '' }));
      must(backend, 'feedback.submit', { surveyId: survey.id, memberId: null, answers });
    }
    await mustAsync(backend, 'feedback.end', { id: survey.id }); // asynchronous: an anonymous round is rewritten, then the log emptied
  }
  must(backend, 'agreement.start', { template: 'fi' });
  const version = must<{ id: number }>(backend, 'agreement.saveVersion', { agreedOn: '2020-01-20', note: 'Hyväksytty ensimmäisessä tapaamisessa' });
  members.slice(0, 4).forEach((member, m) => must(backend, 'agreement.setAcceptance', { versionId: version.id, memberId: member.id, acceptedOn: `2020-01-2${m}` }));
  must(backend, 'evaluation.saveDecision', { decision: 'informal', rationale: 'Ryhmä jatkaa vapaamuotoisesti, noin kerran kuussa.', decidedOn: '2024-09-02' });
  must(backend, 'summary.saveSettings', {
    ...must<Record<string, unknown>>(backend, 'summary.settings'),
    attendanceNames: true,
    conclusions: 'Ohjelma toimi hyvin.\n\nSeuraavaksi jatketaan pienemmällä porukalla – ääneen lausuttu toive.',
  });
}

/** Every export the text test compares: name → the call that makes it (the versions: large only). */
export const EXPORTS = {
  'summary-pdf': { call: 'summary.export', input: { format: 'pdf' } },
  'summary-docx': { call: 'summary.export', input: { format: 'docx' } },
  'agreement-draft-fi-pdf': { call: 'agreement.export', input: { version: null, language: 'fi', format: 'pdf' } },
  'agreement-v1-en-pdf': { call: 'agreement.export', input: { version: 1, language: 'en', format: 'pdf' } },
  'agreement-v1-fi-docx': { call: 'agreement.export', input: { version: 1, language: 'fi', format: 'docx' } },
} as const;

export async function exportBytes(backend: Backend, name: keyof typeof EXPORTS): Promise<Buffer> {
  const { call, input } = EXPORTS[name];
  const result = await mustAsync<{ delivery: string; base64?: string }>(backend, call, input);
  if (result.delivery !== 'download' || !result.base64) throw new Error('expected a download');
  return Buffer.from(result.base64, 'base64');
}
