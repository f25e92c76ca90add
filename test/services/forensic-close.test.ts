import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/main/services/backend';
import { fileSize, filesIn, scanFolder } from './forensic';
import { createTestBackend, makeTempDir, removeTempDirs } from './helpers';

/**
 * Closing the programme, as an examiner with the data folder would check it: every confidential
 * field held distinctive lower-case words; after "Delete for good" answers, no file in the data
 * folder holds any of them — while the app still has the store open, and again after the app is
 * killed (SIGKILL: nothing of a clean shutdown runs).
 */
const TSX = resolve('node_modules/.bin/tsx');
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  removeTempDirs();
});

interface Report {
  words: string[];
  /** Which field each word was written into. */
  labels: Record<string, string>;
  missingBefore: string[];
  indexed: string[];
  stillIndexed: string[];
  closed: { ok: boolean };
}

/** Starts the holder process and waits for its report line. */
function holdStore(dataDir: string): Promise<{ child: ChildProcess; report: Report }> {
  return new Promise((done, fail) => {
    const child = spawn(TSX, ['test/services/forensic/hold-store.ts', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let out = '';
    let err = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line && out.includes('\n')) done({ child, report: JSON.parse(line) as Report });
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => fail(new Error(`holder exited with ${code}:\n${err}`)));
  });
}

const killed = (child: ChildProcess) =>
  new Promise<void>((done) => {
    child.once('exit', () => done());
    child.kill('SIGKILL');
  });

describe('closing the programme leaves no confidential word in the data folder', () => {
  it('right after closing with the store open, and after the app is killed', async () => {
    const dataDir = makeTempDir();
    const { child, report } = await holdStore(dataDir);

    // The premise: the words were in the files, and the index kept them in the form the scan finds.
    expect(report.words.length).toBeGreaterThan(40);
    // Every word is in the files, except the quote the service refused to share (fewer than three answers).
    expect(report.missingBefore.map((w) => report.labels[w])).toEqual(['small-round quote']);
    expect(report.stillIndexed.length).toBeGreaterThan(10);
    expect(report.closed).toMatchObject({ ok: true });

    const path = join(dataDir, DATABASE_FILE);
    expect(filesIn(dataDir).map((f) => f.slice(dataDir.length + 1)).sort()).toEqual(
      expect.arrayContaining([DATABASE_FILE]),
    );
    const found = (hits: { file: string; word: string }[]) => hits.map((h) => `${h.file.slice(dataDir.length + 1)}: ${report.labels[h.word]}`);
    expect(found(scanFolder(dataDir, report.words)), 'with the store still open').toEqual([]);
    expect(fileSize(`${path}-wal`), 'the write-ahead log was emptied').toBe(0);

    await killed(child);
    expect(found(scanFolder(dataDir, report.words)), 'after SIGKILL').toEqual([]);

    // The app starts again on the same folder: still nothing.
    const backend = createTestBackend(dataDir);
    expect(backend.info().storeProblem).toBeNull();
    backend.close();
    expect(found(scanFolder(dataDir, report.words)), 'after a restart').toEqual([]);
  }, 120_000);
});
