import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { CSP } from '@shared/csp';
import { APP_SCHEME, mimeOf, resolveAppFile } from './protocol-policy';

/**
 * `app://` must be declared standard and secure before the app is ready: standard so that it has
 * an origin ('self' in the CSP means it), secure so that the page is a secure context.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true } }]);
}

const HEADERS = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** Answers an `app://` request with a file from the built renderer (`root`) and nothing else. */
export async function serveAppRequest(request: Request, root: string): Promise<Response> {
  const file = resolveAppFile(request.url, root);
  if (request.method !== 'GET' || !file) return new Response('Not found', { status: 404, headers: HEADERS });
  try {
    return new Response(await readFile(file), { status: 200, headers: { ...HEADERS, 'Content-Type': mimeOf(file) } });
  } catch {
    return new Response('Not found', { status: 404, headers: HEADERS });
  }
}

/** After ready: serve the renderer from its folder (inside the asar when packaged). */
export function handleAppProtocol(root: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request, root));
}
