import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, createTestBackend, dumpDatabase, expectFail, makeTempDir, removeTempDirs, validSetup, type TestBackend } from './helpers';

/** An agreed version is a deliberate act: it records a change the group agreed on, and only that. */
let backend: TestBackend;

beforeEach(() => {
  backend = createTestBackend(makeTempDir());
  call(backend, 'programme.setup', validSetup());
  call(backend, 'agreement.start', { template: 'fi' });
});
afterEach(() => {
  backend.close();
  removeTempDirs();
});

const agreement = () => call(backend, 'agreement.get', undefined)!;
const plan = () => call(backend, 'plan.list', undefined);

describe('saving an agreed version', () => {
  it('refuses a version identical to the latest one, says why, and changes nothing', () => {
    call(backend, 'agreement.saveVersion', { agreedOn: '2025-01-20', note: 'Ensimmäinen' });
    const before = dumpDatabase(backend.databasePath);
    const error = expectFail(backend.dispatch('agreement.saveVersion', { agreedOn: '2025-01-27', note: 'Sama uudestaan' }), 'conflict');
    expect(error.issues).toEqual([{ path: '', message: 'versionUnchanged' }]);
    expect(dumpDatabase(backend.databasePath)).toEqual(before);
    expect(agreement().versions).toHaveLength(1);
  });

  it('accepts the next version once something changed', () => {
    call(backend, 'agreement.saveVersion', { agreedOn: '2025-01-20', note: '' });
    call(backend, 'agreement.addRule', { text: 'Puhelimet äänettömällä.' });
    expect(call(backend, 'agreement.saveVersion', { agreedOn: '2025-01-27', note: '' }).number).toBe(2);
  });
});

describe("a held meeting's record", () => {
  it('recording the actual date of a held meeting does not make the agreement look changed', () => {
    call(backend, 'agreement.saveVersion', { agreedOn: '2025-01-10', note: '' });
    const first = plan()[0]!;
    expect(first.plannedMonth).toBe('2025-01');
    call(backend, 'meetings.setHeld', { id: first.id, held: true });
    // What the meeting view does when the facilitator records the day it was actually held.
    call(backend, 'plan.update', { ...first, plannedDate: '2025-01-27', plannedMonth: null });
    expect(call(backend, 'meetings.get', { id: first.id }).plannedDate).toBe('2025-01-27');
    expect(agreement().draftDiffers).toBe(false);
    const compared = call(backend, 'agreement.compare', { from: 1, to: null, language: 'fi' });
    expect(compared.sections.find((s) => s.section === 'plan')?.changed).toBe(false);
    expect(expectFail(backend.dispatch('agreement.saveVersion', { agreedOn: '2025-01-28', note: '' }), 'conflict').issues).toEqual([
      { path: '', message: 'versionUnchanged' },
    ]);
  });

  it('moving a meeting that has not been held yet still changes the agreement', () => {
    call(backend, 'agreement.saveVersion', { agreedOn: '2025-01-10', note: '' });
    const second = plan()[1]!;
    call(backend, 'plan.update', { ...second, plannedDate: '2025-02-17', plannedMonth: null });
    expect(agreement().draftDiffers).toBe(true);
  });
});
