import { allocate, divideRounded, fromUnits, toUnits, type InputIssue } from './exactAmount';

const text = (da: string, en: string) => ({ da, en });

function read(
  value: unknown,
  decimals: number,
  path: string,
  label: { da: string; en: string },
  issues: InputIssue[],
  range: [number, number],
): bigint {
  const units = toUnits(value, decimals);
  if (units === null || units < range[0] * 10 ** decimals || units > range[1] * 10 ** decimals) {
    issues.push({
      path,
      message: text(
        `${label.da} skal være et tal fra ${range[0]} til ${range[1]} med højst ${decimals} decimaler.`,
        `${label.en} must be a number from ${range[0]} to ${range[1]} with at most ${decimals} decimals.`,
      ),
    });
    return 0n;
  }
  return BigInt(units);
}

export class CalculatorInputError extends Error {
  constructor(readonly issues: InputIssue[]) {
    super(issues.map((i) => i.message.en).join(' '));
  }
}

export interface HourPriceInput {
  monthlySalary: number | string;
  pensionPercent?: number | string;
  overhead?: number | string;
  paidHours?: number | string;
  effectiveSharePercent?: number | string;
}
export interface HourPriceResult {
  annualSalary: number;
  totalCost: number;
  paidHours: number;
  effectiveHours: number;
  perPaidHour: number;
  perEffectiveHour: number;
}

/**
 * The price of an hour (KL/KOMBIT's guide): annual salary with pension, plus the overhead that can
 * really be harvested, over the paid hours (52 × 37 = 1,924) and over the effective share of them.
 * Whole kroner, rounded half up; computed, never looked up.
 */
export function hourPrice(input: HourPriceInput): HourPriceResult {
  const issues: InputIssue[] = [];
  const monthlyOre = read(
    input.monthlySalary,
    2,
    'monthlySalary',
    text('Månedsløn', 'Monthly salary'),
    issues,
    [1, 10_000_000],
  );
  const pensionCenti = read(
    input.pensionPercent ?? 17,
    2,
    'pensionPercent',
    text('Pension i procent', 'Pension percent'),
    issues,
    [0, 100],
  );
  const overheadOre = read(
    input.overhead ?? 120_000,
    2,
    'overhead',
    text('Overhead', 'Overhead'),
    issues,
    [0, 100_000_000],
  );
  const paidCenti = read(
    input.paidHours ?? 1924,
    2,
    'paidHours',
    text('Løntimer pr. år', 'Paid hours per year'),
    issues,
    [1, 8784],
  );
  const shareCenti = read(
    input.effectiveSharePercent ?? 60,
    2,
    'effectiveSharePercent',
    text('Effektiv andel i procent', 'Effective share percent'),
    issues,
    [1, 100],
  );
  if (issues.length > 0) throw new CalculatorInputError(issues);
  // Annual salary in øre × 10,000 (percent in hundredths): monthly × 12 × (100 % + pension).
  const annualOre = divideRounded(monthlyOre * 12n * (10_000n + pensionCenti), 10_000n);
  const totalOre = annualOre + overheadOre;
  const perPaidKr = divideRounded(totalOre * 100n, paidCenti * 100n);
  const perEffectiveKr = divideRounded(totalOre * 100n * 10_000n, paidCenti * shareCenti * 100n);
  return {
    annualSalary: fromUnits(Number(annualOre), 2),
    totalCost: fromUnits(Number(totalOre), 2),
    paidHours: fromUnits(Number(paidCenti), 2),
    effectiveHours: fromUnits(Number(divideRounded(paidCenti * shareCenti, 100n)), 4),
    perPaidHour: Number(perPaidKr),
    perEffectiveHour: Number(perEffectiveKr),
  };
}

export interface EfficiencyTask {
  label: string;
  sharePercent: number | string;
  streamlinePercent: number | string;
}
export interface EfficiencyResult {
  tasks: Array<{
    label: string;
    sharePercent: number;
    streamlinePercent: number;
    contributionPercent: number;
  }>;
  totalPercent: number;
  roundedPercent: number;
}

