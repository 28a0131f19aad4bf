import { describe, expect, it } from 'vitest';
import { formatAmount, formatDay, formatMonth, formatShortMonth } from './benefitFormat';

describe('benefit numbers and dates as readers write them', () => {
  it('groups and signs numbers by language, with a true minus sign', () => {
    expect(formatAmount(6175, 'da')).toBe('6.175');
    expect(formatAmount(-3750.5, 'da')).toBe('\u22123.750,5');
    expect(formatAmount(-3750.5, 'en')).toBe('\u22123,750.5');
    expect(formatAmount(12.345678, 'da', 2)).toBe('12,35');
  });

  it('never writes minus zero, also where a small negative rounds to zero', () => {
    expect(formatAmount(-0, 'da')).toBe('0');
    expect(formatAmount(-0.0004, 'da')).toBe('0');
    expect(formatAmount(-0.004, 'en', 2)).toBe('0');
  });

  it('writes a missing value as a dash', () => {
    expect(formatAmount(null, 'da')).toBe('–');
    expect(formatAmount(Number.NaN, 'en')).toBe('–');
  });

  it('writes days and months the Danish and the English way', () => {
    expect(formatDay('2026-12-04', 'da')).toBe('4.12.2026');
    expect(formatDay('2026-12-04', 'en')).toBe('4 Dec 2026');
    expect(formatMonth('2026-11', 'da')).toBe('november 2026');
    expect(formatMonth('2026-11', 'en')).toBe('November 2026');
    expect(formatShortMonth('2026-05-01', 'da')).toBe('maj 26');
    expect(formatShortMonth('2026-11', 'da')).toBe('nov. 26');
    expect(formatShortMonth('2026-11', 'en')).toBe('Nov 26');
  });
});
