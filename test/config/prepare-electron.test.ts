import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDirs } from '../services/helpers';

/**
 * `npm start`, `npm run dev` and `npm run dist` first run scripts/prepare-electron.mjs, which has the
 * electron package's own installer fetch Electron's binary once. The tests run it against a copy of
 * the electron package (never the project's own) and a download mirror on 127.0.0.1 that fails, or
 * works, as each test needs; nothing leaves the machine.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const SCRIPT = join(ROOT, 'scripts/prepare-electron.mjs');
const { version } = JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string };

/** A copy of the electron package without its binary, whose dependencies resolve to the project's. */
function electronPackageCopy(): string {
  const modules = join(makeTempDir('vertaistuki-electron-pkg-'), 'node_modules');
  const electronDir = join(modules, 'electron');
  mkdirSync(electronDir, { recursive: true });
  for (const file of ['package.json', 'install.js', 'index.js', 'checksums.json']) {
    cpSync(join(ROOT, 'node_modules/electron', file), join(electronDir, file));
  }
  for (const scope of ['@electron', '@electron-internal']) symlinkSync(join(ROOT, 'node_modules', scope), join(modules, scope), 'dir');
  return electronDir;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function prepare(electronDir: string, mirror: string): Promise<Run> {
  // Only what the test sets: no inherited mirror, cache or proxy settings.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/electron|proxy/i.test(key)));
  return new Promise((done) => {
    execFile(
      process.execPath,
      [SCRIPT],
      {
        env: {
          ...env,
          VERTAISTUKI_ELECTRON_PACKAGE: electronDir,
          ELECTRON_MIRROR: mirror,
          electron_config_cache: makeTempDir('vertaistuki-electron-cache-'),
          electron_use_remote_checksums: '1',
        },
        timeout: 60_000,
      },
      (error, stdout, stderr) => done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
    );
  });
}

const servers: Server[] = [];
async function mirror(answer: (path: string) => { status: number; body: Uint8Array | string }): Promise<{ url: string; requests: string[] }> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const { status, body } = answer(req.url ?? '');
    res.writeHead(status).end(body);
  });
  servers.push(server);
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, requests };
}

/** A loopback port that nothing listens on: connecting is refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((closed) => server.close(() => closed()));
  return port;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((closed) => server.close(closed))));
  removeTempDirs();
});

const ONE_SENTENCE = new RegExp(
  `^The desktop app cannot start because Electron ${version.replace(/\./g, '\\.')} could not be downloaded \\(([^\\n]+)\\); ` +
    'check the network connection and try again, or run the same app in a browser with `npm run web`, which needs no download\\.$',
);

function expectOneSentence(run: Run): string {
  expect(run.code).toBe(1);
  expect(`${run.stdout}\n${run.stderr}`).not.toMatch(/^\s+at /m); // no stack trace
  const message = run.stderr.trim();
  expect(message.split('\n')).toHaveLength(1);
  const reason = ONE_SENTENCE.exec(message)?.[1];
  expect(reason, message).toBeDefined();
  return reason!;
}

describe('the preparation step before npm start / dev / dist', () => {
  it('when the download cannot happen (connection refused), stops with one sentence that says why and points to browser mode', async () => {
    const electronDir = electronPackageCopy();
    const port = await closedPort();
    const run = await prepare(electronDir, `http://127.0.0.1:${port}/`);
    expect(run.stdout).toContain(`Downloading Electron ${version}`);
    expect(expectOneSentence(run)).toBe(`127.0.0.1:${port} refused the connection, ECONNREFUSED`);
    expect(existsSync(join(electronDir, 'path.txt'))).toBe(false);
  });

  it('when the download host answers with an error, says so in the same one sentence', async () => {
    const electronDir = electronPackageCopy();
    const host = await mirror(() => ({ status: 404, body: 'no such file' }));
    const reason = expectOneSentence(await prepare(electronDir, host.url));
    expect(reason).toMatch(/^Response code 404 \(Not Found\) for http:\/\/127\.0\.0\.1:\d+\/\S+$/);
    expect(host.requests.length).toBeGreaterThan(0);
  });

  it("fetches the binary once through the electron package's installer; the next start downloads nothing", async () => {
    const electronDir = electronPackageCopy();
    const platform = process.platform === 'win32' ? 'electron.exe' : 'electron';
    const zip = zipSync({ [platform]: strToU8('#!/bin/sh\necho fake electron\n'), version: strToU8(`v${version}`) });
    const host = await mirror((path) => {
      const zipName = `electron-v${version}-${process.platform}-${process.arch}.zip`;
      if (path.endsWith('/SHASUMS256.txt')) return { status: 200, body: `${createHash('sha256').update(zip).digest('hex')} *${zipName}\n` };
      if (path.endsWith(`/${zipName}`)) return { status: 200, body: zip };
      return { status: 404, body: '' };
    });

    const first = await prepare(electronDir, host.url);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`Downloading Electron ${version}`);
    expect(readFileSync(join(electronDir, 'path.txt'), 'utf8')).toBe(platform);
    expect(readFileSync(join(electronDir, 'dist', platform), 'utf8')).toContain('fake electron');
    const requested = host.requests.length;
    expect(requested).toBeGreaterThan(0);

    const second = await prepare(electronDir, host.url);
    expect(second).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(host.requests).toHaveLength(requested);
  });
});
