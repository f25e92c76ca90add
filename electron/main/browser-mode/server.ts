import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CSP } from '@shared/csp';
import { createBackend, type Backend } from '../services/backend';
import type { KeyAccess } from '../services/storage/keyring';

/**
 * Browser mode, for development and end-to-end tests only (never packaged): the same backend
 * as the desktop app, reached over HTTP on 127.0.0.1 with a per-run random token instead of IPC.
 */
export interface BrowserModeOptions {
  dataDir: string;
  appVersion: string;
  port?: number;
  /** Serve this built renderer (`npm run build:web`). */
  staticDir?: string;
  /** Or serve the renderer source through Vite with hot reload. */
  dev?: boolean;
  /** The store's key: browser mode's own key file (cli.ts), never the desktop app's keychain. */
  keys: KeyAccess;
  log?: (error: unknown) => void;
}

export interface BrowserModeServer {
  url: string;
  port: number;
  token: string;
  backend: Backend;
  close: () => Promise<void>;
}

const HOST = '127.0.0.1';
export const TOKEN_HEADER = 'x-vertaistuki-token';
const MAX_BODY_BYTES = 8 * 1024 * 1024;
const here = fileURLToPath(new URL('.', import.meta.url));
const MIGRATIONS_DIR = resolve(here, '../services/db/migrations');
const FONTS_DIR = resolve(here, '../../../resources/fonts');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
};

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function send(res: ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}) {
  res.writeHead(status, { 'Content-Type': type, ...SECURITY_HEADERS, ...extra });
  res.end(body);
}

const sendJson = (res: ServerResponse, status: number, value: unknown) =>
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');

const tokenMatches = (given: string | string[] | undefined, token: string): boolean => {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
};

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        chunks.length = 0;
        req.removeAllListeners('data');
        req.resume(); // drain the rest unread, so the client can still read our answer
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function handleApi(req: IncomingMessage, res: ServerResponse, name: string, backend: Backend, token: string) {
  if (req.method !== 'POST') return sendJson(res, 405, { error: 'POST only' });
  if (!tokenMatches(req.headers[TOKEN_HEADER], token)) return sendJson(res, 401, { error: 'missing or wrong token' });
  let body: unknown;
  try {
    body = JSON.parse(await readBody(req));
  } catch (error) {
    if (error instanceof BodyTooLarge) return sendJson(res, 413, { error: 'request too large' });
    return sendJson(res, 400, { error: 'body must be JSON of the form {"input": …}' });
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return sendJson(res, 400, { error: 'body must be JSON of the form {"input": …}' });
  }
  return sendJson(res, 200, await backend.call(name, (body as { input?: unknown }).input));
}

async function serveStatic(res: ServerResponse, staticDir: string, urlPath: string) {
  const root = resolve(staticDir);
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return send(res, 400, 'Bad request', 'text/plain; charset=utf-8');
  }
  const wanted = normalize(join(root, decoded));
  const inside = wanted === root || wanted.startsWith(root + sep);
  let file = inside ? wanted : join(root, 'index.html');
  try {
    if (!(await stat(file)).isFile()) file = join(root, 'index.html');
  } catch {
    file = join(root, 'index.html');
  }
  try {
    const body = await readFile(file);
    send(res, 200, body, MIME[extname(file)] ?? 'application/octet-stream', { 'Content-Security-Policy': CSP });
  } catch {
    send(res, 404, 'Not found. Build the renderer first: npm run build:web', 'text/plain; charset=utf-8');
  }
}

export async function startBrowserMode(options: BrowserModeOptions): Promise<BrowserModeServer> {
  const token = randomBytes(32).toString('base64url');
  const backend = createBackend({
    appName: 'Vertaistuki',
    appVersion: options.appVersion,
    mode: 'browser',
    dataDir: options.dataDir,
    migrationsDir: MIGRATIONS_DIR,
    fontsDir: FONTS_DIR,
    systemLocales: [],
    keys: options.keys,
    ...(options.log ? { log: options.log } : {}),
  });

  let port = 0;
  let vite: import('vite').ViteDevServer | undefined;
  const server: Server = createServer((req, res) => {
    // Only this machine's own address, by name too: a page elsewhere cannot rebind its DNS to us.
    if (req.headers.host !== `${HOST}:${port}`) return send(res, 403, 'Forbidden', 'text/plain');
    const url = new URL(req.url ?? '/', `http://${HOST}:${port}`);
    const apiMatch = /^\/api\/([\w.]+)$/.exec(url.pathname);
    if (apiMatch?.[1]) {
      handleApi(req, res, apiMatch[1], backend, token).catch((error: unknown) => {
        options.log?.(error);
        if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      });
      return;
    }
    if (vite) return vite.middlewares(req, res);
    if (req.method !== 'GET') return send(res, 405, 'GET only', 'text/plain');
    serveStatic(res, options.staticDir ?? 'out/web', url.pathname).catch((error: unknown) => {
      options.log?.(error);
      if (!res.headersSent) send(res, 500, 'Internal error', 'text/plain');
    });
  });

  await new Promise<void>((resolveListen) => server.listen(options.port ?? 0, HOST, resolveListen));
  port = (server.address() as AddressInfo).port;

  if (options.dev) {
    const { createServer: createVite } = await import('vite');
    vite = await createVite({
      configFile: resolve(here, '../../../renderer/vite.web.config.ts'),
      server: { middlewareMode: true, hmr: { server } },
      appType: 'spa',
    });
  }

  return {
    url: `http://${HOST}:${port}/#token=${token}`,
    port,
    token,
    backend,
    close: async () => {
      await vite?.close();
      const closed = new Promise<void>((done) => server.close(() => done()));
      server.closeAllConnections(); // a browser's keep-alive connections would hold close() open
      await closed;
      backend.close();
    },
  };
}
