import type { z } from 'zod';
import { DomainError } from '@indgang/domain';
import { issueText } from '@indgang/schemas';

/** Validates input at the edge: a 400 naming each bad field, in Danish and English. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  where: 'body' | 'query' | 'params',
): z.infer<S> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const fields = result.error.issues.map((issue) => {
    const path = [where, ...issue.path.map(String)].join('.');
    return { path, message: issueText(issue) };
  });
  throw new DomainError(
    'invalid',
    'invalid_input',
    {
      da: `Ugyldigt input: ${fields.map((f) => `${f.path} (${f.message.da})`).join('; ')}`,
      en: `Invalid input: ${fields.map((f) => `${f.path} (${f.message.en})`).join('; ')}`,
    },
    fields,
  );
}
