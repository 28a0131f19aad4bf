import {
  fillPlaceholders,
  isMergeField,
  placeholdersIn,
  type TemplateMergeField,
  type TTemplateInput,
} from '@indgang/schemas';

export interface StoredTemplate {
  id: string;
  name: string;
  body: string;
  /** As installCatalog stored them (checked by ZReplyTemplate); templates installed before inputs existed have none. */
  inputs: TTemplateInput[];
}

/**
 * A reply template for one case: every merge field the case knows is filled in, and every other
 * placeholder is an input the caseworker fills in before sending, with its declared label (or its
 * name, for a template installed before it declared its inputs). A merge field the case has no value
 * for (a case about no person) becomes an input too, so nothing is sent unfilled.
 */
export function renderTemplate(
  template: StoredTemplate,
  values: Partial<Record<TemplateMergeField, string>>,
) {
  const text = fillPlaceholders(template.body, values);
  const inputs = placeholdersIn(text).map(
    (name) =>
      template.inputs.find((i) => i.id === name) ?? {
        id: name,
        label: isMergeField(name) ? name : name.replace(/_/g, ' '),
      },
  );
  return { id: template.id, name: template.name, text, inputs };
}
