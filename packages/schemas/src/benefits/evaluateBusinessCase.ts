import { allocate, divideUp, fromUnits, toUnits, type InputIssue } from './exactAmount';

export const LINE_KINDS = ['permanent', 'implementation'] as const;
export const LINE_AREAS = ['service', 'capital'] as const;
export type LineKind = (typeof LINE_KINDS)[number];
export type LineArea = (typeof LINE_AREAS)[number];

/** A business case as people write it: amounts in 1,000 DKK, one per year from `firstYear`. */
export interface BusinessCaseInput {
  title: string;
  priceLevel: number;
  firstYear: number;
  lines: Array<{ label: string; kind: LineKind; area: LineArea; amounts: Array<number | string> }>;
  /** Allocation keys across committees in percent (two decimals), adding up to 100. */
  committees?: Array<{ name: string; keyPercent: number | string }>;
}

/** The same case in exact units: whole kroner per amount, hundredths of a percent per key. */
export interface BusinessCase {
  title: string;
  priceLevel: number;
  firstYear: number;
  lines: Array<{ label: string; kind: LineKind; area: LineArea; kroner: number[] }>;
  committees: Array<{ name: string; keyCenti: number }>;
}

export interface CommitteeShare {
  name: string;
  keyPercent: number;
  permanentTotal: number[];
  implementationTotal: number[];
  total: number[];
}

/** The computed rows of the Danish municipal layout, in 1,000 DKK. */
export interface BusinessCaseResult {
  title: string;
  priceLevel: number;
  unit: '1.000 kr.';
  years: number[];
  permanentByArea: Record<LineArea, number[]>;
  permanentTotal: number[];
  implementationByArea: Record<LineArea, number[]>;
  implementationTotal: number[];
  total: number[];
  cumulative: number[];
  /** Years until the cumulative impact is zero or below, the first year counted as 1; null: never. */
  paybackYears: number | null;
  paybackYear: number | null;
  /** The same, counting only permanent changes on the service frame against all implementation costs. */
  paybackServiceYears: number | null;
  lines: Array<{ label: string; kind: LineKind; area: LineArea; amounts: number[]; sum: number }>;
  committees: CommitteeShare[];
}

const MAX_YEARS = 30;
const MAX_LINES = 200;
const text = (da: string, en: string) => ({ da, en });

