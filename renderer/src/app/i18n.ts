import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '@shared/domain';
import { GLOSSARY } from '@shared/vocabulary';

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

/** The glossary's terms are `term.*`; locale texts use them with `$t(term.…)` rather than copy them. */
const textsOf = (language: Language): Tree =>
  Object.entries(files)
    .filter(([path]) => path.includes(`/locales/${language}/`))
    .reduce<Tree>((tree, [, texts]) => mergeTrees(tree, texts), { term: mergeTrees({}, GLOSSARY[language] as unknown as Tree) });

export const resources = { fi: { translation: textsOf('fi') }, en: { translation: textsOf('en') } };

/** Finnish when the system prefers Finnish (first listed language), otherwise English. */
export function pickLanguage(saved: Language | null, systemLocales: readonly string[]): Language {
  if (saved) return saved;
  const first = systemLocales[0]?.toLowerCase() ?? '';
  return first === 'fi' || first.startsWith('fi-') ? 'fi' : 'en';
}

// Dates, months and numbers are formatted by shared/vocabulary/format.ts, for screens and documents alike.
export { formatDate, formatMonth, localeOf, todayIso } from '@shared/vocabulary';

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
