import { describe, expect, it } from 'vitest';
import { formatMonth, parseMonth } from '@shared/vocabulary';

/** A month as a Finn (or an English speaker) types it; the store keeps `YYYY-MM`. */
describe('parseMonth', () => {
  it.each([
    ['9/2016', '2016-09'],
    ['09/2016', '2016-09'],
    ['9.2016', '2016-09'],
    [' 9 / 2016 ', '2016-09'],
    ['2016-09', '2016-09'],
    ['syyskuu 2016', '2016-09'],
    ['Syyskuu 2016', '2016-09'],
    ['syys 2016', '2016-09'],
    ['syyskuussa 2016', '2016-09'],
    ['syyskuuta 2016', '2016-09'],
    ['syysk. 2016', '2016-09'],
    ['tammikuu 2017', '2017-01'],
    ['kesä 2017', '2017-06'],
    ['heinäkuu 2017', '2017-07'],
    ['joulu 2016', '2016-12'],
    ['September 2016', '2016-09'],
    ['Sept 2016', '2016-09'],
    ['sep 2016', '2016-09'],
    ['March 2017', '2017-03'],
    ['2016 September', '2016-09'],
  ])('"%s" is %s', (typed, iso) => {
    expect(parseMonth(typed)).toBe(iso);
  });

  it.each(['', '13/2016', '0/2016', '9/16', 'syyskuu', '2016', 'syyskuun 2016 alussa', 'kesäloma 2016', 'ma 2016', '32.9.2016'])('"%s" is no month', (typed) => {
    expect(parseMonth(typed)).toBeNull();
  });

  it('reads back what formatMonth writes, in both languages', () => {
    for (let month = 1; month <= 12; month += 1) {
      const iso = `2026-${String(month).padStart(2, '0')}`;
      expect(parseMonth(formatMonth(iso, 'fi'))).toBe(iso);
      expect(parseMonth(formatMonth(iso, 'en'))).toBe(iso);
    }
  });
});
