import type { MetricPoint } from './measureMetric';

/** Why a month's value does not count as the KPI's latest value. */
export type NotCounted = 'unfinished' | 'suppressed' | 'fewCases';

export interface JudgedMonth {
  month: string;
  /** Hundredths of the KPI's unit; null when suppressed. */
  valueCenti: number | null;
  basis: number | null;
  counted: boolean;
  notCounted: NotCounted | null;
}

/**
 * A month resting on fewer cases than this share of the usual month (the median of the finished,
 * shown months) is too thin to stand for the KPI: one slow case would move it as far as a month of
 * them.
 */
export const FEW_CASES_SHARE = 0.25;

/** The median of the numbers, or null without any. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Which months of an automatic KPI count towards its latest value and progress: a month counts when
 * it is over (before the month of `today`) and rests on enough cases — at least five (fewer are not
 * shown at all) and at least a quarter of the usual month. The others are still listed, with the
 * reason they do not count. `usualBasis` is the median number of cases behind a finished month.
 */
export function judgeMonths(
  series: MetricPoint[],
  today: string,
): { months: JudgedMonth[]; usualBasis: number | null } {
  const thisMonth = today.slice(0, 7);
  const finished = series.filter((s) => s.month < thisMonth);
  const usualBasis = median(finished.flatMap((s) => (s.suppressed ? [] : [s.basis])));
  const months = series.map((s): JudgedMonth => {
    const notCounted: NotCounted | null =
      s.month >= thisMonth
        ? 'unfinished'
        : s.suppressed
          ? 'suppressed'
          : usualBasis !== null && s.basis < usualBasis * FEW_CASES_SHARE
            ? 'fewCases'
            : null;
    return {
      month: s.month,
      valueCenti: s.valueCenti,
      basis: s.basis,
      counted: notCounted === null,
      notCounted,
    };
  });
  return { months, usualBasis };
}
