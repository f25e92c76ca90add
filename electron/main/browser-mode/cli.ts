import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DATABASE_FILE } from '../services/backend';
import { inspectFile } from '../services/db/connection';
import { KEY_FILE, keyFileSealer, openKeyring } from '../services/storage/keyring';
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
    // The store's key lives in a key file in the data folder, made here on a first start (browser
    // mode is for development and tests: the desktop app seals its key with the keychain instead).
    'key-file': { type: 'string' },
    // Act as a computer without a keyring: the facilitator is asked for a passphrase.
    'no-keyring': { type: 'boolean', default: false },
  },
});

const dataDir = resolve(values['data-dir']);
const keys = await openKeyring({
  file: values['key-file'] ? resolve(values['key-file']) : join(dataDir, KEY_FILE),
  sealer: values['no-keyring'] ? { ...keyFileSealer, unavailable: () => Promise.resolve('noKeyring' as const) } : keyFileSealer,
  storeIsEncrypted: inspectFile(join(dataDir, DATABASE_FILE)) === 'encrypted',
});

const { version } = JSON.parse(readFileSync(resolve('package.json'), 'utf8')) as { version: string };
const server = await startBrowserMode({
  dataDir,
  keys,
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
