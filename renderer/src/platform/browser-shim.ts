import { API_GLOBAL, CALL_NAMES, type VertaistukiApi } from '@shared/contract';
import type { Envelope } from '@shared/envelope';

/**
 * Browser mode's stand-in for the preload: the same named methods, carried over HTTP to the
 * local browser-mode server. The per-run token arrives in the address's fragment (never sent
 * to a server), is kept for this tab only, and is removed from the address bar.
 */
const TOKEN_KEY = 'vertaistuki.token';

function takeToken(): string {
  const fromHash = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (fromHash) {
    sessionStorage.setItem(TOKEN_KEY, fromHash);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

export function installBrowserShim(): void {
  const token = takeToken();
  const invoke = async (name: string, input: unknown): Promise<Envelope<unknown>> => {
    const response = await fetch(`api/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'x-vertaistuki-token': token },
      body: JSON.stringify({ input }),
    });
    if (!response.ok) throw new Error(`Browser-mode server answered ${response.status}`);
    return (await response.json()) as Envelope<unknown>;
  };
  const api = Object.fromEntries(CALL_NAMES.map((name) => [name, (input: unknown) => invoke(name, input)]));
  Object.defineProperty(window, API_GLOBAL, { value: Object.freeze(api) as VertaistukiApi });
}
