import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MeetingDetail } from '@shared/domain';
import { fresh, write, writeSnapshot } from '../../renderer/src/lib/calls';
import { installRealBackend, SETUP, type RealBackend } from './harness';

/**
 * lib/calls.ts, the stores' way to main: an answer that a write may have overtaken never reaches
 * `apply`. The harness holds single calls on their way, as crossing HTTP connections would.
 */
let real: RealBackend;
let id: number;

beforeEach(() => {
  real = installRealBackend();
  real.backend.dispatch('programme.setup', SETUP);
  const added = real.backend.dispatch('plan.add', { plannedDate: '2026-09-15', plannedMonth: null, plannedTheme: '', place: '', format: null });
  if (!added.ok) throw new Error(added.error.message);
  id = (added.value as { id: number }).id;
});

afterEach(() => {
  real.releaseHolds();
  real.dispose();
});

const reads = () => real.calls.filter((name) => name === 'meetings.get').length;
const saveNotes = (notes: string) => write('meetings.saveNotes', { id, notes });
const notesOf = (read: Parameters<Parameters<typeof fresh>[0]>[0]) => read('meetings.get', { id }).then((d) => d.notes);

describe('fresh reads', () => {
  it('applies an answer when no write was on its way while it was read', async () => {
    const applied: string[] = [];
    await saveNotes('Ensimmäinen.');
    expect(await fresh(notesOf, (notes) => applied.push(notes))).toBe('Ensimmäinen.');
    expect(applied).toEqual(['Ensimmäinen.']);
    expect(reads()).toBe(1);
  });

  it('reads again when a write was sent while it was on its way, and applies only the newer answer', async () => {
    const applied: string[] = [];
    const held = real.hold('meetings.get', 'answer');
    const reading = fresh(notesOf, (notes) => applied.push(notes));
    await held.made;
    await saveNotes('Toinen.'); // stored and acknowledged before the read's older answer arrives
    held.release();
    expect(await reading).toBe('Toinen.');
    expect(applied).toEqual(['Toinen.']);
    expect(reads()).toBe(2);
  });

  it('waits for a write on its way before reading', async () => {
    const held = real.hold('meetings.saveNotes', 'request');
    const saving = saveNotes('Kolmas.');
    await held.made;
    const reading = fresh(notesOf);
    await new Promise((done) => setTimeout(done, 20));
    expect(reads()).toBe(0);
    held.release();
    await saving;
    expect(await reading).toBe('Kolmas.');
  });
});

describe('writes whose answer is a snapshot', () => {
  const setHeld = (apply: (d: MeetingDetail) => void, reread: () => Promise<unknown>) => writeSnapshot('meetings.setHeld', { id, held: true }, apply, reread);

  it('apply the snapshot when no other write was on its way', async () => {
    const applied: string[] = [];
    let reread = 0;
    await saveNotes('Ensimmäinen.');
    await setHeld((d) => applied.push(d.notes), async () => void (reread += 1));
    expect(applied).toEqual(['Ensimmäinen.']);
    expect(reread).toBe(0);
  });

  it('read again instead when another write was on its way as they started', async () => {
    const applied: string[] = [];
    const held = real.hold('meetings.saveNotes', 'request');
    const saving = saveNotes('Toinen.');
    await held.made;
    const snapshot = setHeld(
      (d) => applied.push(d.notes),
      () => fresh(notesOf, (notes) => applied.push(`re-read: ${notes}`)),
    ); // runs before the save reaches the store: its snapshot holds the older notes
    await new Promise((done) => setTimeout(done, 20));
    held.release();
    await Promise.all([saving, snapshot]);
    expect(applied).toEqual(['re-read: Toinen.']);
  });

  it('read again instead when another write was sent while they were on their way', async () => {
    const applied: string[] = [];
    const held = real.hold('meetings.setHeld', 'answer');
    const snapshot = setHeld(
      (d) => applied.push(d.notes),
      () => fresh(notesOf, (notes) => applied.push(`re-read: ${notes}`)),
    );
    await held.made;
    await saveNotes('Kolmas.');
    held.release();
    await snapshot;
    expect(applied).toEqual(['re-read: Kolmas.']);
  });
});
