/** A problem with an input, named by where it is, in Danish and English. */
export interface InputIssue {
  path: string;
  message: { da: string; en: string };
}

/**
 * Danish text: a comma before the decimals, points only between groups of three digits
 * ("-3.750,5"). Without a comma, one point ("3.750", "2.002") could be a decimal point to anyone
 * but a Dane, so grouping without a comma needs two points ("1.234.567").
 */
const DANISH_AMOUNT = /^([-−]?)(\d+|[1-9]\d{0,2}(?:\.\d{3})+(?=,)|[1-9]\d{0,2}(?:\.\d{3}){2,})(?:,(\d+))?$/;

/**
 * Reads a decimal amount with at most `decimals` places as an exact integer of its smallest unit
 * (1,000 DKK with 3 decimals → whole kroner), so sums never drift the way binary fractions do.
 * One notation per form, so nothing is read two ways: a JSON number (0.002), or Danish text
 * ("0,002", "-3.750,5", "3750", "1.234.567"). Text a point could make a decimal ("0.002", "2.002",
 * "1234.5") is refused, as it would mean one thing to a Dane and another to everybody else. Null
 * when it is not an amount.
 */
export function toUnits(value: unknown, decimals: number): number | null {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    text = String(value);
    if (/e/i.test(text)) text = value.toFixed(decimals + 2);
  } else if (typeof value === 'string') {
    const danish = DANISH_AMOUNT.exec(value.trim().replace(/\s/g, ''));
    if (!danish) return null;
    text = `${danish[1] ? '-' : ''}${danish[2]!.replace(/\./g, '')}${danish[3] ? `.${danish[3]}` : ''}`;
  } else {
    return null;
  }
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return null;
  const fraction = (match[3] ?? '').replace(/0+$/, '');
  if (fraction.length > decimals) return null;
  const units = Number(match[2]) * 10 ** decimals + Number(fraction.padEnd(decimals, '0') || '0');
  if (!Number.isSafeInteger(units)) return null;
  return match[1] === '-' && units !== 0 ? -units : units;
}

/** The amount of `units` smallest units as a decimal number (exact for display and JSON). */
export function fromUnits(units: number, decimals: number): number {
  return Number((units / 10 ** decimals).toFixed(decimals));
}

/** a / b rounded half away from zero, for integers; exact for any safe integers. */
export function divideRounded(a: bigint, b: bigint): bigint {
  if (b === 0n) throw new RangeError('division by zero');
  const negative = a < 0n !== b < 0n;
  const [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
  const q = (2n * x + y) / (2n * y);
  return negative ? -q : q;
}

/** a / b rounded up, for integers with b > 0. */
export function divideUp(a: bigint, b: bigint): bigint {
  return a >= 0n ? (a + b - 1n) / b : -(-a / b);
}

/**
 * Splits `total` into parts proportional to `weights` so that the parts add up to `total`
 * exactly (largest remainder; ties to the earlier weight).
 */
export function allocate(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + BigInt(b), 0n);
  if (sum === 0n) return weights.map(() => 0);
  const t = BigInt(total);
  const sign = t < 0n ? -1n : 1n;
  const abs = t * sign;
  const floors = weights.map((w) => (abs * BigInt(w)) / sum);
  let rest = abs - floors.reduce((a, b) => a + b, 0n);
  const order = weights
    .map((w, i) => ({ i, r: (abs * BigInt(w)) % sum }))
    .sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of order) {
    if (rest <= 0n) break;
    floors[i]! += 1n;
    rest -= 1n;
  }
  return floors.map((f) => Number(f * sign));
}
