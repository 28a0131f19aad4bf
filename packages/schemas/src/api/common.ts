import { z } from 'zod';

/** A text in Danish and English: every message a person reads from the API. */
export const ZLocalizedText = z.object({ da: z.string(), en: z.string() });

/** A problem with one input field, named by its path (e.g. `body.validTo`), or by row and column in a file. */
export const ZFieldError = z.object({
  path: z.string(),
  row: z.number().int().optional(),
  column: z.string().optional(),
  message: ZLocalizedText,
});

/**
 * The one error answer of the API, for every status from 400 to 503: a stable code to act on, the
 * message in Danish and English, the fields at fault, and facts the client can act on (e.g. the
 * open case a duplicate would join).
 */
export const ZApiError = z
  .object({
    error: z.object({
      code: z.string().describe('Stable code to act on, e.g. `invalid_input`, `not_found`, `csrf`.'),
      message: ZLocalizedText,
      fields: z.array(ZFieldError),
      data: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .meta({ id: 'Error', description: 'The error answer: a code and a message in Danish and English.' });

/**
 * A value the domain's TypeScript types more loosely than the contract says (a JSON column typed
 * `unknown`, a text column typed `string`): documented as `schema`, and checked against it at run
 * time by the contract check of the tests rather than by the compiler.
 */
export const checkedAtRunTime = <S extends z.ZodType>(schema: S) => z.unknown().pipe(schema);

/** An instant on the wire: ISO 8601 with its offset (the server sends UTC, `…Z`). */
export const ZTimestamp = z.iso.datetime({ offset: true });
/** A calendar day, `YYYY-MM-DD`. */
export const ZDay = z.iso.date();

/** The answer of a change that has nothing else to say. */
export const ZOk = z.object({ ok: z.literal(true) });

/** A new record's id. */
export const ZCreated = z.object({ id: z.string() });

/** A file answered as it is stored (PDF, workbook, image). */
export const ZBinary = z.unknown().meta({ type: 'string', format: 'binary' });

export type TLocalizedText = z.infer<typeof ZLocalizedText>;
export type TFieldError = z.infer<typeof ZFieldError>;
export type TApiError = z.infer<typeof ZApiError>;
