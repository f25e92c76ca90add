import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Envelope } from '@shared/envelope';
import { startBrowserMode, TOKEN_HEADER, type BrowserModeServer } from '../../electron/main/browser-mode/server';
import { VALID_SETUP, expectFail, expectOk, makeTempDir, removeTempDirs, storeState, testKeyFor } from '../services/helpers';
import { fixedKey } from '../../electron/main/services/storage/keyring';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const INDEX_HTML = '<!doctype html><html lang="fi"><head><title>Vertaistuki</title></head><body>Hei äö</body></html>';
const APP_JS = 'console.log("sovellus");';
const SECRET = 'SALAISUUS-ULKOPUOLELLA-9f3a';

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

interface RequestOptions {
  port: number;
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** A raw HTTP request with Node's client, so the path and Host header go out exactly as given. */
function send({ port, method = 'GET', path, headers = {}, body }: RequestOptions): Promise<Reply> {
  return new Promise((resolveReply, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolveReply({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The status code of a request written byte for byte, with header values as Latin-1 bytes. */
function sendRaw(port: number, head: string, body: string): Promise<number> {
  return new Promise((resolveStatus, reject) => {
    const socket = connect({ host: '127.0.0.1', port }, () => {
      const bodyBytes = Buffer.from(body, 'utf8');
      socket.write(Buffer.from(`${head}Content-Length: ${bodyBytes.length}\r\nConnection: close\r\n\r\n`, 'latin1'));
      socket.write(bodyBytes);
    });
    let response = '';
    socket.on('data', (chunk: Buffer) => {
      response += chunk.toString('latin1');
    });
    socket.on('end', () => {
      const status = /^HTTP\/1\.1 (\d{3}) /.exec(response);
      if (status?.[1]) resolveStatus(Number(status[1]));
      else reject(new Error(`No HTTP status in: ${response}`));
    });
    socket.on('error', reject);
  });
}

let dir: string;
let staticDir: string;
let dataDir: string;
let server: BrowserModeServer;

/** POST a call; `token: null` sends no token header at all. */
const api = (name: string, input: unknown, token: string | null = server.token, extra: Record<string, string> = {}) =>
  send({
    port: server.port,
    method: 'POST',
    path: `/api/${name}`,
    headers: { 'content-type': 'application/json', ...(token === null ? {} : { [TOKEN_HEADER]: token }), ...extra },
    body: JSON.stringify({ input }),
  });

const envelopeOf = (reply: Reply) => JSON.parse(reply.body) as Envelope<unknown>;

beforeEach(async () => {
  dir = makeTempDir('vertaistuki-browser-');
  staticDir = join(dir, 'static');
  dataDir = join(dir, 'data');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), INDEX_HTML);
  writeFileSync(join(staticDir, 'assets', 'app.js'), APP_JS);
  // Files next to the static folder that must never be served.
  writeFileSync(join(dir, 'secret.txt'), SECRET);
  mkdirSync(join(dir, 'static-sibling'));
  writeFileSync(join(dir, 'static-sibling', 'secret.txt'), SECRET);
  server = await startBrowserMode({ dataDir, appVersion: '0.0.0-test', staticDir, keys: fixedKey(testKeyFor(dataDir)), log: () => undefined });
});

afterEach(async () => {
  await server.close();
  removeTempDirs();
});

describe('browser mode: listening', () => {
  it('listens on 127.0.0.1 only and puts the token in the URL fragment', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#token=${server.token}`);
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    // The same port on the IPv6 loopback is not answered.
    const reached = await new Promise<boolean>((done) => {
      const socket = connect({ host: '::1', port: server.port });
      socket.once('connect', () => {
        socket.destroy();
        done(true);
      });
      socket.once('error', () => done(false));
    });
    expect(reached).toBe(false);
  });

  it('uses a new random token for each run', async () => {
    const other = await startBrowserMode({ dataDir: join(dir, 'data2'), appVersion: '0.0.0-test', staticDir, keys: fixedKey(testKeyFor(join(dir, 'data2'))) });
    try {
      expect(other.token).not.toBe(server.token);
      expect(other.port).not.toBe(server.port);
    } finally {
      await other.close();
    }
  });
});

describe('browser mode: API', () => {
  it('answers app.info with the right token', async () => {
    const reply = await api('app.info', undefined);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toContain('application/json');
    const info = expectOk<{ mode: string; version: string; dataDir: string; storeProblem: unknown }>(envelopeOf(reply));
    expect(info).toMatchObject({ mode: 'browser', version: '0.0.0-test', dataDir, storeProblem: null });
  });

  it('saves through the API like the desktop app', async () => {
    const reply = await api('programme.setup', VALID_SETUP);
    expect(expectOk(envelopeOf(reply))).toMatchObject(VALID_SETUP.programme);
    const members = expectOk<{ name: string }[]>(envelopeOf(await api('members.list', undefined)));
    expect(members.map((m) => m.name)).toEqual(VALID_SETUP.members.map((m) => m.name));
  });

  it.each([
    ['missing', null],
    ['wrong', 'x'.repeat(43)],
    ['empty', ''],
    ['a prefix of the right', 'PREFIX'],
  ])('refuses a %s token with 401 and changes nothing', async (_label, token) => {
    const wrong = token === 'PREFIX' ? server.token.slice(0, 20) : token;
    const reply = await api('programme.setup', VALID_SETUP, wrong);
    expect(reply.status).toBe(401);
    expect(reply.body).not.toContain('"ok"');
    expect(storeState(server.backend)).toEqual({ programme: null, members: [], settings: { language: null } });
  });

  // BUG (server.ts:64-66): tokenMatches compares the header's JS string length with the token's,
  // then timingSafeEqual on their UTF-8 bytes. A header of 43 Latin-1 characters (e.g. 'é')
  // has the same string length but twice the bytes, so timingSafeEqual throws RangeError and the
  // catch-all at server.ts:137 answers 413 "request too large" instead of 401. (Still refused.)
  /** A POST of settings.update whose token header is `token`, sent as raw Latin-1 bytes. */
  const rawSettingsUpdate = (token: string) =>
    sendRaw(
      server.port,
      `POST /api/settings.update HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n${TOKEN_HEADER}: ${token}\r\n`,
      JSON.stringify({ input: { language: 'fi' } }),
    );

  it('accepts the right token sent as raw bytes (checks the raw sender)', async () => {
    expect(await rawSettingsUpdate(server.token)).toBe(200);
    expect(storeState(server.backend).settings).toEqual({ language: 'fi' });
  });

  it('refuses a non-ASCII token of the right length without changing anything', async () => {
    const status = await rawSettingsUpdate('é'.repeat(server.token.length));
    expect(status).toBeGreaterThanOrEqual(400);
    expect(storeState(server.backend).settings).toEqual({ language: null });
  });

  // BUG (server.ts:64-66): tokenMatches compares the header's JS string length with the token's,
  // then runs timingSafeEqual on their UTF-8 bytes. Node decodes header bytes as Latin-1, so a
  // header of 43 bytes 0xE9 is 43 characters ('é') but 86 UTF-8 bytes: timingSafeEqual throws
  // RangeError and the catch-all at server.ts:137 answers 413 "request too large" instead of 401.
  // (The request is still refused; only the status and message are wrong.)
  it('refuses a non-ASCII token of the right length with 401', async () => {
    expect(await rawSettingsUpdate('é'.repeat(server.token.length))).toBe(401);
  });

  it.each(['localhost:PORT', 'evil.example', '127.0.0.1', '127.0.0.1:1', '[::1]:PORT'])(
    'refuses the Host header %s with 403 and changes nothing',
    async (host) => {
      const reply = await api('settings.update', { language: 'fi' }, server.token, {
        host: host.replace('PORT', String(server.port)),
      });
      expect(reply.status).toBe(403);
      expect(storeState(server.backend).settings).toEqual({ language: null });

      const page = await send({ port: server.port, path: '/', headers: { host: host.replace('PORT', String(server.port)) } });
      expect(page.status).toBe(403);
      expect(page.body).not.toContain('Vertaistuki');
    },
  );

  it('answers 405 to a GET of the API', async () => {
    const reply = await send({ port: server.port, path: '/api/app.info', headers: { [TOKEN_HEADER]: server.token } });
    expect(reply.status).toBe(405);
    expect(reply.body).not.toContain('"ok"');
  });

  it('answers unknown_call in an envelope for an unknown name', async () => {
    for (const name of ['nope.nothing', '__proto__', 'constructor']) {
      const reply = await api(name, undefined);
      expect(reply.status).toBe(200);
      expectFail(envelopeOf(reply), 'unknown_call');
    }
  });

  it('answers invalid_input in an envelope, with the issues', async () => {
    const reply = await api('members.add', { name: '', role: '', email: 'ei' });
    const error = expectFail(envelopeOf(reply), 'invalid_input');
    expect(error.issues).toEqual(
      expect.arrayContaining([
        { path: 'name', message: 'required' },
        { path: 'email', message: 'invalidEmail' },
      ]),
    );
    expect(storeState(server.backend).members).toEqual([]);
  });

  it('answers 400 to a body that is not JSON', async () => {
    const reply = await send({
      port: server.port,
      method: 'POST',
      path: '/api/settings.update',
      headers: { [TOKEN_HEADER]: server.token },
      body: '{"input": {"language": "fi"}',
    });
    expect(reply.status).toBe(400);
    expect(storeState(server.backend).settings).toEqual({ language: null });
  });

  // BUG (server.ts:92 and :96): a body of JSON `null` parses, then `body.input` throws a TypeError
  // outside the try, and the catch-all at server.ts:137 answers 413 "request too large" instead
  // of 400 "body must be JSON of the form {"input": …}".
  it('answers 400 to a JSON body of null', async () => {
    const reply = await send({
      port: server.port,
      method: 'POST',
      path: '/api/app.info',
      headers: { [TOKEN_HEADER]: server.token },
      body: 'null',
    });
    expect(reply.status).toBe(400);
  });

  it('refuses a body over 8 MB and saves nothing', async () => {
    // A valid set-up padded with JSON whitespace: if the limit were not enforced, it would be saved.
    const json = JSON.stringify({ input: VALID_SETUP });
    const body = `${json.slice(0, -1)}${' '.repeat(8 * 1024 * 1024 + 1024)}}`;
    expect((JSON.parse(body) as { input: unknown }).input).toEqual(VALID_SETUP);

    const outcome = await send({
      port: server.port,
      method: 'POST',
      path: '/api/programme.setup',
      headers: { [TOKEN_HEADER]: server.token, 'content-type': 'application/json' },
      body,
    }).then(
      (reply) => ({ status: reply.status }),
      (error: unknown) => ({ error }),
    );

    // Either a 413 or a dropped connection; never an answer from the backend.
    if ('status' in outcome) expect(outcome.status).toBe(413);
    else expect(outcome.error).toBeInstanceOf(Error);
    expect(storeState(server.backend)).toEqual({ programme: null, members: [], settings: { language: null } });

    // The server keeps working afterwards.
    expectOk(envelopeOf(await api('app.info', undefined)));
  });

  // BUG (server.ts:75-77 with :137): readBody rejects and then calls req.destroy(), which destroys
  // the socket; the 413 that the catch at server.ts:137 then writes can never reach the client,
  // which sees ECONNRESET / "socket hang up" instead of 413 "request too large".
  it('answers 413 to a body over 8 MB', async () => {
    const reply = await send({
      port: server.port,
      method: 'POST',
      path: '/api/settings.update',
      headers: { [TOKEN_HEADER]: server.token },
      body: `{"input": {"language": "fi"}${' '.repeat(8 * 1024 * 1024 + 1024)}}`,
    });
    expect(reply.status).toBe(413);
  });

  it('accepts a body just under 8 MB', async () => {
    const json = JSON.stringify({ input: { language: 'fi' } });
    const body = `${json.slice(0, -1)}${' '.repeat(8 * 1024 * 1024 - json.length - 16)}}`;
    const reply = await send({
      port: server.port,
      method: 'POST',
      path: '/api/settings.update',
      headers: { [TOKEN_HEADER]: server.token },
      body,
    });
    expect(expectOk(envelopeOf(reply))).toEqual({ language: 'fi' });
  });
});

describe('browser mode: static files', () => {
  it('serves index.html with the Content-Security-Policy', async () => {
    const reply = await send({ port: server.port, path: '/' });
    expect(reply.status).toBe(200);
    expect(reply.body).toBe(INDEX_HTML);
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.headers['content-security-policy']).toContain("script-src 'self'");
    expect(reply.headers['content-security-policy']).toContain("default-src 'none'");
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves a file inside the static folder with its type', async () => {
    const reply = await send({ port: server.port, path: '/assets/app.js' });
    expect(reply.status).toBe(200);
    expect(reply.body).toBe(APP_JS);
    expect(reply.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('falls back to index.html for an unknown path (SPA routes)', async () => {
    const reply = await send({ port: server.port, path: '/jasenet/3?x=1' });
    expect(reply.status).toBe(200);
    expect(reply.body).toBe(INDEX_HTML);
  });

  it('answers 405 to a POST of a page', async () => {
    const reply = await send({ port: server.port, method: 'POST', path: '/', body: 'x' });
    expect(reply.status).toBe(405);
  });

  it.each([
    '/../secret.txt',
    '/../../../../../../etc/passwd',
    '/%2e%2e/secret.txt',
    '/%2E%2E/%2e%2e/%2e%2e/etc/passwd',
    '/..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/..\\secret.txt',
    '/../static-sibling/secret.txt',
    '/%2e%2e/static-sibling/secret.txt',
    '/..%2fstatic-sibling%2fsecret.txt',
    '/etc/passwd',
    '/%2fetc%2fpasswd',
  ])('never serves a file outside the static folder for %s', async (path) => {
    const reply = await send({ port: server.port, path });
    expect(reply.body).not.toContain(SECRET);
    expect(reply.body).not.toMatch(/root:.*:0:0:/);
    if (reply.status === 200) expect(reply.body).toBe(INDEX_HTML);
  });
});

describe('browser mode CLI process', () => {
  let child: ChildProcess | undefined;

  afterEach(async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((done) => child?.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    }
    child = undefined;
  });

  /** Runs the real CLI (`npm run web` without the build) and waits for its READY line. */
  function startCli(): Promise<{ port: number }> {
    const proc = spawn(
      process.execPath,
      ['--import', 'tsx', 'electron/main/browser-mode/cli.ts', '--data-dir', join(dir, 'cli-data'), '--static', staticDir],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child = proc;
    return new Promise((resolveReady, reject) => {
      let out = '';
      let err = '';
      proc.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString('utf8');
        const line = /^READY (.+)$/m.exec(out);
        if (line?.[1]) resolveReady(JSON.parse(line[1]) as { port: number });
      });
      proc.stderr?.on('data', (chunk: Buffer) => {
        err += chunk.toString('utf8');
      });
      proc.once('exit', (code) => reject(new Error(`CLI exited with ${code} before READY:\n${out}\n${err}`)));
    });
  }

  it('serves pages and survives ordinary bad paths', { timeout: 30_000 }, async () => {
    const { port } = await startCli();
    expect((await send({ port, path: '/%2e%2e/secret.txt' })).body).not.toContain(SECRET);
    const reply = await send({ port, path: '/' });
    expect(reply.status).toBe(200);
    expect(reply.body).toBe(INDEX_HTML);
  });

  // BUG (server.ts:101 with :142): serveStatic calls decodeURIComponent on the path outside any
  // try, and the request handler drops its promise with `void`. A GET with malformed percent
  // encoding (e.g. /%E0%A4%A or /%) rejects unhandled, which terminates the whole browser-mode
  // process (Node's default for unhandled rejections): one bad URL takes the server down.
  it('answers a malformed percent-encoded path and keeps running', { timeout: 30_000 }, async () => {
    const { port } = await startCli();
    expect((await send({ port, path: '/' })).status).toBe(200);

    const bad = await send({ port, path: '/%E0%A4%A' });
    expect(bad.status).toBeGreaterThanOrEqual(200);

    const after = await send({ port, path: '/' });
    expect(after.status).toBe(200);
  });
});
