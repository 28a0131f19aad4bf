import { describe, expect, it } from 'vitest';
import { CalculatorInputError, efficiencyPotential, hourPrice, phaseIn, timeSaved } from './calculators';

describe('price of an hour (seed 004, 2.3)', () => {
  it('reproduces the 25,000 and 30,000 rows', () => {
    expect(hourPrice({ monthlySalary: 25_000 })).toEqual({
      annualSalary: 351_000,
      totalCost: 471_000,
      paidHours: 1924,
      effectiveHours: 1154.4,
      perPaidHour: 245,
      perEffectiveHour: 408,
    });
    expect(hourPrice({ monthlySalary: 30_000 })).toMatchObject({
      annualSalary: 421_200,
      totalCost: 541_200,
      perPaidHour: 281,
      perEffectiveHour: 469,
    });
  });
  it("computes 318 per paid hour for 35,000, not the seed's misprinted 530", () => {
    expect(hourPrice({ monthlySalary: 35_000 })).toMatchObject({
      annualSalary: 491_400,
      totalCost: 611_400,
      perPaidHour: 318,
      perEffectiveHour: 530,
    });
  });
  it('explains bad input in both languages', () => {
    expect(() => hourPrice({ monthlySalary: 'mange' })).toThrow(CalculatorInputError);
    try {
      hourPrice({ monthlySalary: 25_000, effectiveSharePercent: 0 });
    } catch (e) {
      expect((e as CalculatorInputError).issues[0]!.message.da).toContain('Effektiv andel');
    }
  });
});

describe('efficiency potential (seed 004, KSD table)', () => {
  it('sums share × streamlining to 39.6 %, about 40 %', () => {
    const r = efficiencyPotential([
      { label: 'Journaliser og fordel', sharePercent: 18, streamlinePercent: 85 },
      { label: 'Valider og indberet', sharePercent: 17, streamlinePercent: 65 },
      { label: 'Generelle henvendelser', sharePercent: 11, streamlinePercent: 40 },
      { label: 'Kontakt ved fejl og mangler', sharePercent: 7, streamlinePercent: 65 },
      { label: 'Kontroller – timer', sharePercent: 4, streamlinePercent: 65 },
      { label: 'Afslag pga. uarbejdsdygtighed', sharePercent: 3, streamlinePercent: '' },
      { label: 'Partshøring', sharePercent: 2, streamlinePercent: 85 },
    ]);
    expect(r.totalPercent).toBe(39.6);
    expect(r.roundedPercent).toBe(40);
    expect(r.tasks[0]!.contributionPercent).toBe(15.3);
  });
  it('refuses shares above 100 % in all', () => {
    expect(() =>
      efficiencyPotential([
        { label: 'a', sharePercent: 70, streamlinePercent: 10 },
        { label: 'b', sharePercent: 40, streamlinePercent: 10 },
      ]),
    ).toThrow(/110 %/);
  });
});

describe('time saved and phase-in', () => {
  it('values minutes saved at the price of an effective hour and in FTE', () => {
    // 6,000 cases × 20 minutes saved = 2,000 hours; at 408 kr. = 816,000 kr.; 2,000 / 1,154.4 = 1.73 FTE
    expect(
      timeSaved({ volumePerYear: 6000, minutesBefore: 30, minutesAfter: 10, pricePerEffectiveHour: 408 }),
    ).toEqual({ hoursSaved: 2000, kroner: 816_000, fte: 1.73 });
  });
  it('phases a gain in by percent per year, exact to the krone', () => {
    expect(phaseIn(-6861, [0, 50, 100])).toEqual([0, -3430.5, -6861]);
    expect(phaseIn('-0,001', [50])).toEqual([-0.001]);
  });
});
