import type { z } from 'zod';
import { DomainError } from '@indgang/domain';

/** Validates input at the edge: a 400 naming each bad field, in Danish and English. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, where: 'body' | 'query' | 'params'): z.infer<S> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const fields = result.error.issues.map((issue) => {
    const path = [where, ...issue.path.map(String)].join('.');
    return { path, message: { da: danish(issue), en: issue.message } };
  });
  throw new DomainError('invalid', 'invalid_input', {
    da: `Ugyldigt input: ${fields.map((f) => `${f.path} (${f.message.da})`).join('; ')}`,
    en: `Invalid input: ${fields.map((f) => `${f.path} (${f.message.en})`).join('; ')}`,
  }, fields);
}

function danish(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type': return 'mangler eller har forkert type';
    case 'too_small': return 'er for kort eller for lille';
    case 'too_big': return 'er for lang eller for stor';
    case 'invalid_format': return 'har forkert format';
    case 'unrecognized_keys': return `ukendte felter: ${issue.keys.join(', ')}`;
    case 'invalid_value': return 'er ikke en tilladt værdi';
    default: return 'er ugyldigt';
  }
}
