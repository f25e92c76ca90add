import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startBrowserMode } from './server';

/**
 * `npm run dev:web` / `npm run web`: serve the app to a local browser.
 * Prints one line starting with READY and a JSON object, which the end-to-end tests read.
 */
const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string', default: resolve('.tmp/browser-mode-data') },
    port: { type: 'string', default: '0' },
    static: { type: 'string', default: resolve('out/web') },
    dev: { type: 'boolean', default: false },
  },
});

const { version } = JSON.parse(readFileSync(resolve('package.json'), 'utf8')) as { version: string };
const server = await startBrowserMode({
  dataDir: resolve(values['data-dir']),
  appVersion: version,
  port: Number(values.port),
  staticDir: values.static,
  dev: values.dev,
  log: (error) => console.error(error),
});

console.log(`READY ${JSON.stringify({ url: server.url, port: server.port, token: server.token })}`);
console.log(`\nVertaistuki (browser mode) is running. Open this address in a browser on this machine:\n  ${server.url}\n`);

let closing = false;
const shutdown = () => {
  if (closing) return;
  closing = true;
  void server.close().then(() => process.exit(0));
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
