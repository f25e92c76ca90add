import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createBackend, DATABASE_FILE, type Backend } from '../electron/main/services/backend';
import type { DataKey } from '../electron/main/services/db/driver';
import { fixedKey, type KeyAccess } from '../electron/main/services/storage/keyring';

export const ROOT = resolve(import.meta.dirname, '..');
export const MIGRATIONS_DIR = resolve(ROOT, 'electron/main/services/db/migrations');
export const FONTS_DIR = resolve(ROOT, 'resources/fonts');

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

/** Notes in every meeting: the size the autosave figures were taken at. */
export const NOTES_BYTES = 20_000;

/** Opens the app's backend on a bench programme's folder with its key (every store is encrypted). */
export const openBackend = (dataDir: string, key: DataKey): Backend =>
  createBackend({
    keys: fixedKey(key),
    appName: 'Vertaistuki',
    appVersion: 'bench',
    mode: 'browser',
    dataDir,
    migrationsDir: MIGRATIONS_DIR,
    fontsDir: FONTS_DIR,
    systemLocales: ['fi-FI'],
  });

/**
 * A programme of `meetings` held meetings, built through the app's own calls: each with 20 KB of
 * notes, a theme, an action, an idea to forward, attendance of 8 members and a closed feedback
 * round of 5 anonymous answers; the agreement is started (its plan is the meetings). Meetings are
 * weekly from January 2000, so even 999 of them (to 2019) are in the past: the boundary refuses to
 * hold a meeting, or start its round, before its day.
 */
async function build(dataDir: string, key: DataKey, meetings: number): Promise<void> {
  const backend = openBackend(dataDir, key);
  const must = <T>(name: string, input?: unknown): T => {
    const result = backend.dispatch(name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value as T;
  };
  must('programme.setup', {
    programme: { name: 'Benchmark', organisation: 'Virasto', facilitatorName: 'Fasilitaattori', startDate: '2000-01-01', endDate: '2039-12-31' },
    members: Array.from({ length: 8 }, (_, i) => ({ name: `Jäsen ${i + 1}`, role: '', email: '' })),
  });
  const members = must<{ id: number }[]>('members.list');
  const round = must<{ questions: { id: number; kind: string }[] }>('feedback.questions', { instrument: 'round' }).questions;
  for (let i = 0; i < meetings; i++) {
    const day = new Date(Date.UTC(2000, 0, 3 + i * 7)).toISOString().slice(0, 10);
    const { id } = must<{ id: number }>('plan.add', {
      number: i + 1,
      plannedDate: day,
      plannedMonth: null,
      plannedTheme: `Teema ${i + 1}`,
      place: 'Huone',
      format: 'office',
    });
    must('meetings.saveNotes', { id, notes: text(NOTES_BYTES, i + 1) });
    must('themes.addToMeeting', { meetingId: id, name: WORDS[i % WORDS.length] });
    must('actions.add', { meetingId: id, text: text(80, i + 1000), ownerMemberId: null, dueDate: null });
    must('ideas.add', { meetingId: id, text: text(80, i + 2000) });
    for (const member of members) {
      must('meetings.setAttendance', { meetingId: id, memberId: member.id, present: (member.id + i) % 5 !== 0, absenceReason: '' });
    }
    must('meetings.setHeld', { id, held: true });
    const survey = must<{ id: number }>('feedback.start', { instrument: 'round', meetingId: id, phase: null, anonymous: true });
    for (let r = 0; r < 5; r++) {
      const answers = round.map((q, k) => ({
        questionId: q.id,
        score: q.kind === 'scale' ? 1 + ((i + r + k) % 5) : null,
        choice: null,
        text: q.kind === 'text' ? text(60, i * 10 + r + k) : '',
      }));
      must('feedback.submit', { surveyId: survey.id, memberId: null, answers });
    }
    const ended = await backend.call('feedback.end', { id: survey.id }); // asynchronous: the anonymous answers are rewritten, the log emptied
    if (!ended.ok) throw new Error(`feedback.end: ${ended.error.message}`);
  }
  must('agreement.start', { template: 'fi' });
  backend.close();
}

/** Built programmes are kept between runs, keyed by everything that shapes them. */
function cacheKey(meetings: number): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(MIGRATIONS_DIR).sort()) hash.update(name).update(readFileSync(join(MIGRATIONS_DIR, name)));
  hash.update(readFileSync(import.meta.filename));
  return `${meetings}-${hash.digest('hex').slice(0, 16)}`;
}

const CACHE = resolve(ROOT, '.tmp/bench-programmes');

export interface ProgrammeCopy {
  dataDir: string;
  databasePath: string;
  /** The store's key (random per built programme; kept with the cached copy: bench data only). */
  key: DataKey;
  /** Meeting ids in meeting order. */
  meetingIds: number[];
  remove: () => void;
}

/** A fresh copy of the programme with `meetings` meetings (built once, then copied from the cache). */
export async function programme(meetings: number, log: (line: string) => void = console.log): Promise<ProgrammeCopy> {
  const dir = join(CACHE, cacheKey(meetings));
  if (!existsSync(join(dir, 'meta.json'))) {
    const started = performance.now();
    const building = mkdtempSync(join(tmpdir(), 'vertaistuki-bench-build-'));
    const key = randomBytes(32);
    await build(building, key, meetings);
    mkdirSync(CACHE, { recursive: true });
    rmSync(dir, { recursive: true, force: true });
    renameOrCopy(building, dir);
    const backend = openBackend(dir, key);
    const ids = backend.dispatch('plan.list', undefined);
    backend.close();
    if (!ids.ok) throw new Error(ids.error.message);
    const meta = { meetingIds: (ids.value as { id: number }[]).map((m) => m.id), key: key.toString('hex') };
    writeFileSync(join(dir, 'meta.json'), JSON.stringify(meta));
    log(`  (built a programme of ${meetings} meetings in ${((performance.now() - started) / 1000).toFixed(1)} s; cached in ${dir})`);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'vertaistuki-bench-'));
  copyFileSync(join(dir, DATABASE_FILE), join(dataDir, DATABASE_FILE));
  const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as { meetingIds: number[]; key: string };
  const key = Buffer.from(meta.key, 'hex');
  return { dataDir, databasePath: join(dataDir, DATABASE_FILE), key, meetingIds: meta.meetingIds, remove: () => rmSync(dataDir, { recursive: true, force: true }) };
}

/** For bench/storage.ts: a fresh copy of the programme, opened, with its key. */
export async function buildProgramme(meetings: number, notesBytes: number): Promise<{ backend: Backend; keys: KeyAccess; dataDir: string; meetingIds: number[] }> {
  if (notesBytes !== NOTES_BYTES) throw new Error(`Bench programmes have ${NOTES_BYTES} bytes of notes per meeting.`);
  const copy = await programme(meetings, () => undefined);
  const keys = fixedKey(copy.key);
  return { backend: openBackend(copy.dataDir, copy.key), keys, dataDir: copy.dataDir, meetingIds: copy.meetingIds };
}

function renameOrCopy(from: string, to: string) {
  try {
    renameSync(from, to);
  } catch {
    mkdirSync(to, { recursive: true });
    copyFileSync(join(from, DATABASE_FILE), join(to, DATABASE_FILE));
    rmSync(from, { recursive: true, force: true });
  }
}
