import type { Database } from 'better-sqlite3';
import { stemmer } from '@orama/stemmers/finnish';

/**
 * Finnish is inflected: "aamupalaveri", "aamupalavereita" and "aamupalaverissa" are one word to a
 * reader. The search index keeps, beside the text, the Snowball Finnish stem of each of its words
 * (column `stems` of search_index, see 0007_search_stems.sql), and a query matches a word's stem there.
 *
 * The stems are computed here, in JS, by a SQL function registered on every connection the app
 * opens (db/driver.ts), so the triggers of 0007 keep the index in step whichever service writes the
 * text: no service has to remember to. (The other choice, a stems column maintained by each service,
 * would put a second write beside every text write in five services.)
 */
export const STEMS_FUNCTION = 'fi_stems';

/** Words as FTS5's unicode61 tokenizer sees them: runs of letters, marks and digits, lower-cased. */
export const wordsOf = (text: string): string[] => text.toLocaleLowerCase('fi-FI').match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];

/**
 * Snowball's Finnish stem, evened out where Snowball leaves the base form and the inflected forms
 * apart (measured on the pairs in test/services/search-finnish.test.ts): kokous/kokouksissa
 * (-ks-), jaksaminen/jaksamisesta (-min/-mis), rekrytointi/rekrytoinnissa (nt/nn), asiakas/
 * asiakkaiden (-kas), lomat/lomien (a final vowel). Index and query use the same function, so
 * these rules only decide which forms meet. Not undone: other consonant gradation (ristiriita/
 * ristiriidoista) and compounds.
 */
export function stemOf(word: string): string {
  const stem = stemmer(word.toLocaleLowerCase('fi-FI'))
    .replace(/ks$/u, 's')
    .replace(/mis$/u, 'min')
    .replace(/nt$/u, 'n')
    .replace(/kas$/u, 'k')
    .replace(/([uyöo])s$/u, '$1');
  return stem.length >= 4 ? stem.replace(/[aeiouyäö]$/u, '') : stem;
}

/** The distinct stems of a text's words, space-separated (each distinct stem once keeps the index small). */
export function stemsOf(text: string | null): string {
  if (!text) return '';
  return [...new Set(wordsOf(text).map(stemOf))].join(' ');
}

export function registerStems(db: Database): void {
  db.function(STEMS_FUNCTION, { deterministic: true }, (text: unknown) => stemsOf(typeof text === 'string' ? text : null));
}
