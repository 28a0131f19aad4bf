import type { TField, TServiceDefinition } from './ServiceDefinition';
import type { AnswerValue, Answers, SectionAnswers } from './evaluateForm';

/** CPR fields always, and any field the service marks as sensitive. */
export function isSensitive(field: TField): boolean {
  return field.type === 'cpr' || field.sensitive === true;
}

/** A CPR number as everyone without the CPR permission sees it: the date of birth, then XXXX. */
export function maskCpr(cpr: string): string {
  return `${cpr.slice(0, 6)}-XXXX`;
}

/** How a hidden value is shown: a CPR number keeps its date of birth, anything else is dots. */
export function maskedValue(field: TField, value: AnswerValue): AnswerValue {
  if (value === null || value === undefined || value === '') return value;
  if (field.type === 'cpr' && typeof value === 'string' && /^\d{6}-?\d{4}$/.test(value))
    return maskCpr(value);
  return '••••••';
}

/**
 * Every sensitive answer by its path ("person.cpr", "children[1].cpr"), for the audited request to
 * see them in full.
 */
export function sensitiveAnswers(def: TServiceDefinition, answers: Answers): Record<string, AnswerValue> {
  const found: Record<string, AnswerValue> = {};
  for (const section of def.sections) {
    const fields = section.fields.filter(isSensitive);
    if (fields.length === 0) continue;
    const value = answers[section.id];
    const items: Array<[string, SectionAnswers]> = Array.isArray(value)
      ? value.map((item, i) => [`${section.id}[${i}]`, item])
      : value
        ? [[section.id, value]]
        : [];
    for (const [prefix, item] of items) {
      for (const field of fields) {
        const v = item[field.id];
        if (v !== undefined && v !== null && v !== '') found[`${prefix}.${field.id}`] = v;
      }
    }
  }
  return found;
}

/** The answers with every sensitive value masked, and the paths that were. */
export function maskAnswers(
  def: TServiceDefinition,
  answers: Answers,
): { answers: Answers; masked: string[] } {
  const masked: string[] = [];
  const out: Answers = {};
  for (const [sectionId, value] of Object.entries(answers)) {
    const section = def.sections.find((s) => s.id === sectionId);
    const fields = section ? section.fields.filter(isSensitive) : [];
    const mask = (prefix: string, item: SectionAnswers): SectionAnswers => {
      const copy: SectionAnswers = { ...item };
      for (const field of fields) {
        if (copy[field.id] === undefined || copy[field.id] === null || copy[field.id] === '') continue;
        copy[field.id] = maskedValue(field, copy[field.id]!);
        masked.push(`${prefix}.${field.id}`);
      }
      return copy;
    };
    out[sectionId] = Array.isArray(value)
      ? value.map((item, i) => mask(`${sectionId}[${i}]`, item))
      : mask(sectionId, value);
  }
  return { answers: out, masked };
}
