import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateBusinessCase, paybackYears, type BusinessCaseInput } from './evaluateBusinessCase';

const bc01 = JSON.parse(
  readFileSync(
    new URL('../../../../catalog/business-cases/bc01-serviceplatform.json', import.meta.url),
    'utf8',
  ),
) as BusinessCaseInput;
const result = (input: unknown) => {
  const { result: r, issues } = evaluateBusinessCase(input);
  if (!r) throw new Error(JSON.stringify(issues));
  return r;
};

describe('business case of seed 000, table 1.1', () => {
  const r = result(bc01);
  it('reproduces the rows of the table', () => {
    expect(r.years).toEqual([2017, 2018, 2019, 2020, 2021]);
    expect(r.permanentTotal).toEqual([0, -3750, -6861, -6861, -6861]);
    expect(r.implementationByArea).toEqual({
      capital: [6175, 12201, 9028, 0, 0],
      service: [0, 2340, 0, 0, 0],
    });
    expect(r.implementationTotal).toEqual([6175, 14541, 9028, 0, 0]);
    expect(r.total).toEqual([6175, 10791, 2167, -6861, -6861]);
    expect(r.cumulative).toEqual([6175, 16966, 19133, 12272, 5411]);
  });
  it('pays back in year 6 (2022) on the total and on the service effect alike', () => {
    expect(r.paybackYears).toBe(6);
    expect(r.paybackYear).toBe(2022);
    expect(r.paybackServiceYears).toBe(6);
  });
  it('gives the whole amount to the one committee', () => {
    expect(r.committees).toEqual([
      {
        name: 'Økonomiudvalget',
        keyPercent: 100,
        permanentTotal: r.permanentTotal,
        implementationTotal: r.implementationTotal,
        total: r.total,
      },
    ]);
  });
});

describe('the payback rule', () => {
  it('counts the first year as 1, ignores years before anything happens, and says never when savings do not continue', () => {
    expect(paybackYears([-5], -5)).toBe(1);
    expect(paybackYears([0, 0, 100, -100], -100)).toBe(4);
    expect(paybackYears([100, -40], -40)).toBe(4); // 60 left after the table: two more years of −40
    expect(paybackYears([100, -40], 0)).toBeNull();
    expect(paybackYears([100, 50], 50)).toBeNull();
    expect(paybackYears([0, 0], 0)).toBeNull();
  });

  const amount = fc.integer({ min: -20_000, max: 20_000 });
  const caseArb = fc.integer({ min: 1, max: 8 }).chain((years) =>
    fc.record({
      title: fc.constant('Egenskab'),
      priceLevel: fc.constant(2024),
      firstYear: fc.constant(2024),
      lines: fc.array(
        fc.record({
          label: fc.constantFrom('Besparelse', 'Drift', 'Anlæg', 'Licens'),
          kind: fc.constantFrom('permanent' as const, 'implementation' as const),
          area: fc.constantFrom('service' as const, 'capital' as const),
          amounts: fc.array(amount, { minLength: years, maxLength: years }),
        }),
        { minLength: 1, maxLength: 6 },
      ),
    }),
  );

  it('is unchanged by adding a line of zeros', () => {
    fc.assert(
      fc.property(caseArb, fc.constantFrom('permanent' as const, 'implementation' as const), (bc, kind) => {
        const zeros = {
          label: 'Nul',
          kind,
          area: 'service' as const,
          amounts: bc.lines[0]!.amounts.map(() => 0),
        };
        const before = result(bc);
        const after = result({ ...bc, lines: [...bc.lines, zeros] });
        expect(after.paybackYears).toBe(before.paybackYears);
        expect(after.total).toEqual(before.total);
      }),
    );
  });

  it('is unchanged by scaling every amount by a positive factor', () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 2, max: 1000 }), (bc, factor) => {
        const scaled = {
          ...bc,
          lines: bc.lines.map((l) => ({ ...l, amounts: l.amounts.map((a) => a * factor) })),
        };
        expect(result(scaled).paybackYears).toBe(result(bc).paybackYears);
      }),
    );
  });

  it('is unchanged by the order of the lines, and the last cumulative is the sum of all amounts', () => {
    fc.assert(
      fc.property(caseArb, (bc) => {
        const reversed = result({ ...bc, lines: [...bc.lines].reverse() });
        const r = result(bc);
        expect(reversed.paybackYears).toBe(r.paybackYears);
        const all = bc.lines.flatMap((l) => l.amounts).reduce((a, b) => a + b, 0);
        expect(r.cumulative.at(-1)).toBe(all);
      }),
    );
  });

  it('when it pays back, the cumulative impact at that year (extended by the last permanent change) is zero or below, and the year before it is not', () => {
    fc.assert(
      fc.property(caseArb, (bc) => {
        const r = result(bc);
        if (r.paybackYears === null) return;
        const lastPermanent = r.permanentTotal.at(-1)!;
        const cumulativeAt = (year: number) =>
          year <= r.years.length
            ? r.cumulative[year - 1]!
            : r.cumulative.at(-1)! + (year - r.years.length) * lastPermanent;
        expect(cumulativeAt(r.paybackYears)).toBeLessThanOrEqual(0);
        const firstActive = r.total.findIndex((t) => t !== 0) + 1;
        if (r.paybackYears > firstActive) expect(cumulativeAt(r.paybackYears - 1)).toBeGreaterThan(0);
      }),
    );
  });
});

