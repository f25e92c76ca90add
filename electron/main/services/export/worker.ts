import { parentPort } from 'node:worker_threads';
import { AppError } from '../errors';
import { renderDocx } from './docx';
import { fontSetIn } from './fonts';
import { sourceOf, type ExportJob } from './jobs';
import { MIME_TYPES, safeFileName } from './model';
import { renderPdf } from './pdf';
import { readSnapshot } from './snapshot';

/**
 * The export worker (a worker thread; see runner.ts): reads a snapshot, builds the document and
 * renders it, one job at a time, so that the thread serving calls never waits for an export.
 * Fonts are parsed once per worker (fonts.ts).
 */
export interface JobRequest {
  id: number;
  databasePath: string;
  /** The store's key (the serving connection's), or null for a plain file. */
  key: Uint8Array | null;
  /** The TTF fonts PDFs embed (backend config). */
  fontsDir: string;
  job: ExportJob;
}

export type JobAnswer =
  | { id: number; ok: true; fileName: string; mimeType: string; bytes: Uint8Array; meta: unknown }
  | { id: number; ok: false; error: { name: string; code?: AppError['code']; message: string; issues?: AppError['issues'] } };

/** Bytes that own their whole buffer, so it can be handed over without a copy (small Buffers share a pool). */
const owned = (bytes: Uint8Array) => (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes));

async function run({ id, databasePath, key, fontsDir, job }: JobRequest): Promise<JobAnswer> {
  const source = readSnapshot(databasePath, key && Buffer.from(key), (db) => sourceOf(db, job));
  const bytes = source.format === 'pdf' ? renderPdf(source.document, fontSetIn(fontsDir)) : await renderDocx(source.document);
  return { id, ok: true, fileName: safeFileName(source.stem, source.format), mimeType: MIME_TYPES[source.format], bytes: owned(bytes), meta: source.meta };
}

const failure = (id: number, error: unknown): JobAnswer => ({
  id,
  ok: false,
  error:
    error instanceof AppError
      ? { name: 'AppError', code: error.code, message: error.message, ...(error.issues ? { issues: error.issues } : {}) }
      : { name: 'Error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) },
});

// One job at a time: two large exports rendering side by side would only double the memory.
let queue = Promise.resolve();
parentPort!.on('message', (request: JobRequest) => {
  queue = queue.then(async () => {
    const answer = await run(request).catch((error: unknown) => failure(request.id, error));
    parentPort!.postMessage(answer, answer.ok ? [answer.bytes.buffer as ArrayBuffer] : []);
  });
});