/** Checks a business case and turns its amounts into exact kroner; every problem names its line. */
export function checkBusinessCase(raw: unknown): { value?: BusinessCase; issues: InputIssue[] } {
  const issues: InputIssue[] = [];
  const input = (raw ?? {}) as Partial<Record<keyof BusinessCaseInput, unknown>>;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return {
      issues: [
        {
          path: '',
          message: text(
            'Business casen skal være et JSON-objekt.',
            'The business case must be a JSON object.',
          ),
        },
      ],
    };
  // A workbook can carry a NUL character, which no database text can hold: such text counts as missing.
  const clean = (v: unknown) => (typeof v === 'string' && !v.includes('\u0000') ? v.trim() : '');
  const title = clean(input.title);
  if (!title || title.length > 200)
    issues.push({
      path: 'title',
      message: text(
        'Titlen mangler eller er over 200 tegn.',
        'The title is missing or longer than 200 characters.',
      ),
    });
  const year = (v: unknown) =>
    typeof v === 'number' && Number.isInteger(v) && v >= 1990 && v <= 2100 ? v : null;
  const priceLevel = year(input.priceLevel);
  const firstYear = year(input.firstYear);
  if (priceLevel === null)
    issues.push({
      path: 'priceLevel',
      message: text(
        'Prisniveau skal være et årstal (fx 2017).',
        'The price level must be a year (e.g. 2017).',
      ),
    });
  if (firstYear === null)
    issues.push({
      path: 'firstYear',
      message: text('Første år skal være et årstal (fx 2017).', 'The first year must be a year (e.g. 2017).'),
    });
  const rawLines = Array.isArray(input.lines) ? input.lines : null;
  if (!rawLines || rawLines.length === 0 || rawLines.length > MAX_LINES) {
    issues.push({
      path: 'lines',
      message: text(
        `Der skal være mellem 1 og ${MAX_LINES} linjer.`,
        `There must be between 1 and ${MAX_LINES} lines.`,
      ),
    });
    return { issues };
  }
  let yearCount: number | null = null;
  const lines: BusinessCase['lines'] = [];
  rawLines.forEach((rawLine: unknown, i) => {
    const line = (rawLine ?? {}) as Record<string, unknown>;
    const label = clean(line.label);
    const name = `${i + 1}${label ? ` (${label})` : ''}`;
    const at = (field: string) => `lines.${i}.${field}`;
    if (!label || label.length > 200)
      issues.push({
        path: at('label'),
        message: text(
          `Linje ${name}: teksten mangler eller er over 200 tegn.`,
          `Line ${name}: the label is missing or longer than 200 characters.`,
        ),
      });
    const kind = line.kind as LineKind;
    if (!LINE_KINDS.includes(kind))
      issues.push({
        path: at('kind'),
        message: text(
          `Linje ${name}: art skal være "permanent" (varig ændring) eller "implementation" (implementeringsomkostning), ikke ${JSON.stringify(line.kind)}.`,
          `Line ${name}: kind must be "permanent" or "implementation", not ${JSON.stringify(line.kind)}.`,
        ),
      });
    const area = (line.area ?? 'service') as LineArea;
    if (!LINE_AREAS.includes(area))
      issues.push({
        path: at('area'),
        message: text(
          `Linje ${name}: område skal være "service" eller "capital" (anlæg), ikke ${JSON.stringify(line.area)}.`,
          `Line ${name}: area must be "service" or "capital", not ${JSON.stringify(line.area)}.`,
        ),
      });
    if (!Array.isArray(line.amounts) || line.amounts.length === 0 || line.amounts.length > MAX_YEARS) {
      issues.push({
        path: at('amounts'),
        message: text(
          `Linje ${name}: beløb skal være en liste med 1 til ${MAX_YEARS} tal, ét pr. år.`,
          `Line ${name}: amounts must be a list of 1 to ${MAX_YEARS} numbers, one per year.`,
        ),
      });
      return;
    }
    yearCount ??= line.amounts.length;
    if (line.amounts.length !== yearCount) {
      issues.push({
        path: at('amounts'),
        message: text(
          `Linje ${name}: har ${line.amounts.length} beløb, men linje 1 har ${yearCount}. Alle linjer skal have ét beløb pr. år.`,
          `Line ${name}: has ${line.amounts.length} amounts but line 1 has ${yearCount}. Every line needs one amount per year.`,
        ),
      });
    }
    const kroner = line.amounts.map((a: unknown, j: number) => {
      const units = toUnits(a, 3);
      if (units === null)
        issues.push({
          path: at(`amounts.${j}`),
          message: text(
            `Linje ${name}, år ${j + 1}: ${JSON.stringify(a)} er ikke et beløb i 1.000 kr. Skriv tal eller dansk tekst med komma før højst 3 decimaler (fx 0,002 eller -3.750,5).`,
            `Line ${name}, year ${j + 1}: ${JSON.stringify(a)} is not an amount in 1,000 DKK. Send a number, or Danish text with a comma before at most 3 decimals (e.g. 0,002 or -3.750,5).`,
          ),
        });
      return units ?? 0;
    });
    lines.push({ label, kind, area, kroner });
  });
  const committees: BusinessCase['committees'] = [];
  if (input.committees !== undefined) {
    if (!Array.isArray(input.committees) || input.committees.length > 30) {
      issues.push({
        path: 'committees',
        message: text(
          'Fordeling på udvalg skal være en liste (højst 30).',
          'The allocation to committees must be a list (at most 30).',
        ),
      });
    } else {
      input.committees.forEach((c: unknown, i) => {
        const committee = (c ?? {}) as Record<string, unknown>;
        const name = clean(committee.name);
        const keyCenti = toUnits(committee.keyPercent, 2);
        if (!name)
          issues.push({
            path: `committees.${i}.name`,
            message: text(`Udvalg ${i + 1}: navnet mangler.`, `Committee ${i + 1}: the name is missing.`),
          });
        if (keyCenti === null || keyCenti < 0 || keyCenti > 10_000)
          issues.push({
            path: `committees.${i}.keyPercent`,
            message: text(
              `Udvalg ${i + 1}${name ? ` (${name})` : ''}: fordelingsnøglen skal være en procent mellem 0 og 100 med højst 2 decimaler.`,
              `Committee ${i + 1}${name ? ` (${name})` : ''}: the key must be a percentage from 0 to 100 with at most 2 decimals.`,
            ),
          });
        committees.push({ name, keyCenti: keyCenti ?? 0 });
      });
      const sum = committees.reduce((a, c) => a + c.keyCenti, 0);
      if (committees.length > 0 && sum !== 10_000)
        issues.push({
          path: 'committees',
          message: text(
            `Fordelingsnøglerne summer til ${fromUnits(sum, 2)} %, men skal give 100 %.`,
            `The allocation keys add up to ${fromUnits(sum, 2)} %, but must make 100 %.`,
          ),
        });
    }
  }
  if (issues.length === 0) issues.push(...totalsOutOfRange(lines));
  if (issues.length > 0 || priceLevel === null || firstYear === null) return { issues };
  return { value: { title, priceLevel, firstYear, lines, committees }, issues };
}

