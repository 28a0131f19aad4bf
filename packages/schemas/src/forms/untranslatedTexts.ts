/** The keys of a service definition that hold text a person reads (catalogue text, `ZText`). */
const TEXT_KEYS = new Set([
  'name',
  'category',
  'summary',
  'title',
  'intro',
  'label',
  'help',
  'text',
  'itemLabel',
  'why',
  'caseworkerGuidance',
  'submitted',
  'in_progress',
  'awaiting_submitter',
  'resolved',
]);

const isDanishOnly = (value: unknown) =>
  typeof value === 'string' || (!!value && typeof value === 'object' && !('en' in value));

/**
 * The places in a service definition whose text has no English (e.g. `sections.0.fields.2.label`),
 * so an English form can say that parts of it are in Danish, and a catalogue can be checked.
 */
export function untranslatedTexts(definition: unknown, path = ''): string[] {
  const out: string[] = [];
  const walk = (value: unknown, at: string) => {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${at}${i}.`));
    else if (value && typeof value === 'object')
      for (const [key, v] of Object.entries(value)) {
        if (TEXT_KEYS.has(key) && isDanishOnly(v)) out.push(`${at}${key}`);
        else walk(v, `${at}${key}.`);
      }
  };
  walk(definition, path ? `${path}.` : '');
  return out;
}
