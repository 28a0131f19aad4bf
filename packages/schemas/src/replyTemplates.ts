import { z } from 'zod';
import { ZText } from './forms/ServiceDefinition';

/**
 * The merge fields a reply template may name that the case itself fills: who submitted it, its
 * number and dates, the service, the unit and the person it concerns, and the caseworker. Any other
 * `{{name}}` is an input the caseworker fills in before sending.
 */
export const TEMPLATE_MERGE_FIELDS = [
  'submitter.name',
  'case.number',
  'case.submittedDate',
  'case.expectedDate',
  'service.name',
  'unit.name',
  'person.name',
  'caseworker.name',
] as const;
export type TemplateMergeField = (typeof TEMPLATE_MERGE_FIELDS)[number];

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The names of the `{{…}}` placeholders a text holds, each once, in order. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/** The text with each placeholder that has a non-blank value replaced by it; the others stay. */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string | undefined>>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name];
    return value !== undefined && value.trim() !== '' ? value : whole;
  });
}

export const isMergeField = (name: string): name is TemplateMergeField =>
  (TEMPLATE_MERGE_FIELDS as readonly string[]).includes(name);

/** What the caseworker fills in for a template's `{{id}}`, e.g. which document is missing. */
export const ZTemplateInput = z
  .object({ id: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/), label: ZText })
  .strict();
export type TTemplateInput = z.infer<typeof ZTemplateInput>;
