import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '@shared/domain';

type Tree = { [key: string]: string | Tree };

/**
 * Each feature keeps its texts in `locales/<language>/<feature>.json`; they are merged here into
 * one tree per language. A test fails if two files define the same key or a language lacks one.
 */
const files = import.meta.glob<Tree>('../locales/*/*.json', { eager: true, import: 'default' });

export function mergeTrees(target: Tree, source: Tree): Tree {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (typeof value === 'object' && typeof existing === 'object') mergeTrees(existing, value);
    else target[key] = typeof value === 'object' ? mergeTrees({}, value) : value;
  }
  return target;
}

const textsOf = (language: Language): Tree =>
  Object.entries(files)
    .filter(([path]) => path.includes(`/locales/${language}/`))
    .reduce<Tree>((tree, [, texts]) => mergeTrees(tree, texts), {});

export const resources = { fi: { translation: textsOf('fi') }, en: { translation: textsOf('en') } };

/** Finnish when the system prefers Finnish (first listed language), otherwise English. */
export function pickLanguage(saved: Language | null, systemLocales: readonly string[]): Language {
  if (saved) return saved;
  const first = systemLocales[0]?.toLowerCase() ?? '';
  return first === 'fi' || first.startsWith('fi-') ? 'fi' : 'en';
}

export const localeOf = (language: Language): string => (language === 'fi' ? 'fi-FI' : 'en-GB');

export function createI18n(language: Language): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return instance;
}

/** `2026-09-01` → `1.9.2026` (fi) or `1 September 2026` (en). */
export function formatDate(iso: string, language: Language): string {
  const [year, month, day] = iso.split('-').map(Number);
  if (!year || !month || !day) return iso;
  const options: Intl.DateTimeFormatOptions =
    language === 'fi' ? { day: 'numeric', month: 'numeric', year: 'numeric' } : { day: 'numeric', month: 'long', year: 'numeric' };
  return new Intl.DateTimeFormat(localeOf(language), { ...options, timeZone: 'UTC' }).format(Date.UTC(year, month - 1, day));
}

/** `2025-03` → `maaliskuu 2025` / `March 2025`. */
export function formatMonth(iso: string, language: Language): string {
  const [year, month] = iso.split('-').map(Number);
  if (!year || !month) return iso;
  return new Intl.DateTimeFormat(localeOf(language), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, 1));
}

/** Today's date in the local time zone as `YYYY-MM-DD`. */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
