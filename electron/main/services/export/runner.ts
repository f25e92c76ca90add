import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';
import { keyOf } from '../db/connection';
import { AppError } from '../errors';
import type { ExportJob } from './jobs';
import type { JobAnswer, JobRequest } from './worker';

/**
 * Runs exports on a worker thread (plain Node: the same in Electron's main process, in browser
 * mode and in tests), so that the thread answering every other call — an autosave, say — never
 * waits for a PDF. One worker per process, started on the first export and ended after a quiet
 * minute; it reads the store on a read-only connection of its own, with the store's key (snapshot.ts).
 */
export interface ExportedFile<Meta = unknown> {
  fileName: string;
  mimeType: string;
  bytes: Buffer;
  meta: Meta;
}

const IDLE_MS = 60_000;

/**
 * The worker's entry: the TypeScript source next to this file when running from source (tsx,
 * vitest), or `export-worker.js` next to the bundle (electron-vite builds it as its own entry).
 * The name is built at run time so that the bundler leaves the URL alone.
 */
function workerEntry(): { url: URL; execArgv?: string[] } {
  const fromSource = import.meta.url.endsWith('.ts');
  const file = fromSource ? 'worker.ts' : 'export-worker.js';
  const url = new URL(`./${file}`, import.meta.url);
  if (!fromSource) return { url };
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return { url, execArgv: ['--import', tsx] };
}

interface Pending {
  resolve: (file: ExportedFile) => void;
  reject: (error: Error) => void;
}

let worker: Worker | null = null;
const pending = new Map<number, Pending>();
let nextId = 1;
let idle: NodeJS.Timeout | undefined;

function settle(answer: JobAnswer) {
  const job = pending.get(answer.id);
  if (!job) return;
  pending.delete(answer.id);
  if (answer.ok) {
    const bytes = Buffer.from(answer.bytes.buffer, answer.bytes.byteOffset, answer.bytes.byteLength);
    job.resolve({ fileName: answer.fileName, mimeType: answer.mimeType, bytes, meta: answer.meta });
  } else if (answer.error.name === 'AppError' && answer.error.code) {
    job.reject(new AppError(answer.error.code, answer.error.message, answer.error.issues));
  } else {
    job.reject(new Error(`The export failed in its worker: ${answer.error.message}`));
  }
  if (pending.size === 0) {
    worker?.unref(); // idle: it must not keep a closing app or a finished script alive
    idle = setTimeout(() => void stopWorker(), IDLE_MS).unref();
  }
}

function failAll(error: Error) {
  for (const job of pending.values()) job.reject(error);
  pending.clear();
}

function startWorker(): Worker {
  const { url, execArgv } = workerEntry();
  const thread = new Worker(url, execArgv ? { execArgv } : {});
  thread.on('message', settle);
  thread.on('error', (error) => {
    if (worker === thread) worker = null;
    failAll(error);
  });
  thread.on('exit', (code) => {
    if (worker === thread) worker = null;
    failAll(new Error(`The export worker stopped (exit code ${code}).`));
  });
  return thread;
}

/** Ends the worker (and frees its memory); the next export starts a new one. */
export async function stopWorker(): Promise<void> {
  clearTimeout(idle);
  const current = worker;
  worker = null;
  await current?.terminate();
}

/** Makes the file `job` describes, from a snapshot of the store `db` is open on, off this thread. */
export function runExport<Meta = unknown>(db: Database, job: ExportJob, fontsDir: string): Promise<ExportedFile<Meta>> {
  clearTimeout(idle);
  worker ??= startWorker();
  worker.ref(); // busy: a script awaiting the file must not end before it arrives
  const id = nextId++;
  const request: JobRequest = { id, databasePath: db.name, key: keyOf(db) ?? null, fontsDir, job };
  return new Promise<ExportedFile<Meta>>((resolve, reject) => {
    pending.set(id, { resolve: resolve as (file: ExportedFile) => void, reject });
    worker!.postMessage(request);
  });
}
