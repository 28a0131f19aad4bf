import { describe, expect, it } from 'vitest';
import { cprBirthYear, cprProblem } from './cpr';

const real = { testCpr: false };
const demo = { testCpr: true };

describe('cprProblem', () => {
  it('accepts a possible date of birth, with or without the hyphen', () => {
    expect(cprProblem('010190-1234', real)).toBeNull();
    expect(cprProblem('0101901234', real)).toBeNull();
    expect(cprProblem('290200-4321', real)).toBeNull(); // 29 Feb 2000: 7th digit 4, YY 00 → 2000, a leap year
  });

  it('refuses month 34 and names the month', () => {
    const problem = cprProblem('013490-1234', real);
    expect(problem?.da).toContain('måned 34');
    expect(problem?.en).toContain('month 34');
    expect(cprProblem('010090-1234', real)?.en).toContain('month 00');
  });

  it('refuses a day the month does not have, with the century from the seventh digit', () => {
    expect(cprProblem('310490-1234', real)?.en).toContain('4/1990 has only 30 days');
    // 29 Feb 1900 did not exist (7th digit 0 → 1900), 29 Feb 2000 did (7th digit 4 → 2000).
    expect(cprProblem('290200-1234', real)?.en).toContain('2/1900 has only 28 days');
    expect(cprProblem('290200-4234', real)).toBeNull();
  });

  it('accepts day 00, the made-up numbers of the demo, only with test data', () => {
    expect(cprProblem('000190-0001', demo)).toBeNull();
    expect(cprProblem('000190-0001', real)?.en).toContain('day 00');
    // Test data still needs a real month.
    expect(cprProblem('003490-0001', demo)?.en).toContain('month 34');
  });

  it('refuses what is not ten digits', () => {
    for (const bad of ['01019-1234', '010190-123', '010190_1234', 'abcdef-ghij'])
      expect(cprProblem(bad, real)?.da, bad).toContain('DDMMÅÅ-NNNN');
  });

  it('gives the century by the CPR table', () => {
    expect(cprBirthYear(90, 0)).toBe(1990);
    expect(cprBirthYear(36, 4)).toBe(2036);
    expect(cprBirthYear(37, 4)).toBe(1937);
    expect(cprBirthYear(57, 5)).toBe(2057);
    expect(cprBirthYear(58, 8)).toBe(1858);
    expect(cprBirthYear(10, 9)).toBe(2010);
    expect(cprBirthYear(60, 9)).toBe(1960);
  });
});
