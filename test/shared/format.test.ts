import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatChange, formatDate, formatDateTime, formatFileSize, formatMonth, formatNumber, formatPeriod } from '@shared/vocabulary';

/**
 * The formatter builds an Intl formatter once per language and options and reuses it: a summary
 * of 999 meetings formats thousands of dates and numbers, and building a formatter costs far
 * more than using one. The text must be the same as a fresh formatter's.
 */
const fresh = {
  date: (iso: string, locale: string, month: 'numeric' | 'long') =>
    new Intl.DateTimeFormat(locale, { day: 'numeric', month, year: 'numeric', timeZone: 'UTC' }).format(Date.parse(`${iso}T00:00:00Z`)),
  month: (iso: string, locale: string) =>
    new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.parse(`${iso}-01T00:00:00Z`)),
  number: (value: number, locale: string, digits: number) =>
    new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value),
};

afterEach(() => vi.restoreAllMocks());

describe('formatter', () => {
  it('writes what a fresh Intl formatter writes, in both languages', () => {
    for (const iso of ['2026-01-01', '2026-09-01', '2027-02-28', '2024-02-29', '2026-12-31']) {
      expect(formatDate(iso, 'fi')).toBe(fresh.date(iso, 'fi-FI', 'numeric'));
      expect(formatDate(iso, 'en')).toBe(fresh.date(iso, 'en-GB', 'long'));
    }
    for (const iso of ['2026-01', '2026-09', '2027-12']) {
      expect(formatMonth(iso, 'fi')).toBe(fresh.month(iso, 'fi-FI'));
      expect(formatMonth(iso, 'en')).toBe(fresh.month(iso, 'en-GB'));
    }
    for (const value of [0, 4.2, 4, 3.95, 1234.5, -0.5]) {
      for (const digits of [0, 1, 2]) {
        expect(formatNumber(value, 'fi', digits)).toBe(fresh.number(value, 'fi-FI', digits));
        expect(formatNumber(value, 'en', digits)).toBe(fresh.number(value, 'en-GB', digits));
      }
    }
    expect([formatDate('2026-09-01', 'fi'), formatDate('2026-09-01', 'en')]).toEqual(['1.9.2026', '1 September 2026']);
    expect([formatNumber(4.2, 'fi'), formatNumber(4, 'en'), formatChange(-0.5, 'fi')]).toEqual(['4,2', '4.0', '−0,5']);
    expect(formatPeriod('2026-09-01', '2027-02-28', 'fi')).toBe('1.9.2026 – 28.2.2027');
  });

  it('keeps per-call options apart: digits, languages and kinds do not share a formatter', () => {
    expect(formatNumber(4.25, 'fi', 2)).toBe('4,25');
    expect(formatNumber(4.25, 'fi', 0)).toBe('4');
    expect(formatNumber(4.25, 'en', 2)).toBe('4.25');
    expect(formatDate('2026-09-01', 'en')).toBe('1 September 2026');
    expect(formatMonth('2026-09', 'en')).toBe('September 2026');
    expect(formatFileSize(1536, 'en')).toBe(fresh.number(1.5, 'en-GB', 1).replace(/$/, ' kB'));
    expect(formatFileSize(3 * 1024 * 1024, 'fi')).toBe(
      new Intl.NumberFormat('fi-FI', { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(3),
    );
    const at = '2026-11-25T12:05:00Z';
    expect(formatDateTime(at, 'fi')).toBe(
      new Intl.DateTimeFormat('fi-FI', { day: 'numeric', month: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit' }).format(new Date(at)),
    );
  });

  it('builds each Intl formatter once and reuses it', () => {
    // Warm every kind once, then count constructions over many calls.
    const all = () => {
      formatDate('2026-09-01', 'fi');
      formatDate('2026-09-02', 'en');
      formatMonth('2026-09', 'fi');
      formatMonth('2026-10', 'en');
      formatNumber(4.2, 'fi');
      formatNumber(4.2, 'en', 2);
      formatChange(1.3, 'fi');
      formatDateTime('2026-11-25T12:05:00Z', 'fi');
      formatFileSize(2048, 'en');
    };
    all();
    const dates = vi.spyOn(Intl, 'DateTimeFormat');
    const numbers = vi.spyOn(Intl, 'NumberFormat');
    for (let i = 0; i < 50; i += 1) all();
    expect(dates).not.toHaveBeenCalled();
    expect(numbers).not.toHaveBeenCalled();
  });
});
