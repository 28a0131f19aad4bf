import { describe, expect, it } from 'vitest';
import { evaluateBusinessCase } from './evaluateBusinessCase';
import { toUnits } from './exactAmount';

describe('toUnits', () => {
  it('reads JSON numbers and Danish text, each one way only', () => {
    expect(toUnits(0.002, 3)).toBe(2);
    expect(toUnits('0,002', 3)).toBe(2);
    expect(toUnits('-3.750,5', 3)).toBe(-3_750_500);
    expect(toUnits('3.750,0', 3)).toBe(3_750_000);
    expect(toUnits('3750', 3)).toBe(3_750_000);
    expect(toUnits('1.234.567,125', 3)).toBe(1_234_567_125);
    expect(toUnits(' 12 ', 3)).toBe(12_000);
    expect(toUnits('−4,5', 1)).toBe(-45);
  });

  it('refuses text with a decimal point, which a Dane and everyone else would read differently', () => {
    for (const ambiguous of [
      '0.002',
      '2.002',
      '3.750',
      '1234.5',
      '1.5',
      '1.2345',
      '12.34.567',
      '1,234.5',
      '.5',
      '1,',
    ])
      expect(toUnits(ambiguous, 3), ambiguous).toBeNull();
  });

  it('refuses more decimals than the unit has, and amounts beyond exact integers', () => {
    expect(toUnits('0,0001', 3)).toBeNull();
    expect(toUnits(1e16, 3)).toBeNull();
  });
});

describe('business-case totals', () => {
  it('refuses amounts whose sum is beyond what is exact to the krone', () => {
    const big = 5_000_000_000_000; // in 1,000 DKK: each is exact to the krone, the two together are not.
    const { issues } = evaluateBusinessCase({
      title: 'For stor',
      priceLevel: 2017,
      firstYear: 2017,
      lines: [
        { label: 'A', kind: 'permanent', area: 'service', amounts: [big] },
        { label: 'B', kind: 'permanent', area: 'service', amounts: [big] },
      ],
    });
    expect(issues).toEqual([
      expect.objectContaining({
        path: 'lines',
        message: expect.objectContaining({ en: expect.stringContaining('exactly to the krone') }),
      }),
    ]);
  });

  it('names an ambiguous amount with its line and year, in both languages', () => {
    const { issues } = evaluateBusinessCase({
      title: 'Tvetydig',
      priceLevel: 2017,
      firstYear: 2017,
      lines: [{ label: 'Licens', kind: 'permanent', area: 'service', amounts: ['0.002'] }],
    });
    expect(issues[0]).toMatchObject({ path: 'lines.0.amounts.0' });
    expect(issues[0]!.message.da).toContain('0,002');
  });
});
