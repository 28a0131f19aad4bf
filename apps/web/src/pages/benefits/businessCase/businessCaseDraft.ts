import type { LineArea, LineKind, TStoredBusinessCase } from '@indgang/schemas';

/** The business case as typed in the editor: every number still the text of its field. */
export type Draft = {
  title: string;
  priceLevel: string;
  firstYear: string;
  lines: Array<DraftLine>;
  committees: Array<{ name: string; keyPercent: string }>;
};

export type DraftLine = {
  label: string;
  kind: LineKind;
  area: LineArea;
  amounts: string[];
};

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A new line of the given kind, zero in each of `years` years. */
export const newLine = (kind: DraftLine['kind'], years: number): DraftLine => ({
  label: '',
  kind,
  area: kind === 'permanent' ? 'service' : 'capital',
  amounts: Array.from({ length: years }, () => '0'),
});

/** The stored business case as a draft, or a first one of five years named after the project. */
export function toDraft(data: TStoredBusinessCase['data'], projectName: string): Draft {
  const year = new Date().getFullYear();
  if (!data) {
    return {
      title: projectName,
      priceLevel: String(year),
      firstYear: String(year),
      committees: [],
      lines: [newLine('permanent', 5), newLine('implementation', 5)],
    };
  }
  return {
    title: data.title,
    priceLevel: String(data.priceLevel),
    firstYear: String(data.firstYear),
    lines: data.lines.map((l) => ({
      label: l.label,
      kind: l.kind,
      area: l.area ?? 'service',
      amounts: l.amounts.map(String),
    })),
    committees: (data.committees ?? []).map((c) => ({ name: c.name, keyPercent: String(c.keyPercent) })),
  };
}

/** The draft as the server and `evaluateBusinessCase` read it. */
export const fromDraft = (d: Draft) => ({
  title: d.title,
  priceLevel: Number(d.priceLevel),
  firstYear: Number(d.firstYear),
  lines: d.lines,
  ...(d.committees.length > 0 ? { committees: d.committees } : {}),
});

/** Changes a copy of the draft. */
export type UpdateDraft = (change: (d: Draft) => void) => void;
