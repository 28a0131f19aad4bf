import type { Answers, TField, TServiceDefinition } from '@indgang/schemas';

/** Every attachment id in the answers, with the file field it was given for. */
export function fileFieldValues(def: TServiceDefinition, answers: Answers): Array<{ field: TField; id: string }> {
  const out: Array<{ field: TField; id: string }> = [];
  for (const section of def.sections) {
    const value = answers[section.id];
    const items = Array.isArray(value) ? value : value ? [value] : [];
    for (const field of section.fields.filter((f) => f.type === 'file')) {
      for (const item of items) {
        const ids = item[field.id];
        if (Array.isArray(ids)) for (const id of ids) out.push({ field, id });
      }
    }
  }
  return out;
}

/** The first answer given for a field of one of the types, anywhere in the plain sections. */
export function firstAnswerOfType(def: TServiceDefinition, answers: Answers, type: TField['type']): string | null {
  for (const section of def.sections) {
    const value = answers[section.id];
    if (!value || Array.isArray(value)) continue;
    const field = section.fields.find((f) => f.type === type && typeof value[f.id] === 'string' && value[f.id] !== '');
    if (field) return value[field.id] as string;
  }
  return null;
}
