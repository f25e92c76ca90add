import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createBackend, type Backend } from '../electron/main/services/backend';
import { fixedKey, type KeyAccess } from '../electron/main/services/storage/keyring';

export const MIGRATIONS_DIR = resolve(import.meta.dirname, '../electron/main/services/db/migrations');

const WORDS = (
  'esihenkilö työhyvinvointi jaksaminen palaute kehityskeskustelu muutos johtaminen luottamus tiimi ' +
  'vuorovaikutus oppiminen kokemus haaste ratkaisu kuunteleminen arvostus työssäoppiminen perehdytys ' +
  'rekrytointi etätyö kiire priorisointi vastuu delegointi yhteistyö konflikti sovittelu motivaatio ' +
  'palkitseminen osaaminen verkosto kollega mentorointi aktori ryhmä tapaaminen sopimus tavoite ' +
  'asiakas ulosotto virasto prosessi laatu mittari budjetti suunnitelma päätös neuvottelu ilmapiiri'
).split(' ');

/** A deterministic pseudo-random text of about `bytes` bytes of Finnish words. */
export function text(bytes: number, seed: number): string {
  let x = seed * 2654435761 || 1;
  const words: string[] = [];
  let size = 0;
  while (size < bytes) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const word = WORDS[x % WORDS.length]!;
    words.push(word);
    size += Buffer.byteLength(word) + 1;
  }
  return words.join(' ');
}

export interface BenchProgramme {
  backend: Backend;
  /** The store's key, for reopening the same folder. */
  keys: KeyAccess;
  dataDir: string;
  meetingIds: number[];
}

/** A programme with `meetings` meetings, each with notes of `notesBytes`, themes, actions and an idea. */
export function buildProgramme(meetings: number, notesBytes: number): BenchProgramme {
  const dataDir = mkdtempSync(join(tmpdir(), 'vertaistuki-bench-'));
  const keys = fixedKey(randomBytes(32));
  const backend = createBackend({
    keys,
    appName: 'Vertaistuki',
    appVersion: 'bench',
    mode: 'browser',
    dataDir,
    migrationsDir: MIGRATIONS_DIR,
    fontsDir: resolve(import.meta.dirname, '../resources/fonts'),
    systemLocales: ['fi-FI'],
  });
  const must = <T>(name: string, input: unknown): T => {
    const result = backend.dispatch(name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value as T;
  };
  must('programme.setup', {
    programme: { name: 'Benchmark', organisation: 'Virasto', facilitatorName: 'Fasilitaattori', startDate: '2020-01-01', endDate: '2039-12-31' },
    members: Array.from({ length: 8 }, (_, i) => ({ name: `Jäsen ${i + 1}`, role: '', email: '' })),
  });
  const meetingIds: number[] = [];
  for (let i = 0; i < meetings; i++) {
    const day = new Date(Date.UTC(2020, 0, 1 + i * 7)).toISOString().slice(0, 10);
    const { id } = must<{ id: number }>('plan.add', {
      number: i + 1,
      plannedDate: day,
      plannedMonth: null,
      plannedTheme: `Teema ${i + 1}`,
      place: 'Huone',
      format: 'office',
    });
    meetingIds.push(id);
    must('meetings.saveNotes', { id, notes: text(notesBytes, i + 1) });
    must('themes.addToMeeting', { meetingId: id, name: WORDS[i % WORDS.length] });
    must('actions.add', { meetingId: id, text: text(80, i + 1000), ownerMemberId: null, dueDate: null });
    must('ideas.add', { meetingId: id, text: text(80, i + 2000) });
    for (const member of must<{ id: number }[]>('members.list', undefined)) {
      must('meetings.setAttendance', { meetingId: id, memberId: member.id, present: (member.id + i) % 5 !== 0, absenceReason: '' });
    }
    must('meetings.setHeld', { id, held: true });
  }
  return { backend, keys, dataDir, meetingIds };
}