/** Efficiency potential: per task, its share of all work × how much the solution streamlines it; summed. */
export function efficiencyPotential(tasks: EfficiencyTask[]): EfficiencyResult {
  const issues: InputIssue[] = [];
  if (!Array.isArray(tasks) || tasks.length === 0 || tasks.length > 100)
    throw new CalculatorInputError([
      { path: 'tasks', message: text('Angiv mellem 1 og 100 opgaver.', 'Give between 1 and 100 tasks.') },
    ]);
  const rows = tasks.map((t, i) => {
    const name = text(`Opgave ${i + 1} (${t.label ?? ''}): andel`, `Task ${i + 1} (${t.label ?? ''}): share`);
    const share = read(t.sharePercent, 2, `tasks.${i}.sharePercent`, name, issues, [0, 100]);
    const streamline = read(
      t.streamlinePercent === '' ? 0 : t.streamlinePercent,
      2,
      `tasks.${i}.streamlinePercent`,
      text(
        `Opgave ${i + 1} (${t.label ?? ''}): effektivisering`,
        `Task ${i + 1} (${t.label ?? ''}): streamlining`,
      ),
      issues,
      [0, 100],
    );
    return { label: String(t.label ?? ''), share, streamline };
  });
  const shareSum = rows.reduce((a, r) => a + r.share, 0n);
  if (shareSum > 10_000n)
    issues.push({
      path: 'tasks',
      message: text(
        `Andelene summer til ${fromUnits(Number(shareSum), 2)} %, mere end 100 %.`,
        `The shares add up to ${fromUnits(Number(shareSum), 2)} %, more than 100 %.`,
      ),
    });
  if (issues.length > 0) throw new CalculatorInputError(issues);
  // Shares and streamlining in hundredths of a percent: their product is in 1/100,000,000.
  const contributions = rows.map((r) => r.share * r.streamline);
  const total = contributions.reduce((a, b) => a + b, 0n);
  return {
    tasks: rows.map((r, i) => ({
      label: r.label,
      sharePercent: fromUnits(Number(r.share), 2),
      streamlinePercent: fromUnits(Number(r.streamline), 2),
      contributionPercent: fromUnits(Number(divideRounded(contributions[i]!, 10_000n)), 2),
    })),
    totalPercent: fromUnits(Number(divideRounded(total, 10_000n)), 2),
    roundedPercent: Number(divideRounded(total, 1_000_000n)),
  };
}

export interface TimeSavedInput {
  volumePerYear: number | string;
  minutesBefore: number | string;
  minutesAfter: number | string;
  pricePerEffectiveHour: number | string;
  effectiveHoursPerYear?: number | string;
}
export interface TimeSavedResult {
  hoursSaved: number;
  kroner: number;
  fte: number;
}

/** Time saved: cases a year × minutes saved each, valued at the price of an effective hour, and in full-time equivalents. */
export function timeSaved(input: TimeSavedInput): TimeSavedResult {
  const issues: InputIssue[] = [];
  const volume = read(
    input.volumePerYear,
    0,
    'volumePerYear',
    text('Antal pr. år', 'Volume per year'),
    issues,
    [0, 100_000_000],
  );
  const before = read(
    input.minutesBefore,
    2,
    'minutesBefore',
    text('Minutter før', 'Minutes before'),
    issues,
    [0, 100_000],
  );
  const after = read(
    input.minutesAfter,
    2,
    'minutesAfter',
    text('Minutter efter', 'Minutes after'),
    issues,
    [0, 100_000],
  );
  const price = read(
    input.pricePerEffectiveHour,
    2,
    'pricePerEffectiveHour',
    text('Pris pr. effektiv time', 'Price per effective hour'),
    issues,
    [0, 100_000],
  );
  const hours = read(
    input.effectiveHoursPerYear ?? 1154.4,
    2,
    'effectiveHoursPerYear',
    text('Effektive timer pr. årsværk', 'Effective hours per FTE'),
    issues,
    [1, 8784],
  );
  if (issues.length > 0) throw new CalculatorInputError(issues);
  const savedMinuteCenti = volume * (before - after); // minutes × 100
  return {
    hoursSaved: fromUnits(Number(divideRounded(savedMinuteCenti, 60n)), 2),
    kroner: Number(divideRounded(savedMinuteCenti * price, 60n * 100n * 100n)),
    fte: fromUnits(Number(divideRounded(savedMinuteCenti * 100n, 60n * hours)), 2),
  };
}

/** Phase-in: a full yearly gain (in 1,000 DKK) realised by the given percentage each year, exact to the krone. */
export function phaseIn(fullAmount: number | string, percents: Array<number | string>): number[] {
  const issues: InputIssue[] = [];
  const full = read(fullAmount, 3, 'fullAmount', text('Fuld gevinst', 'Full gain'), issues, [-1e9, 1e9]);
  const shares = percents.map((p, i) =>
    read(p, 2, `percents.${i}`, text(`Indfasning år ${i + 1}`, `Phase-in year ${i + 1}`), issues, [0, 100]),
  );
  if (issues.length > 0) throw new CalculatorInputError(issues);
  return shares.map((s) => {
    const [part] = allocate(Number(full), [Number(s), Number(10_000n - s)]);
    return fromUnits(part!, 3);
  });
}
