import { MONTH_NAMES } from '../monthNames';
import { isCalendarDate } from '../isoDate';
import {
  fieldVisible,
  flatAnswers,
  sectionVisible,
  type Answers,
  type Persona,
  type SectionAnswers,
} from './evaluateForm';
import type { TField, TServiceDefinition } from './ServiceDefinition';

/**
 * A monthly payroll run: what reaches the payroll system by `cutOff` is paid with that month's pay
 * on `payDay`; what arrives later waits for the next month's run and is corrected then.
 */
export interface PayrollRun {
  /** YYYY-MM */
  month: string;
  cutOff: string;
  payDay: string;
}

export interface PayrollWarning {
  path: string;
  field: string;
  message: { da: string; en: string };
}

const MONTHS_DA = MONTH_NAMES.da;
const MONTHS_EN = MONTH_NAMES.en;

const parts = (date: string) => date.split('-').map(Number) as [number, number, number];
const dayDa = (date: string) => {
  const [y, m, d] = parts(date);
  return `${d}.${m}.${y}`;
};
const dayEn = (date: string) => {
  const [y, m, d] = parts(date);
  return `${d} ${MONTHS_EN[m - 1]} ${y}`;
};
const monthDa = (month: string) => `${MONTHS_DA[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
const monthEn = (month: string) => `${MONTHS_EN[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

/**
 * What a date from which pay changes means for payroll, or null when it is in time: a date in the
 * past, or one whose month's run has passed its deadline, names the run it can still reach and that
 * run's deadline, so the leader knows the pay will be corrected afterwards (or sees a typing error).
 */
export function payrollDeadlineWarning(
  date: string,
  runs: readonly PayrollRun[],
  today: string,
): { da: string; en: string } | null {
  const next = runs.find((r) => r.cutOff >= today);
  if (!next) return null;
  const month = date.slice(0, 7);
  const own = runs.find((r) => r.month === month);
  const reach = {
    da: `Sagen når tidligst lønkørslen for ${monthDa(next.month)} (frist ${dayDa(next.cutOff)}, udbetaling ${dayDa(next.payDay)})`,
    en: `The case can reach the ${monthEn(next.month)} payroll run at the earliest (deadline ${dayEn(next.cutOff)}, paid ${dayEn(next.payDay)})`,
  };
  if (date < today) {
    if (own && own.cutOff >= today)
      return {
        da: `${dayDa(date)} er allerede passeret. Send sagen senest ${dayDa(own.cutOff)}, så den når lønkørslen for ${monthDa(month)}.`,
        en: `${dayEn(date)} has already passed. Send the case by ${dayEn(own.cutOff)} to reach the ${monthEn(month)} payroll run.`,
      };
    return {
      da: `${dayDa(date)} ligger i fortiden, og fristen for lønkørslen for ${monthDa(month)} er overskredet. ${reach.da}; de tidligere måneder reguleres bagefter. Kontrollér datoen.`,
      en: `${dayEn(date)} is in the past, and the deadline for the ${monthEn(month)} payroll run has passed. ${reach.en}; the earlier months are corrected afterwards. Check the date.`,
    };
  }
  if (own && own.cutOff < today)
    return {
      da: `Fristen for lønkørslen for ${monthDa(month)} var ${dayDa(own.cutOff)}. ${reach.da}; ${monthDa(month)} reguleres bagefter.`,
      en: `The deadline for the ${monthEn(month)} payroll run was ${dayEn(own.cutOff)}. ${reach.en}; ${monthEn(month)} is corrected afterwards.`,
    };
  return null;
}

/**
 * Warnings (never errors) for the visible date fields marked `payrollDeadline`, by the same paths
 * as `validateAnswers`' errors, so a form shows each beside its field.
 */
export function payrollWarnings(
  def: TServiceDefinition,
  answers: Answers,
  persona: Persona,
  runs: readonly PayrollRun[],
  today: string,
): PayrollWarning[] {
  if (runs.length === 0) return [];
  const values = flatAnswers(def, answers);
  const warnings: PayrollWarning[] = [];
  const check = (field: TField, item: SectionAnswers | undefined, path: string) => {
    const value = item?.[field.id];
    if (typeof value !== 'string' || !isCalendarDate(value)) return;
    const message = payrollDeadlineWarning(value, runs, today);
    if (message) warnings.push({ path, field: field.id, message });
  };
  for (const section of def.sections) {
    const marked = section.fields.filter((f) => f.payrollDeadline && f.type === 'date');
    if (marked.length === 0 || !sectionVisible(section, values)) continue;
    const raw = answers[section.id];
    if (section.repeat) {
      (Array.isArray(raw) ? raw : []).forEach((item, i) => {
        for (const field of marked)
          if (fieldVisible(field, { ...values, ...item }, persona))
            check(field, item, `${section.id}[${i}].${field.id}`);
      });
    } else {
      const item = raw && !Array.isArray(raw) ? raw : undefined;
      for (const field of marked)
        if (fieldVisible(field, values, persona)) check(field, item, `${section.id}.${field.id}`);
    }
  }
  return warnings;
}
