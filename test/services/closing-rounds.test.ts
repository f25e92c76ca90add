import { afterEach, describe, expect, it } from 'vitest';
import { call, callAsync, createTestBackend, makeTempDir, openStoreFile, removeTempDirs, validSetup, type TestBackend } from './helpers';

/**
 * Closing while a pass-the-device round is still open with its PIN: nothing can be collected
 * afterwards, so the round ends and no PIN hash stays in the store; and the file is rewritten
 * (VACUUM), so no free page is left where the deleted notes were.
 */
const backends: TestBackend[] = [];
afterEach(() => {
  for (const backend of backends.splice(0)) backend.close();
  removeTempDirs();
});

describe('closing with a round still open', () => {
  it('ends the round, keeps no PIN hash, and leaves no free page where the notes were', async () => {
    const backend = createTestBackend(makeTempDir());
    backends.push(backend);
    call(backend, 'programme.setup', validSetup());
    const meeting = call(backend, 'plan.add', { plannedTheme: 'Aloitus', plannedDate: null, plannedMonth: null, place: '', format: null });
    // Notes long enough to fill pages of their own, which deleting them frees.
    const notes = Array.from({ length: 4000 }, (_, i) => `sana${i}`).join(' ');
    call(backend, 'meetings.saveNotes', { id: meeting.id, notes });
    const survey = call(backend, 'feedback.start', { instrument: 'round', meetingId: meeting.id, phase: null, anonymous: true, pin: '4821' });
    expect(call(backend, 'feedback.unlock', { surveyId: survey.id, pin: '4821' })).toMatchObject({ unlocked: true });
    const read = () => {
      const db = openStoreFile(backend.databasePath, { readonly: true });
      try {
        return {
          surveys: db.prepare('SELECT status, pin_hash IS NOT NULL AS pin FROM feedback_survey').all(),
          freePages: db.pragma('freelist_count', { simple: true }),
        };
      } finally {
        db.close();
      }
    };
    // The premise: the round is open and its PIN hash is in the store.
    expect(read().surveys).toEqual([{ status: 'open', pin: 1 }]);
    expect(read().freePages).toBe(0);
    await callAsync(backend, 'summary.export', { format: 'pdf' });
    await callAsync(backend, 'summary.archive', { confirm: 'DELETE' });
    expect(read()).toEqual({ surveys: [{ status: 'closed', pin: 0 }], freePages: 0 });
  }, 60_000);
});
