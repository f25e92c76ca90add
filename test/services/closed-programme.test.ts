import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ALL_SECTIONS_ON } from '@shared/domain';
import { createTestBackend, dumpDatabase, expectFail, makeTempDir, openStoreFile, removeTempDirs, sqliteErrorCode, type TestBackend } from './helpers';
import { backendCaller, buildLeakFixture, must, mustAsync, type Fixture } from './summary-fixture';

/**
 * A closed programme is read-only: whatever is typed after closing could never be shredded, so
 * the services refuse every change with one clear error, and the store itself refuses writes to
 * the confidential tables even if some code forgot to ask. The frozen summary stays exportable.
 */
let backend: TestBackend;
let fixture: Fixture;

beforeEach(async () => {
  backend = createTestBackend(makeTempDir());
  fixture = await buildLeakFixture(backendCaller(backend), 3);
  await mustAsync(backend, 'summary.export', { format: 'pdf' });
  const closed = await backend.call('summary.archive', { confirm: 'DELETE' });
  expect(closed.ok).toBe(true);
});
afterEach(() => {
  backend.close();
  removeTempDirs();
});

/** Every kind of change a user can ask for, with input that would be accepted while open. */
function changes(): [string, unknown][] {
  const [m1, m2] = fixture.meetingIds;
  const plan = must<{ id: number }[]>(backend, 'plan.list');
  const unused = plan.find((m) => !fixture.meetingIds.includes(m.id))!.id;
  const members = must<{ id: number }[]>(backend, 'members.list');
  const meeting = must<{ themes: { id: number }[]; ideas: { id: number }[] }>(backend, 'meetings.get', { id: m1 });
  const surveys = must<{ id: number }[]>(backend, 'feedback.surveys', { instrument: 'round' });
  const questions = must<{ questions: { id: number }[] }>(backend, 'feedback.questions', { instrument: 'round' }).questions;
  const agreement = must<{ rules: { id: number }[] }>(backend, 'agreement.get');
  return [
    ['meetings.saveNotes', { id: m1, notes: 'kirjoitettu sulkemisen jälkeen' }],
    ['meetings.setAttendance', { meetingId: m1, memberId: members[0]!.id, present: false, absenceReason: 'syy sulkemisen jälkeen' }],
    ['meetings.setAttendance', { meetingId: m1, memberId: members[0]!.id, present: null, absenceReason: '' }],
    ['meetings.setTiming', { id: m1, startTime: '10:00', plannedMinutes: 90 }],
    ['meetings.setHeld', { id: m1, held: false }],
    ['meetings.setNext', { meetingId: m2, plannedDate: null, plannedTheme: 'Uusi teema' }],
    ['themes.addToMeeting', { meetingId: m1, name: 'Uusi teema' }],
    ['themes.removeFromMeeting', { meetingId: m1, themeId: meeting.themes[0]!.id }],
    ['actions.add', { meetingId: m1, text: 'toimi sulkemisen jälkeen', ownerMemberId: null, dueDate: null }],
    ['tasks.add', { meetingId: m1, text: 'tehtävä sulkemisen jälkeen' }],
    ['ideas.add', { meetingId: m1, text: 'idea sulkemisen jälkeen' }],
    ['ideas.update', { id: meeting.ideas[0]!.id, text: 'muutettu idea' }],
    ['ideas.remove', { id: meeting.ideas[0]!.id }],
    ['feedback.start', { instrument: 'round', meetingId: unused, phase: null, anonymous: true }],
    ['feedback.start', { instrument: 'selfcheck', meetingId: null, phase: 'start', anonymous: false }],
    ['feedback.reopen', { id: surveys[0]!.id }],
    ['feedback.discard', { id: surveys[0]!.id }],
    ['feedback.submit', { surveyId: surveys[0]!.id, memberId: null, answers: [{ questionId: questions[0]!.id, score: 3, choice: null, text: '' }] }],
    ['feedback.addQuestion', { instrument: 'round', kind: 'text', text: 'Uusi kysymys?' }],
    ['feedback.updateQuestion', { id: questions[0]!.id, text: 'Muotoiltu' }],
    ['feedback.removeQuestion', { id: questions[0]!.id }],
    ['feedback.resetQuestions', { instrument: 'round' }],
    ['evaluation.saveDecision', { decision: 'stop', rationale: 'muutettu', decidedOn: null }],
    ['plan.add', { plannedTheme: 'Lisä', plannedDate: null, plannedMonth: null, place: '', format: null }],
    ['plan.cancel', { id: unused, cancelled: true }],
    ['plan.remove', { id: unused }],
    ['programme.update', { name: 'Uusi nimi', organisation: '', facilitatorName: 'Päivi', startDate: '2026-09-01', endDate: '2027-06-30' }],
    ['members.add', { name: 'Uusi jäsen', role: '', email: '' }],
    ['members.update', { id: members[0]!.id, name: 'Muutettu', role: '', email: '' }],
    ['agreement.addRule', { text: 'Uusi sääntö' }],
    ['agreement.removeRule', { id: agreement.rules[0]!.id }],
    ['summary.saveSettings', { sections: ALL_SECTIONS_ON, attendanceNames: true, language: 'en', conclusions: 'muutettu' }],
  ];
}

