import { date, unaryTest } from 'feelin';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/DomainError';
import { compileExpression, compileUnaryTests } from './compileFeel';

const variables = ['limit', 'km driven', 'flag', 'names'];
const place = { ruleIndex: 2, ruleId: 'r3', column: 'Km' };

describe('compileUnaryTests', () => {
  // The compiled cell must decide exactly as feelin's unaryTest does on the same text.
  const cells = [
    '-',
    '< 20000',
    '>= 20000',
    '< 10, [20..30]',
    '[1..5]',
    ']1..5[',
    '"a","b"',
    'not("a","b")',
    'not(< 10)',
    'true',
    'false',
    'null',
    'flag',
    '? > 5',
    '? > limit',
    '? > 5, ? < 2',
    '> limit',
    'limit',
    'km driven < 3',
    'names',
    'date("2026-01-01")',
    '>= date("2026-01-01")',
    '[date("2025-01-01")..date("2025-12-31")]',
    '@"2026-01-01"',
    'string length(?) > 2',
  ];
  const values = [
    null,
    0,
    1,
    3,
    7,
    10,
    25,
    19999,
    20000,
    30000,
    'a',
    'c',
    'abc',
    true,
    false,
    date('2025-12-31'),
    date('2026-01-01'),
  ];
  const contexts = [
    { limit: 20000, 'km driven': 2, flag: true, names: ['a', 'b'] },
    { limit: 5, 'km driven': 4, flag: false, names: ['c'] },
    { limit: null, 'km driven': null, flag: null, names: null },
  ];
  for (const cell of cells) {
    it(`decides ${JSON.stringify(cell)} as feelin's unaryTest does`, () => {
      const test = compileUnaryTests(cell, variables, place);
      for (const context of contexts) {
        const args = variables.map((name) => context[name as keyof typeof context]);
        for (const value of values) {
          // The one deliberate difference: a test computing with ? never passes a missing value.
          const expected =
            value === null && cell.includes('?')
              ? false
              : unaryTest(cell, { ...context, '?': value }).value === true;
          expect(test(value, args), `${cell} with ? = ${String(value)} in ${JSON.stringify(context)}`).toBe(
            expected,
          );
        }
      }
    });
  }

  it('never passes a missing value to a test that computes with it, unlike feelin', () => {
    expect(unaryTest('? > 5', { '?': null }).value).toBe(true);
    expect(compileUnaryTests('? > 5', variables, place)(null, [null, null, null, null])).toBe(false);
    expect(compileUnaryTests('? > 5', variables, place)(6, [null, null, null, null])).toBe(true);
  });

  it('refuses a cell that is not FEEL, naming the rule and the column in both languages', () => {
    let error: unknown;
    try {
      compileUnaryTests('< 10 ]]', variables, place);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    const { code, text } = error as DomainError;
    expect(code).toBe('decision_feel_syntax');
    expect(text.da).toContain('regel 3 (r3), kolonnen "Km"');
    expect(text.en).toContain('rule 3 (r3), column "Km"');
    expect(text.en).toContain('< 10 ]]');
  });

  it('refuses a name the table does not declare', () => {
    expect(() => compileUnaryTests('> roof', variables, place)).toThrow(/does not know/);
  });
});

describe('compileExpression', () => {
  it('computes with the variables, as FEEL does with decimals and dates', () => {
    expect(compileExpression('max(0, limit - km driven)', variables, place)([20000, 1500, null, null])).toBe(
      18500,
    );
    expect(compileExpression('3.94', variables, place)([null, null, null, null])).toBe(3.94);
    expect(String(compileExpression('date("2026-01-01") + duration("P1D")', [], place)([]))).toBe(
      '2026-01-02',
    );
  });

  it('refuses an incomplete expression, naming where it stands', () => {
    expect(() => compileExpression('3.94 +', variables, place)).toThrow(/rule 3 \(r3\), column "Km"/);
  });
});
