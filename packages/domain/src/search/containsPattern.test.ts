import { describe, expect, it } from 'vitest';
import { containsPattern } from './containsPattern';

describe('containsPattern', () => {
  it('wraps the text in % and escapes the characters ILIKE would read as wildcards', () => {
    expect(containsPattern('Lund')).toBe('%Lund%');
    expect(containsPattern('50%_a\\b')).toBe('%50\\%\\_a\\\\b%');
  });
});
