import type { z } from 'zod';
import { DomainError } from '@indgang/domain';
import { issueText } from '@indgang/schemas';

/** Where a value came from, as the field paths of an error name it. */
export type InputPart = 'body' | 'query' | 'params';

/** The 400 for input that does not match its schema: each bad field named, in Danish and English. */
export function invalidInputError(issues: readonly z.core.$ZodIssue[], where: InputPart): DomainError {
  const fields = issues.map((issue) => {
    const path = [where, ...issue.path.map(String)].join('.');
    return { path, message: issueText(issue) };
  });
  return new DomainError(
    'invalid',
    'invalid_input',
    {
      da: `Ugyldigt input: ${fields.map((f) => `${f.path} (${f.message.da})`).join('; ')}`,
      en: `Invalid input: ${fields.map((f) => `${f.path} (${f.message.en})`).join('; ')}`,
    },
    fields,
  );
}

/** Validates input at the edge: a 400 naming each bad field, in Danish and English. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, where: InputPart): z.infer<S> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  throw invalidInputError(result.error.issues, where);
}
