import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../programme';

export interface BenchServer {
  url: string;
  port: number;
  token: string;
  /** Answers a call over HTTP exactly as the browser-mode shim does; throws on a failed envelope. */
  call: <T = unknown>(name: string, input?: unknown) => Promise<T>;
  /** The server process's peak resident memory so far (all threads), in bytes. */
  peakMemory: () => Promise<number>;
  close: () => Promise<void>;
}

const WEB_DIR = join(ROOT, 'out/web');

/** Starts browser mode on `dataDir` (encrypted with `key`) in a child process (Node 24 with tsx, like `npm run web`). */
/** `webDir`: another build of the renderer to serve (e.g. to compare two builds side by side). */
export function startServer(dataDir: string, key: Buffer, webDir = WEB_DIR): Promise<BenchServer> {
  // the bench store's key, on the child's command line: bench data only, never a user's
  const child: ChildProcess = fork(join(import.meta.dirname, 'server-child.ts'), [dataDir, webDir, key.toString('hex')], {
    cwd: ROOT,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = <T>(kind: string) =>
    new Promise<T>((resolveMessage, reject) => {
      const onMessage = (message: { kind: string }) => {
        if (message.kind !== kind) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolveMessage(message as T);
      };
      const onExit = (code: number | null) => reject(new Error(`the bench server exited (${code})`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  return next<{ url: string; port: number; token: string }>('ready').then(({ url, port, token }) => ({
    url,
    port,
    token,
    call: async <T>(name: string, input?: unknown) => {
      const response = await fetch(`http://127.0.0.1:${port}/api/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-vertaistuki-token': token },
        body: JSON.stringify({ input }),
      });
      const envelope = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
      if (!envelope.ok) throw new Error(`${name}: ${envelope.error?.message}`);
      return envelope.value as T;
    },
    peakMemory: async () => {
      const answer = next<{ peakBytes: number }>('memory');
      child.send({ kind: 'memory' });
      return (await answer).peakBytes;
    },
    close: async () => {
      const exited = new Promise<void>((done) => child.once('exit', () => done()));
      child.send({ kind: 'close' });
      await exited;
    },
  }));
}