/**
 * The sizes of all amounts together, summed exactly (BigInt), bound every row, line sum and running
 * total the case computes: beyond what a JavaScript number holds exactly, a sum would no longer be
 * to the krone, so the case is refused instead.
 */
function totalsOutOfRange(lines: BusinessCase['lines']): InputIssue[] {
  const size = lines.reduce(
    (sum, line) => line.kroner.reduce((s, v) => s + (v < 0 ? -BigInt(v) : BigInt(v)), sum),
    0n,
  );
  if (size <= BigInt(Number.MAX_SAFE_INTEGER)) return [];
  return [
    {
      path: 'lines',
      message: text(
        'Beløbene summer til mere, end der kan regnes præcist på kronen. Kontrollér, at de er i 1.000 kr.',
        'The amounts add up to more than can be computed exactly to the krone. Check that they are in 1,000 DKK.',
      ),
    },
  ];
}

const sumRows = (rows: number[][], years: number) =>
  Array.from({ length: years }, (_, j) => rows.reduce((a, r) => a + r[j]!, 0));

/**
 * Years until the cumulative impact is zero or below, counting the first year as 1. Years before
 * anything happens do not count as paid back; after the table the last year's permanent change
 * continues. Null when it never pays back. Works on exact integers.
 */
export function paybackYears(total: number[], lastPermanent: number): number | null {
  let cumulative = 0;
  let started = false;
  for (let i = 0; i < total.length; i += 1) {
    cumulative += total[i]!;
    if (total[i] !== 0) started = true;
    if (started && cumulative <= 0) return i + 1;
  }
  if (!started || lastPermanent >= 0) return null;
  return total.length + Number(divideUp(BigInt(cumulative), BigInt(-lastPermanent)));
}

/** Computes the rows, payback and committee shares of a checked business case. */
export function computeBusinessCase(bc: BusinessCase): BusinessCaseResult {
  const n = bc.lines[0]!.kroner.length;
  const rows = (kind: LineKind, area?: LineArea) =>
    sumRows(
      bc.lines.filter((l) => l.kind === kind && (!area || l.area === area)).map((l) => l.kroner),
      n,
    );
  const permanentByArea = { service: rows('permanent', 'service'), capital: rows('permanent', 'capital') };
  const implementationByArea = {
    service: rows('implementation', 'service'),
    capital: rows('implementation', 'capital'),
  };
  const permanent = rows('permanent');
  const implementation = rows('implementation');
  const total = permanent.map((p, j) => p + implementation[j]!);
  let running = 0;
  const cumulative = total.map((t) => (running += t));
  const payback = paybackYears(total, permanent[n - 1]!);
  const serviceTotal = permanentByArea.service.map((p, j) => p + implementation[j]!);
  const k = (units: number[]) => units.map((u) => fromUnits(u, 3));
  const committees = bc.committees.map((c) => ({
    name: c.name,
    keyPercent: fromUnits(c.keyCenti, 2),
    permanentTotal: [] as number[],
    implementationTotal: [] as number[],
    total: [] as number[],
  }));
  const weights = bc.committees.map((c) => c.keyCenti);
  for (let j = 0; j < n && committees.length > 0; j += 1) {
    const p = allocate(permanent[j]!, weights);
    const m = allocate(implementation[j]!, weights);
    committees.forEach((c, i) => {
      c.permanentTotal.push(fromUnits(p[i]!, 3));
      c.implementationTotal.push(fromUnits(m[i]!, 3));
      c.total.push(fromUnits(p[i]! + m[i]!, 3));
    });
  }
  return {
    title: bc.title,
    priceLevel: bc.priceLevel,
    unit: '1.000 kr.',
    years: Array.from({ length: n }, (_, j) => bc.firstYear + j),
    permanentByArea: { service: k(permanentByArea.service), capital: k(permanentByArea.capital) },
    permanentTotal: k(permanent),
    implementationByArea: {
      service: k(implementationByArea.service),
      capital: k(implementationByArea.capital),
    },
    implementationTotal: k(implementation),
    total: k(total),
    cumulative: k(cumulative),
    paybackYears: payback,
    paybackYear: payback === null ? null : bc.firstYear + payback - 1,
    paybackServiceYears: paybackYears(serviceTotal, permanentByArea.service[n - 1]!),
    lines: bc.lines.map((l) => ({
      label: l.label,
      kind: l.kind,
      area: l.area,
      amounts: k(l.kroner),
      sum: fromUnits(
        l.kroner.reduce((a, b) => a + b, 0),
        3,
      ),
    })),
    committees,
  };
}

/** Checks and computes in one step: the result, or the problems by line. */
export function evaluateBusinessCase(raw: unknown): { result?: BusinessCaseResult; issues: InputIssue[] } {
  const { value, issues } = checkBusinessCase(raw);
  return value ? { result: computeBusinessCase(value), issues } : { issues };
}
