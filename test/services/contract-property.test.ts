import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today as localToday } from '../../electron/main/services/clock';
import { DATABASE_FILE } from '../../electron/main/services/backend';
import { dayFrom, inputArbitraries, isRead } from './contract-arbitraries';
import { call, createTestBackend, makeTempDir, openStoreFile, removeTempDirs, TEST_KEY_FILE, type TestBackend } from './helpers';
import { storeViolations } from './store-invariants';

/**
 * Issue 15, point 6: random sequences of valid-looking calls over the whole contract, against a
 * real store, never leave an impossible record behind. After every step: no rule of
 * store-invariants.ts is broken, integrity_check is ok, a refused call committed nothing, and no
 * call answered `internal`.
 *
 * `npm test` runs a small sample; `npm run test:property` runs a long one
 * (PROPERTY_RUNS, PROPERTY_STEPS and PROPERTY_SEED tune it; a failure prints its seed and path).
 */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 20);
const STEPS = Number(process.env.PROPERTY_STEPS ?? 25);
const SEED = process.env.PROPERTY_SEED === undefined ? undefined : Number(process.env.PROPERTY_SEED);

const today = localToday();
let template = '';

/** A group in the middle of its programme: meetings behind and ahead, records in them, a version, a leaver. */
function seed(backend: TestBackend) {
  call(backend, 'programme.setup', {
    programme: { name: 'Esihenkilöiden vertaisryhmä', organisation: 'Virasto', facilitatorName: 'Päivi Öhman', startDate: dayFrom(today, -150), endDate: dayFrom(today, 150) },
    members: ['Aino Väänänen', 'Jukka Kärkkäinen', 'Sari Järvinen', 'Önni Mäkelä'].map((name) => ({ name, role: '', email: '' })),
  });
  call(backend, 'agreement.start', { template: 'fi' });
  const past = call(backend, 'plan.add', { plannedDate: dayFrom(today, -20), plannedMonth: null, plannedTheme: 'Jaksaminen', place: 'Kahvila', format: 'cafe' });
  call(backend, 'plan.add', { plannedDate: dayFrom(today, 20), plannedMonth: null, plannedTheme: 'Palaute', place: '', format: null });
  call(backend, 'meetings.setAttendance', { meetingId: past.id, memberId: 1, present: true, absenceReason: '' });
  call(backend, 'meetings.setAttendance', { meetingId: past.id, memberId: 2, present: false, absenceReason: 'Koulutus' });
  call(backend, 'themes.addToMeeting', { meetingId: past.id, name: 'Työhyvinvointi' });
  call(backend, 'actions.add', { meetingId: past.id, text: 'Kokeillaan kävelypalaveria', ownerMemberId: 1, dueDate: dayFrom(today, 10) });
  call(backend, 'tasks.add', { meetingId: past.id, text: 'Luetaan artikkeli' });
  call(backend, 'ideas.add', { meetingId: past.id, text: 'Yhteinen perehdytyspäivä' });
  call(backend, 'meetings.setHeld', { id: past.id, held: true });
  call(backend, 'feedback.start', { instrument: 'round', meetingId: past.id, phase: null, anonymous: false });
  const version = call(backend, 'agreement.saveVersion', { agreedOn: dayFrom(today, -100), note: 'Ensimmäinen' });
  call(backend, 'agreement.setAcceptance', { versionId: version.id, memberId: 1, acceptedOn: dayFrom(today, -99) });
  call(backend, 'members.setLeft', { id: 4, leftOn: dayFrom(today, -5) });
}

beforeAll(() => {
  const dir = makeTempDir('vertaistuki-property-');
  const backend = createTestBackend(dir);
  seed(backend);
  backend.close();
  template = join(dir, DATABASE_FILE);
});
afterAll(removeTempDirs);

const arbitraries = inputArbitraries(today);
const step = fc.oneof(
  ...Object.entries(arbitraries).map(([name, input]) => ({
    weight: isRead(name) ? 1 : 4,
    arbitrary: (input as fc.Arbitrary<unknown>).map((value) => ({ name, input: value })),
  })),
);

/**
 * Checked over a fresh connection each time: a connection kept open across another's writes
 * keeps FTS5's cached structure and reports a false checksum mismatch in integrity_check.
 */
function violationsIn(path: string): string[] {
  const fresh = openStoreFile(path, { readonly: true });
  try {
    return storeViolations(fresh, today);
  } finally {
    fresh.close();
  }
}

async function runSequence(steps: { name: string; input: unknown }[]): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'vertaistuki-run-'));
  copyFileSync(template, join(dir, DATABASE_FILE));
  copyFileSync(join(dirname(template), TEST_KEY_FILE), join(dir, TEST_KEY_FILE)); // the copy opens with the template's key
  const backend = createTestBackend(dir);
  // Kept open only to see whether anything was committed (data_version counts other connections' commits).
  const checker = openStoreFile(backend.databasePath, { readonly: true });
  try {
    for (const [index, { name, input }] of steps.entries()) {
      const committedBefore = checker.pragma('data_version', { simple: true });
      const answer = await backend.call(name, input);
      const where = `step ${index} ${name} ${JSON.stringify(input)}`;
      if (!answer.ok) {
        expect(answer.error.code, `${where}: ${answer.error.message}`).not.toBe('internal');
        expect(checker.pragma('data_version', { simple: true }), `${where} was refused but committed`).toBe(committedBefore);
      }
      expect(violationsIn(backend.databasePath), `${where} answered ${JSON.stringify(answer).slice(0, 300)}`).toEqual([]);
    }
    expect(backend.logged).toEqual([]);
  } finally {
    checker.close();
    backend.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the contract under random valid-looking calls', () => {
  it('the seeded store is possible to begin with', () => {
    expect(violationsIn(template)).toEqual([]);
  });

  it(
    'never leaves an impossible record behind, and a refused call changes nothing',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: STEPS, size: 'max' }), (steps) => runSequence(steps)),
        { numRuns: RUNS, seed: SEED },
      );
    },
    Number(process.env.PROPERTY_TIMEOUT ?? 120_000),
  );
});
