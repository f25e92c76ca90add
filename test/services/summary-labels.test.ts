import { describe, expect, it } from 'vitest';
import { fill, SUMMARY_LABELS } from '../../electron/main/services/summary/labels';

/** The summary's own words: every one there in both languages, and placeholders that fill. */
type Tree = { [key: string]: string | Tree };

const leaves = (tree: Tree, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`)));
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the summary labels', () => {
  const fi = new Map(leaves(SUMMARY_LABELS.fi as unknown as Tree));
  const en = new Map(leaves(SUMMARY_LABELS.en as unknown as Tree));

  it('have the same keys in Finnish and English, and no empty word', () => {
    expect([...fi.keys()].sort()).toEqual([...en.keys()].sort());
    expect(fi.size).toBeGreaterThan(70);
    expect([...fi, ...en].filter(([, text]) => text.trim() === '')).toEqual([]);
  });

  it('are in each language its own words: every Finnish label but the numeric ones differs from the English', () => {
    const same = [...fi].filter(([key, text]) => en.get(key) === text).map(([key]) => key);
    expect(same).toEqual(['attendanceOf']);
  });

  it('keep the same placeholders in both languages', () => {
    for (const [key, text] of fi) expect(placeholders(text), key).toEqual(placeholders(en.get(key)!));
    expect(placeholders(SUMMARY_LABELS.fi.pageLabel)).toEqual(['page', 'pages']);
    expect(placeholders(SUMMARY_LABELS.fi.feedbackIntro)).toEqual(['min']);
  });

  it('use the self-check questions in the words the domain fixes', () => {
    expect(SUMMARY_LABELS.fi.presets['know']).toMatch(/^Tiedänkö/);
    expect(SUMMARY_LABELS.fi.presets['can']).toMatch(/^Osaanko/);
    expect(SUMMARY_LABELS.fi.presets['want']).toMatch(/^Haluanko/);
    expect(SUMMARY_LABELS.en.presets['know']).toMatch(/^Do I know/);
  });

  it('fill placeholders and leave unknown ones as they are', () => {
    expect(fill('{present}/{marked}', { present: 3, marked: 4 })).toBe('3/4');
    expect(fill('a {x} b {y}', { x: 'X' })).toBe('a X b {y}');
    expect(fill('{n}{n}', { n: 0 })).toBe('00');
  });
});
