import { extname, join, normalize, sep } from 'node:path';

/**
 * The app's own origin, `app://vertaistuki`. The renderer is served from it instead of `file://`,
 * so that the CSP's 'self', the IPC sender check and the request filter all name one origin that no
 * other page can have. Electron-free, so tests check exactly what main uses.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'vertaistuki';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

export const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.json': 'application/json; charset=utf-8',
};

export const mimeOf = (file: string): string => MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';

/** True for an address on the app's own origin, and nothing that merely looks like it. */
export function isAppOrigin(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

/**
 * The file an `app://` request names, inside `root` (the built renderer) and nowhere else;
 * null for anything else, which the handler answers with 404.
 */
export function resolveAppFile(url: string, root: string): string | null {
  if (!isAppOrigin(url)) return null;
  let path: string;
  try {
    path = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  const base = normalize(root);
  const file = normalize(join(base, path === '/' ? 'index.html' : path));
  return file.startsWith(base.endsWith(sep) ? base : base + sep) ? file : null;
}
