import type { AnswerValue, Answers, SectionAnswers } from './evaluateForm';
import type { TSection, TServiceDefinition } from './ServiceDefinition';

/** One period a case covers: the whole case, or one item of a repeated section (a trip, a receipt). */
export interface PeriodItem {
  /** The item's place in its repeated section, or null for a plain section. */
  index: number | null;
  from: string;
  to: string;
  /** The values of the period's `same` fields, normalised for comparing. */
  same: string[];
}

/** The section that holds the period's first date field. */
export function periodSection(def: TServiceDefinition): TSection | undefined {
  const from = def.period?.from;
  return from === undefined ? undefined : def.sections.find((s) => s.fields.some((f) => f.id === from));
}

/**
 * Whether a duplicate is told by items rather than by the case's whole period: when the period
 * lies in a repeated section (each trip its own date), or `same` names fields that must agree.
 */
export function duplicateByItems(def: TServiceDefinition): boolean {
  return !!def.period && (!!periodSection(def)?.repeat || !!def.period.same);
}

const day = (value: AnswerValue | undefined) =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
const normalised = (value: AnswerValue | undefined) =>
  value === undefined || value === null ? '' : String(value).trim().toLowerCase().replace(/\s+/g, ' ');

/** The periods the answers cover: one per item of a repeated section, else one for the case. */
export function periodItems(def: TServiceDefinition, answers: Answers): PeriodItem[] {
  const period = def.period;
  const section = periodSection(def);
  if (!period || !section) return [];
  const item = (values: SectionAnswers, index: number | null): PeriodItem[] => {
    const from = day(values[period.from]);
    if (!from) return [];
    const to = (period.to && day(values[period.to])) || from;
    return [{ index, from, to, same: (period.same ?? []).map((id) => normalised(values[id])) }];
  };
  const raw = answers[section.id];
  if (section.repeat) return (Array.isArray(raw) ? raw : []).flatMap((values, i) => item(values, i));
  // A plain period may draw on fields of several plain sections, as conditions do.
  const flat: SectionAnswers = {};
  for (const s of def.sections) {
    const v = answers[s.id];
    if (!s.repeat && v && !Array.isArray(v)) Object.assign(flat, v);
  }
  return item(flat, null);
}

/** The period the whole case covers, from its earliest to its latest date, for the case row. */
export function casePeriod(
  def: TServiceDefinition,
  answers: Answers,
): { from: string | null; to: string | null } {
  const items = periodItems(def, answers);
  if (items.length === 0) return { from: null, to: null };
  return {
    from: items.reduce((min, i) => (i.from < min ? i.from : min), items[0]!.from),
    to: items.reduce((max, i) => (i.to > max ? i.to : max), items[0]!.to),
  };
}

/**
 * The first item of `answers` that another case's answers already hold: their periods overlap and
 * the `same` fields agree (a trip on the same day, between the same places, of the same length).
 * Null when none does. Both answers are read by `def`, the service's current version.
 */
export function sameItem(def: TServiceDefinition, answers: Answers, other: Answers): PeriodItem | null {
  const theirs = periodItems(def, other);
  return (
    periodItems(def, answers).find((mine) =>
      theirs.some(
        (t) => mine.from <= t.to && t.from <= mine.to && mine.same.every((value, i) => value === t.same[i]),
      ),
    ) ?? null
  );
}