describe('exact amounts', () => {
  it('adds 0.1 (100 kr.) ten times to exactly 1 (1,000 kr.), where floating point would give 0.9999999999999999', () => {
    expect(Array.from({ length: 10 }, () => 0.1).reduce((a, b) => a + b, 0)).not.toBe(1);
    const r = result({
      title: 'Tiendedele',
      priceLevel: 2024,
      firstYear: 2024,
      lines: Array.from({ length: 10 }, (_, i) => ({
        label: `Linje ${i + 1}`,
        kind: 'implementation',
        area: 'service',
        amounts: [0.1, 0.2],
      })),
    });
    expect(r.total).toEqual([1, 2]);
    expect(r.cumulative).toEqual([1, 3]);
  });

  it('keeps any order of many small decimal amounts to the same total', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -99_999, max: 99_999 }), { minLength: 1, maxLength: 40 }),
        (kroner) => {
          const lines = kroner.map((k, i) => ({
            label: `L${i}`,
            kind: 'implementation',
            area: 'service',
            amounts: [k / 1000],
          }));
          const forward = result({ title: 'x', priceLevel: 2024, firstYear: 2024, lines }).total[0];
          const backward = result({
            title: 'x',
            priceLevel: 2024,
            firstYear: 2024,
            lines: [...lines].reverse(),
          }).total[0];
          expect(forward).toBe(backward);
          expect(Math.round(forward! * 1000)).toBe(kroner.reduce((a, b) => a + b, 0));
        },
      ),
    );
  });

  it('reads Danish amounts written as text', () => {
    const r = result({
      title: 'Tekst',
      priceLevel: 2024,
      firstYear: 2024,
      lines: [{ label: 'A', kind: 'permanent', area: 'service', amounts: ['-3.750,0', '1.234,5', '0,001'] }],
    });
    expect(r.total).toEqual([-3750, 1234.5, 0.001]);
  });

  it('splits across committees so the shares add up to the total to the krone', () => {
    const r = result({
      title: 'Fordeling',
      priceLevel: 2024,
      firstYear: 2024,
      lines: [{ label: 'A', kind: 'permanent', area: 'service', amounts: [-1000, 1] }],
      committees: [
        { name: 'ØU', keyPercent: 33.33 },
        { name: 'BUU', keyPercent: 33.33 },
        { name: 'SUU', keyPercent: 33.34 },
      ],
    });
    for (let j = 0; j < 2; j += 1)
      expect(Math.round(r.committees.reduce((a, c) => a + c.total[j]! * 1000, 0))).toBe(
        Math.round(r.total[j]! * 1000),
      );
    expect(r.committees.map((c) => c.total[0])).toEqual([-333.3, -333.3, -333.4]);
  });
});

describe('bad input', () => {
  const base = { title: 'Fejl', priceLevel: 2024, firstYear: 2024 };
  it('names the line whose arrays differ in length, whose amount is not a number, and whose kind is unknown', () => {
    const { issues, result: r } = evaluateBusinessCase({
      ...base,
      lines: [
        { label: 'Første', kind: 'permanent', area: 'service', amounts: [1, 2, 3] },
        { label: 'Anden', kind: 'permanent', area: 'service', amounts: [1, 2] },
        { label: 'Tredje', kind: 'implementation', area: 'service', amounts: [1, 'mange', 3] },
        { label: 'Fjerde', kind: 'forever', area: 'service', amounts: [1, 2, 3] },
      ],
    });
    expect(r).toBeUndefined();
    expect(issues.map((i) => i.path)).toEqual(['lines.1.amounts', 'lines.2.amounts.1', 'lines.3.kind']);
    expect(issues[0]!.message.da).toContain('Linje 2 (Anden)');
    expect(issues[1]!.message.en).toContain('Line 3 (Tredje), year 2');
    expect(issues[2]!.message.en).toContain('"forever"');
  });
  it('refuses allocation keys that do not add up to 100 %', () => {
    const { issues } = evaluateBusinessCase({
      ...base,
      lines: [{ label: 'A', kind: 'permanent', area: 'service', amounts: [1] }],
      committees: [
        { name: 'ØU', keyPercent: 60 },
        { name: 'BUU', keyPercent: 30 },
      ],
    });
    expect(issues[0]!.message.da).toContain('90 %');
  });
  it('refuses more than three decimals (less than a krone) and things that are not objects', () => {
    expect(
      evaluateBusinessCase({
        ...base,
        lines: [{ label: 'A', kind: 'permanent', area: 'service', amounts: [0.0001] }],
      }).issues,
    ).toHaveLength(1);
    expect(evaluateBusinessCase([1, 2]).issues[0]!.message.en).toContain('JSON object');
  });
});
