import type { Answers, CprPrefill, TServiceDefinition } from '@indgang/schemas';

/** A person a case names by CPR number: where the number is in the answers, and her name. */
export interface PersonByCpr {
  /** The section and field that hold the CPR number (the number itself is read only where sent). */
  section: string;
  field: string;
  cpr: string;
  firstName: string;
  lastName: string;
}

/**
 * The person a case names by CPR number rather than by picking her from the organisation (a future
 * hire Indgang does not know yet): the first CPR answer of a plain section, with her name from the
 * fields of that section that CPR fills (`prefill` cpr.firstName and cpr.lastName, or cpr.name), as
 * the form declares them. Null when the answers hold no CPR number.
 */
export function personByCpr(def: TServiceDefinition, answers: Answers): PersonByCpr | null {
  for (const section of def.sections) {
    const item = answers[section.id];
    if (!item || Array.isArray(item)) continue;
    const field = section.fields.find(
      (f) => f.type === 'cpr' && typeof item[f.id] === 'string' && item[f.id] !== '',
    );
    if (!field) continue;
    const filled = (prefill: CprPrefill) => {
      const target = section.fields.find((f) => f.prefill === prefill);
      const value = target ? item[target.id] : undefined;
      return typeof value === 'string' ? value.trim() : '';
    };
    let firstName = filled('cpr.firstName');
    let lastName = filled('cpr.lastName');
    const whole = filled('cpr.name');
    if (firstName === '' && lastName === '' && whole !== '') {
      const last = whole.lastIndexOf(' ');
      firstName = last < 0 ? whole : whole.slice(0, last);
      lastName = last < 0 ? '' : whole.slice(last + 1);
    }
    return { section: section.id, field: field.id, cpr: item[field.id] as string, firstName, lastName };
  }
  return null;
}
