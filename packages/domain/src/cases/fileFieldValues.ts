import { fileIdsOf, type Answers, type TField, type TServiceDefinition } from '@indgang/schemas';

/** Every attachment id in the answers, with the file field it was given for. */
export function fileFieldValues(
  def: TServiceDefinition,
  answers: Answers,
): Array<{ field: TField; id: string }> {
  const out: Array<{ field: TField; id: string }> = [];
  for (const section of def.sections) {
    const value = answers[section.id];
    const items = Array.isArray(value) ? value : value ? [value] : [];
    for (const field of section.fields.filter((f) => f.type === 'file')) {
      for (const item of items) {
        for (const id of fileIdsOf(item[field.id])) out.push({ field, id });
      }
    }
  }
  return out;
}

/** Every non-empty text answer to a field of the given type, in plain and repeated sections, with its path. */
export function answersOfType(
  def: TServiceDefinition,
  answers: Answers,
  type: TField['type'],
): Array<{ field: TField; path: string; value: string }> {
  const out: Array<{ field: TField; path: string; value: string }> = [];
  for (const section of def.sections) {
    const fields = section.fields.filter((f) => f.type === type);
    const value = answers[section.id];
    if (fields.length === 0 || !value) continue;
    const items = Array.isArray(value)
      ? value.map((item, i) => [`${section.id}[${i}]`, item] as const)
      : [[section.id, value] as const];
    for (const [prefix, item] of items) {
      for (const field of fields) {
        const v = item[field.id];
        if (typeof v === 'string' && v !== '') out.push({ field, path: `${prefix}.${field.id}`, value: v });
      }
    }
  }
  return out;
}

/** The first answer given for a field of one of the types, anywhere in the plain sections. */
export function firstAnswerOfType(
  def: TServiceDefinition,
  answers: Answers,
  type: TField['type'],
): string | null {
  for (const section of def.sections) {
    const value = answers[section.id];
    if (!value || Array.isArray(value)) continue;
    for (const field of section.fields) {
      const answer = field.type === type ? value[field.id] : undefined;
      if (typeof answer === 'string' && answer !== '') return answer;
    }
  }
  return null;
}
