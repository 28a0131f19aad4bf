import type { FormError, TField, TServiceDefinition, TText } from '@indgang/schemas';

/** The id of a field's control in the form, from its answer path (`trips[1].date`). */
export const inputIdFor = (path: string) => `f-${path.replace(/[^a-zA-Z0-9]/g, '-')}`;
/** The id of a section's fieldset, the place a section's own error (too few items) points to. */
export const sectionIdFor = (sectionId: string) => `s-${sectionId}`;

/** Where in the form an error belongs: the field and the repeated item, if any, and what to focus. */
export interface LocatedError extends FormError {
  /** The answer path of the field the error is shown beside (`trips[1].date`), or of its section. */
  path: string;
  /** The element the summary's link focuses. */
  targetId: string;
  /** What the summary names: the item of a repeated section and the field's label. */
  item: { label: TText; number: number } | null;
  label: TText | null;
}

const ITEM_PATH = /^([a-zA-Z][a-zA-Z0-9_]*)\[(\d+)\]\.([a-zA-Z][a-zA-Z0-9_]*)$/;
const PLAIN_PATH = /^([a-zA-Z][a-zA-Z0-9_]*)\.([a-zA-Z][a-zA-Z0-9_]*)$/;

/** The element to focus for a field: the first choice of a radio group, the search of a person field. */
function targetFor(field: TField, path: string): string {
  const id = inputIdFor(path);
  if (field.type === 'radio' && field.options?.[0]) return `${id}-${field.options[0].value}`;
  if (field.type === 'person') return `${id}-search`;
  return id;
}

/**
 * Places an error of the form engine or the server at its field: a missing document at the file
 * field that satisfies it, a server error that names only a field id at that field, an error of a
 * repeated section at the section. An error that names nothing in the form stays unlocated (null).
 */
export function locateError(def: TServiceDefinition, error: FormError): LocatedError | null {
  const item = ITEM_PATH.exec(error.path);
  if (item) {
    const [, sectionId, index, fieldId] = item;
    const section = def.sections.find((s) => s.id === sectionId);
    const field = section?.fields.find((f) => f.id === fieldId);
    if (section?.repeat && field)
      return {
        ...error,
        targetId: targetFor(field, error.path),
        item: { label: section.repeat.itemLabel, number: Number(index) + 1 },
        label: field.label,
      };
  }
  const plain = PLAIN_PATH.exec(error.path);
  if (plain && !error.path.startsWith('documents.')) {
    const [, sectionId, fieldId] = plain;
    const section = def.sections.find((s) => s.id === sectionId && !s.repeat);
    const field = section?.fields.find((f) => f.id === fieldId);
    if (field) return { ...error, targetId: targetFor(field, error.path), item: null, label: field.label };
  }
  const section = def.sections.find((s) => s.id === error.path);
  if (section)
    return {
      ...error,
      path: section.id,
      targetId: sectionIdFor(section.id),
      item: null,
      label: section.title,
    };
  // A missing document names its file field; the server names a field by its id (`column`).
  const fieldId = error.field || error.path.split('.').pop() || '';
  for (const s of def.sections) {
    const field = s.fields.find((f) => f.id === fieldId);
    if (!field || s.repeat) continue;
    const path = `${s.id}.${field.id}`;
    return { ...error, path, targetId: targetFor(field, path), item: null, label: field.label };
  }
  return null;
}

/**
 * Where a located error stands in the form, to list the summary in the order of the page (DKFDS):
 * its section, its repeated item (a section's own error before its items) and its field; an error
 * that names nothing in the form comes last.
 */
export function formPosition(def: TServiceDefinition, located: LocatedError | null): number[] {
  if (!located) return [Infinity];
  const m = /^([a-zA-Z][a-zA-Z0-9_]*)(?:\[(\d+)\])?(?:\.([a-zA-Z][a-zA-Z0-9_]*))?$/.exec(located.path);
  const sectionIndex = def.sections.findIndex((s) => s.id === m?.[1]);
  if (!m || sectionIndex < 0) return [Infinity];
  const fields = def.sections[sectionIndex]!.fields;
  return [sectionIndex, m[2] === undefined ? -1 : Number(m[2]), fields.findIndex((f) => f.id === m[3])];
}

/** Orders errors as their fields stand in the form; errors at the same place keep their order. */
export function inFormOrder<T extends { located: LocatedError | null }>(
  def: TServiceDefinition,
  errors: T[],
): T[] {
  const at = new Map(errors.map((e) => [e, formPosition(def, e.located)]));
  const compare = (a: number[], b: number[]) => {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const d = (a[i] ?? -1) - (b[i] ?? -1);
      if (d !== 0 && !Number.isNaN(d)) return d;
    }
    return 0;
  };
  return [...errors].sort((a, b) => compare(at.get(a)!, at.get(b)!));
}
