import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDate, formatMonth, pickLanguage } from '../../renderer/src/app/i18n';
import { resources } from '../../renderer/src/app/i18n';

type Tree = { [key: string]: string | Tree };

const fi = resources.fi.translation;
const en = resources.en.translation;
const localeFiles = (language: string) =>
  readdirSync(resolve('renderer/src/locales', language)).map((file) => ({
    file,
    tree: JSON.parse(readFileSync(resolve('renderer/src/locales', language, file), 'utf8')) as Tree,
  }));

const keysOf = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );

const valuesOf = (tree: Tree): string[] => Object.values(tree).flatMap((v) => (typeof v === 'string' ? [v] : valuesOf(v)));

/** i18next plural keys: `count_one`/`count_other` are used as `count`. */
const usable = (keys: string[]) => new Set(keys.flatMap((k) => [k, k.replace(/_(one|other)$/, '')]));

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));

describe('translations', () => {
  const fiKeys = keysOf(fi as Tree).sort();
  const enKeys = keysOf(en as Tree).sort();

  it('Finnish and English have exactly the same keys', () => {
    expect(fiKeys.filter((k) => !enKeys.includes(k)), 'missing in en.json').toEqual([]);
    expect(enKeys.filter((k) => !fiKeys.includes(k)), 'missing in fi.json').toEqual([]);
  });

  it('each language has the same files, and no two files define the same key', () => {
    expect(readdirSync(resolve('renderer/src/locales/fi')).sort()).toEqual(readdirSync(resolve('renderer/src/locales/en')).sort());
    for (const language of ['fi', 'en']) {
      const seen = new Map<string, string>();
      for (const { file, tree } of localeFiles(language)) {
        for (const key of keysOf(tree)) {
          expect(seen.get(key), `${language}: ${key} in ${file} and ${seen.get(key)}`).toBeUndefined();
          seen.set(key, file);
        }
      }
    }
  });

  it('no text is empty', () => {
    expect(valuesOf(fi as Tree).filter((v) => v.trim() === '')).toEqual([]);
    expect(valuesOf(en as Tree).filter((v) => v.trim() === '')).toEqual([]);
  });

  it('every literal key the renderer uses exists in both languages', () => {
    const available = usable(fiKeys);
    const used = new Set<string>();
    for (const file of sourceFiles(resolve('renderer/src'))) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) used.add(match[1]!);
      for (const match of readFileSync(file, 'utf8').matchAll(/labelKey: '([a-zA-Z0-9_.]+)'/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(40);
    expect([...used].filter((key) => !available.has(key))).toEqual([]);
  });

  it('every validation message a schema can give has a sentence', async () => {
    const domain = readdirSync(resolve('shared/domain')).map((f) => readFileSync(resolve('shared/domain', f), 'utf8')).join('\n');
    const contract = readdirSync(resolve('shared/contract')).map((f) => readFileSync(resolve('shared/contract', f), 'utf8')).join('\n');
    const messages = new Set([...`${domain}\n${contract}`.matchAll(/error: '([a-zA-Z]+)'/g)].map((m) => m[1]!));
    messages.add('required');
    messages.add('invalidDate');
    for (const message of messages) expect(fiKeys, message).toContain(`validation.${message}`);
  });

  it('every error code has a sentence', async () => {
    const { ERROR_CODES } = await import('../../shared/envelope');
    for (const code of [...ERROR_CODES, 'unreachable']) {
      expect(fiKeys).toContain(`errors.${code}`);
      expect(enKeys).toContain(`errors.${code}`);
    }
  });
});

describe('language choice', () => {
  it('follows a Finnish system, otherwise English; a saved choice wins', () => {
    expect(pickLanguage(null, ['fi-FI', 'en-US'])).toBe('fi');
    expect(pickLanguage(null, ['fi'])).toBe('fi');
    expect(pickLanguage(null, ['sv-FI', 'fi-FI'])).toBe('en');
    expect(pickLanguage(null, ['en-GB'])).toBe('en');
    expect(pickLanguage(null, [])).toBe('en');
    expect(pickLanguage('en', ['fi-FI'])).toBe('en');
    expect(pickLanguage('fi', ['en-US'])).toBe('fi');
  });

  it('formats dates for the language', () => {
    expect(formatDate('2026-09-01', 'fi')).toBe('1.9.2026');
    expect(formatDate('2026-09-01', 'en')).toBe('1 September 2026');
    expect(formatMonth('2026-12', 'fi')).toBe('joulukuu 2026');
    expect(formatMonth('2026-12', 'en')).toBe('December 2026');
  });
});
