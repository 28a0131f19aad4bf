import { describe, expect, it } from 'vitest';
import { wordStartPatterns } from './wordStartPatterns';

const matches = (q: string, text: string) =>
  wordStartPatterns(q).every((p) => new RegExp(p.replace('[:alnum:]', 'a-zA-Z0-9'), 'i').test(text));

describe('wordStartPatterns', () => {
  it('matches words that begin with each word typed, in any order', () => {
    expect(matches('syg', 'Fravær ved sygdom')).toBe(true);
    expect(matches('SYG', 'Sygemelding')).toBe(true);
    expect(matches('dom', 'Fravær ved sygdom')).toBe(false);
    expect(matches('sygdom fra', 'Fravær ved sygdom')).toBe(true);
    expect(matches('sygdom barsel', 'Fravær ved sygdom')).toBe(false);
    expect(matches('IND-2026', 'IND-2026-000123')).toBe(true);
    expect(matches('000123', 'IND-2026-000123')).toBe(true);
  });

  it('counts a Danish letter as part of a word, so a match after it is not a word start', () => {
    expect(matches('rø', 'Ærø')).toBe(false);
    expect(matches('ærø', 'Ærø')).toBe(true);
  });

  it('takes characters a regular expression reads as themselves, and nothing for blank text', () => {
    expect(matches('a.c', 'abc')).toBe(false);
    expect(matches('(b', 'a (b)')).toBe(true);
    expect(wordStartPatterns(' \t ')).toEqual([]);
  });
});
