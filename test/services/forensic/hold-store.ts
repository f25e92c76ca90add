/**
 * A process that holds the store, as the app does: it fills every confidential field with
 * distinctive lower-case words (and leaves earlier drafts and deleted items behind), checks that
 * the words really are in the files (decrypted with the key; not readable without it), closes the
 * programme, reports, and keeps the store open until it is killed. Run with tsx by
 * test/services/forensic-close.test.ts.
 */
import { logicalDump } from '../../../electron/main/services/storage/dump';
import { createTestBackend, openStoreFile, testKeyFor } from '../helpers';
import { backendCaller, buildLeakFixture, must, mustAsync } from '../summary-fixture';
import { distinctiveWord, scanFolder, scanFormsOf } from '../forensic';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: hold-store.ts <data folder>');

const backend = createTestBackend(dataDir);
const words: { what: string; word: string }[] = [];
const wordFor = (what: string) => {
  const word = distinctiveWord();
  words.push({ what, word });
  return word;
};

await buildLeakFixture(backendCaller(backend), 4, wordFor);

// What was written and then replaced or deleted during the programme must go too.
const [first] = must<{ id: number }[]>(backend, 'plan.list');
const members = must<{ id: number }[]>(backend, 'members.list');
const meetingId = first!.id;
must(backend, 'meetings.saveNotes', { id: meetingId, notes: `luonnos ${wordFor('notes draft')}` });
must(backend, 'search.query', { query: 'luonnos' }); // a search puts the draft in the index
must(backend, 'meetings.saveNotes', { id: meetingId, notes: `lopullinen ${wordFor('notes final')}` });
const action = must<{ id: number }>(backend, 'actions.add', { meetingId, text: wordFor('deleted action'), ownerMemberId: null, dueDate: null });
must(backend, 'actions.remove', { id: action.id });
const task = must<{ id: number }>(backend, 'tasks.add', { meetingId, text: wordFor('task draft') });
must(backend, 'tasks.update', { id: task.id, text: wordFor('task edited') });
const removed = must<{ id: number }>(backend, 'tasks.add', { meetingId, text: wordFor('deleted task') });
must(backend, 'tasks.remove', { id: removed.id });
must(backend, 'meetings.setAttendance', { meetingId, memberId: members[0]!.id, present: false, absenceReason: wordFor('absence draft') });
must(backend, 'meetings.setAttendance', { meetingId, memberId: members[0]!.id, present: false, absenceReason: wordFor('absence final') });

// The premise: every word is in the files now, in the pages the key decrypts (and none readable
// without it), and the full-text index keeps the indexed ones in a form the scan finds (lower
// case, suffix contiguous, the word's or its stem's). `live`: the words SQLite still returns as rows (not drafts or deleted).
const all = words.map((w) => w.word);
const hits = scanFolder(dataDir, all, testKeyFor(dataDir));
const seen = new Set(hits.filter((hit) => hit.seen === 'decrypted').map((hit) => hit.word));
const reader = openStoreFile(backend.databasePath, { readonly: true, fileMustExist: true });
const index = Buffer.concat((reader.prepare('SELECT block FROM search_index_data').all() as { block: Buffer }[]).map((row) => row.block))
  .toString('latin1');
const rows = JSON.stringify(logicalDump(reader).rows).toLowerCase();
reader.close();
const live = all.filter((word) => rows.includes(word));
const indexed = words.filter((w) => /notes|action|task/.test(w.what)).map((w) => w.word);
const stillIndexed = indexed.filter((word) => scanFormsOf(word).some((form) => index.includes(form)));

await mustAsync(backend, 'summary.export', { format: 'docx' });
const closed = await backend.call('summary.archive', { confirm: 'DELETE' });

process.stdout.write(
  `${JSON.stringify({
    pid: process.pid, // the process that holds the store: the one SIGKILL must reach
    words: all,
    labels: Object.fromEntries(words.map((w) => [w.word, w.what])),
    missingBefore: all.filter((w) => !seen.has(w)),
    rawBefore: hits.filter((hit) => hit.seen === 'raw').map((hit) => hit.word),
    live,
    indexed,
    stillIndexed,
    closed,
  })}\n`,
);
// Hold the store open (as a running app does) until killed.
setInterval(() => undefined, 60_000);
