import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Checks the built bundles (`npm run build` and `npm run build:web` run before the tests):
 * the desktop renderer carries no browser-mode shim, and the sandboxed preload loads nothing but electron.
 */
const out = resolve('out');
const read = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'))
    .join('\n');

describe('built bundles', () => {
  it('exist (run `npm run build && npm run build:web` first)', () => {
    expect(existsSync(join(out, 'renderer')) && existsSync(join(out, 'web'))).toBe(true);
  });

  it('the desktop renderer does not contain the browser-mode shim', () => {
    expect(read(join(out, 'web'))).toContain('x-vertaistuki-token');
    expect(read(join(out, 'renderer'))).not.toContain('x-vertaistuki-token');
  });

  it('the preload is one CommonJS file that requires only electron', () => {
    const preload = readFileSync(join(out, 'preload/index.cjs'), 'utf8');
    const required = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(required).toEqual(['electron']);
    expect(preload).not.toMatch(/ipcRenderer\s*[,}]/); // never handed to the page as such
  });

  it('the desktop renderer ships its CSP, and the migrations and fonts travel with main', () => {
    const html = readFileSync(join(out, 'renderer/index.html'), 'utf8');
    expect(html).toMatch(/Content-Security-Policy" content="default-src 'none'; script-src 'self'/);
    expect(html).not.toContain('unsafe-eval');
    expect(readdirSync(join(out, 'main/migrations'))).toContain('0001_init.sql');
    expect(readdirSync(join(out, 'main/fonts'))).toEqual(expect.arrayContaining(['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf']));
  });
});
