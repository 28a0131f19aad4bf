import { describe, expect, it } from 'vitest';
import { judgeMonths, median } from './judgeMonths';
import type { MetricPoint } from './measureMetric';

const shown = (month: string, valueCenti: number, basis: number): MetricPoint => ({
  month,
  valueCenti,
  basis,
  suppressed: false,
});
const hidden = (month: string): MetricPoint => ({ month, valueCenti: null, basis: null, suppressed: true });

describe('which months of an automatic KPI count', () => {
  it('leaves the current, unfinished month out, however many cases it has', () => {
    const { months } = judgeMonths(
      [shown('2026-09', 400, 40), shown('2026-10', 410, 41), shown('2026-11', 2500, 38)],
      '2026-11-28',
    );
    expect(months.map((m) => [m.month, m.counted, m.notCounted])).toEqual([
      ['2026-09', true, null],
      ['2026-10', true, null],
      ['2026-11', false, 'unfinished'],
    ]);
  });

  it('leaves out a finished month resting on far fewer cases than usual, and says how many are usual', () => {
    const { months, usualBasis } = judgeMonths(
      [
        shown('2026-06', 400, 40),
        shown('2026-07', 900, 6),
        shown('2026-08', 420, 42),
        shown('2026-09', 0, 44),
      ],
      '2026-11-02',
    );
    expect(usualBasis).toBe(41);
    expect(months.find((m) => m.month === '2026-07')).toMatchObject({
      counted: false,
      notCounted: 'fewCases',
    });
    // A quarter of a usual 41 is 10.25: 10 cases do not count, 11 do.
    const usual = [shown('2026-01', 1, 41), shown('2026-02', 1, 41), shown('2026-03', 1, 41)];
    const last = (basis: number) =>
      judgeMonths([...usual, shown('2026-04', 1, basis)], '2026-05-01').months.at(-1)!.counted;
    expect(last(10)).toBe(false);
    expect(last(11)).toBe(true);
  });

  it('marks suppressed months (fewer than five cases) as not counted, and keeps their value hidden', () => {
    const { months, usualBasis } = judgeMonths([shown('2026-01', 100, 30), hidden('2026-02')], '2026-05-10');
    expect(usualBasis).toBe(30);
    expect(months[1]).toEqual({
      month: '2026-02',
      valueCenti: null,
      basis: null,
      counted: false,
      notCounted: 'suppressed',
    });
  });

  it('has no usual month before a month is over', () => {
    expect(judgeMonths([shown('2026-11', 100, 30)], '2026-11-01')).toEqual({
      usualBasis: null,
      months: [{ month: '2026-11', valueCenti: 100, basis: 30, counted: false, notCounted: 'unfinished' }],
    });
  });

  it('takes the median of an even and an odd number of values', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
  });
});
