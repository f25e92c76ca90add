/**
 * A month as a person types it, in either language: `9/2016`, `09/2016`, `9.2016`, `2016-09`,
 * `syyskuu 2016`, `syys 2016`, `syyskuussa 2016`, `syysk. 2016`, `September 2016`, `Sept 2016`.
 * The store keeps `YYYY-MM`; screens show it with `formatMonth` and never as stored.
 */

/** Finnish month names are a stem and `kuu` (syys|kuu), inflected: syyskuu, syyskuuta, syyskuussa… */
const FI_STEMS = ['tammi', 'helmi', 'maalis', 'huhti', 'touko', 'kesä', 'heinä', 'elo', 'syys', 'loka', 'marras', 'joulu'];
const EN_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** The month (1–12) a word names, or 0. */
function monthOfWord(word: string): number {
  const w = word.toLocaleLowerCase('fi-FI').replace(/\.$/, '');
  const fi = FI_STEMS.findIndex((stem) => w.startsWith(stem) && /^(k(uu\p{L}*)?)?$/u.test(w.slice(stem.length)));
  if (fi >= 0) return fi + 1;
  if (w.length >= 3) {
    const en = EN_NAMES.findIndex((name) => name.startsWith(w) || (w === 'sept' && name === 'september'));
    if (en >= 0) return en + 1;
  }
  return 0;
}

const iso = (year: number, month: number): string | null =>
  year >= 1900 && year <= 2999 && month >= 1 && month <= 12 ? `${year}-${String(month).padStart(2, '0')}` : null;

/** `YYYY-MM`, or null when the text names no month of a year. */
export function parseMonth(text: string): string | null {
  const value = text.trim();
  if (value === '') return null;
  const numeric = /^(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(value);
  if (numeric) return iso(Number(numeric[2]), Number(numeric[1]));
  const isoLike = /^(\d{4})\s*[-/.]\s*(\d{1,2})$/.exec(value);
  if (isoLike) return iso(Number(isoLike[1]), Number(isoLike[2]));
  const words = value.split(/[\s,]+/).filter((w) => w !== '');
  if (words.length !== 2) return null;
  const [a, b] = words as [string, string];
  if (/^\d{4}$/.test(b)) return iso(Number(b), monthOfWord(a));
  if (/^\d{4}$/.test(a)) return iso(Number(a), monthOfWord(b));
  return null;
}