describe('a closed programme', () => {
  it('refuses every change with programme_closed, and nothing changes', async () => {
    const before = dumpDatabase(backend.databasePath);
    for (const [name, input] of changes()) {
      const answer = await backend.call(name, input);
      const error = expectFail(answer, 'programme_closed');
      expect(error.message, name).toMatch(/closed/i);
    }
    for (const id of [1, 2]) expectFail(await backend.call('feedback.end', { id }), 'programme_closed');
    expect(dumpDatabase(backend.databasePath)).toEqual(before);
  });

  it('still answers every read, and the frozen summary exports as PDF and DOCX', async () => {
    const [m1] = fixture.meetingIds;
    expect(must<{ notes: string }>(backend, 'meetings.get', { id: m1 }).notes).toBe('');
    must(backend, 'plan.list');
    must(backend, 'search.query', { query: 'perehdytyspäivä' });
    const frozen = must<{ blocks: unknown[] }>(backend, 'summary.preview');
    expect(frozen.blocks.length).toBeGreaterThan(5);
    for (const format of ['pdf', 'docx'] as const) {
      const file = await mustAsync<{ base64: string }>(backend, 'summary.export', { format });
      expect(Buffer.from(file.base64, 'base64').length).toBeGreaterThan(1000);
    }
    // The facilitator's own preferences are not programme content.
    must(backend, 'settings.update', { language: 'en' });
  });

  it('refuses a second close with a clear message', async () => {
    const error = expectFail(await backend.call('summary.archive', { confirm: 'DELETE' }), 'programme_closed');
    expect(error.message).toMatch(/already been closed/);
  });

  it('the store itself refuses writes to confidential tables, whatever code asks', () => {
    const db = openStoreFile(backend.databasePath, { fileMustExist: true });
    try {
      const [m1] = fixture.meetingIds;
      const member = (db.prepare('SELECT id FROM member LIMIT 1').get() as { id: number }).id;
      const survey = (db.prepare('SELECT id FROM feedback_survey LIMIT 1').get() as { id: number }).id;
      const question = (db.prepare("SELECT id FROM feedback_question WHERE instrument = 'round' LIMIT 1").get() as { id: number }).id;
      const writes: [string, () => unknown][] = [
        ['meeting_note', () => db.prepare("INSERT INTO meeting_note (meeting_id, text) VALUES (?, 'salaa')").run(m1)],
        ['absence_reason', () => db.prepare("INSERT INTO absence_reason (meeting_id, member_id, reason) VALUES (?, ?, 'salaa')").run(m1, member)],
        ['action', () => db.prepare("INSERT INTO action (meeting_id, text) VALUES (?, 'salaa')").run(m1)],
        ['task', () => db.prepare("INSERT INTO task (meeting_id, text) VALUES (?, 'salaa')").run(m1)],
        ['feedback_survey insert', () => db.prepare("INSERT INTO feedback_survey (instrument, phase, anonymous) VALUES ('selfcheck', 'start', 1)").run()],
        ['feedback_survey reopen', () => db.prepare("UPDATE feedback_survey SET status = 'open', ended_at = NULL WHERE id = ?").run(survey)],
        ['feedback_response', () => db.prepare('INSERT INTO feedback_response (id, survey_id, anonymous) VALUES (77, ?, 1)').run(survey)],
        ['feedback_answer', () => db.prepare("INSERT INTO feedback_answer (response_id, question_id, text) VALUES (77, ?, 'salaa')").run(question)],
      ];
      const before = dumpDatabase(backend.databasePath);
      for (const [what, write] of writes) {
        let message = '';
        expect(sqliteErrorCode(() => {
          try {
            write();
          } catch (error) {
            message = (error as Error).message;
            throw error;
          }
        }), what).toBe('SQLITE_CONSTRAINT_TRIGGER');
        expect(message, what).toMatch(/programme_closed/);
      }
      expect(dumpDatabase(backend.databasePath)).toEqual(before);
    } finally {
      db.close();
    }
  });
});
