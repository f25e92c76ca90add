import { startBrowserMode } from '../../electron/main/browser-mode/server';
import { fixedKey } from '../../electron/main/services/storage/keyring';

/**
 * Browser mode in a process of its own, so the bench can read the server's peak memory without
 * counting the bench's own (forked by server.ts; talks over the IPC channel).
 */
const [dataDir, staticDir, keyHex] = process.argv.slice(2);
if (!dataDir || !staticDir || !keyHex || !process.send) throw new Error('usage: fork(server-child.ts, [dataDir, staticDir, keyHex])');

const keys = fixedKey(Buffer.from(keyHex, 'hex'));
const server = await startBrowserMode({ dataDir, staticDir, keys, appVersion: 'bench', log: (error) => console.error(error) });
process.send({ kind: 'ready', url: server.url, port: server.port, token: server.token });

process.on('message', (message: { kind: string }) => {
  if (message.kind === 'memory') {
    // maxRSS: the high-water mark of the whole process (every thread), in KiB.
    process.send!({ kind: 'memory', peakBytes: process.resourceUsage().maxRSS * 1024, rssBytes: process.memoryUsage().rss });
  }
  if (message.kind === 'close') void server.close().then(() => process.exit(0));
});
