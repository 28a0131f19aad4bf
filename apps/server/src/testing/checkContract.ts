import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

/** The schema a route declares for an answer of this status and media type, if any. */
function declaredSchema(
  responses: Record<string, unknown> | undefined,
  status: number,
  mediaType: string,
): { found: 'schema'; schema: z.ZodType } | { found: 'status' } | { found: 'none' } {
  const answer = responses?.[status] ?? responses?.[`${String(status)[0]}xx`] ?? responses?.default;
  if (answer === undefined) return { found: 'none' };
  if (answer instanceof z.ZodType) return { found: 'schema', schema: answer };
  const content = (answer as { content?: Record<string, { schema: z.ZodType }> }).content ?? {};
  const entry = content[mediaType] ?? content['*/*'];
  return entry ? { found: 'schema', schema: entry.schema } : { found: 'status' };
}

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  valueType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  getter?: () => z.ZodType;
};
const defOf = (schema: z.ZodType) => schema._zod.def as unknown as Def;

/**
 * Keys of the answer that its schema does not declare (zod would drop them silently), so that a
 * field the API sends is a field the reference documents.
 */
export function undeclaredKeys(schema: z.ZodType, value: unknown, path = ''): string[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
      return value === null || value === undefined ? [] : undeclaredKeys(def.innerType!, value, path);
    case 'pipe':
      // checkedAtRunTime: unknown in, the documented schema out.
      return undeclaredKeys(defOf(def.in!).type === 'unknown' ? def.out! : def.in!, value, path);
    case 'lazy':
      return undeclaredKeys(def.getter!(), value, path);
    case 'array':
      return Array.isArray(value)
        ? value.flatMap((v, i) => undeclaredKeys(def.element!, v, `${path}[${i}]`))
        : [];
    case 'record':
      return value && typeof value === 'object'
        ? Object.entries(value).flatMap(([k, v]) => undeclaredKeys(def.valueType!, v, `${path}.${k}`))
        : [];
    case 'union': {
      const match = def.options!.find((option) => option.safeParse(value).success);
      return match ? undeclaredKeys(match, value, path) : [];
    }
    case 'object': {
      if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
      const shape = def.shape!;
      const loose = def.catchall !== undefined && defOf(def.catchall).type !== 'never';
      return Object.entries(value).flatMap(([k, v]) =>
        k in shape ? undeclaredKeys(shape[k]!, v, `${path}.${k}`) : loose ? [] : [`${path}.${k}`],
      );
    }
    default:
      return [];
  }
}

/**
 * Checks every answer of a route against the answers it declares: the status must be declared,
 * a JSON answer must match its schema (and carry no undeclared field), and another media type
 * must be one the route declares. A mismatch turns the answer into a 500 that says what is wrong,
 * and is kept in `violations`, so the integration suite fails wherever the contract and reality
 * part.
 */
export function checkContract(app: FastifyInstance, violations: string[]): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const { schema, url } = request.routeOptions;
    if (!url || !schema || (schema as { hide?: boolean }).hide || request.method === 'HEAD') return payload;
    if (reply.statusCode >= 500 && reply.statusCode !== 503) return payload;
    const mediaType = String(reply.getHeader('content-type') ?? '')
      .split(';')[0]!
      .trim();
    const declared = declaredSchema(
      schema.response as Record<string, unknown> | undefined,
      reply.statusCode,
      mediaType,
    );
    const where = `${request.method} ${url} → ${reply.statusCode} ${mediaType}`;
    let problem: string | null = null;
    if (declared.found === 'none') problem = 'the status is not declared';
    else if (declared.found === 'status')
      problem = payload === null || payload === '' ? null : 'the media type is not declared';
    else if (mediaType === 'application/json' && typeof payload === 'string') {
      const body: unknown = JSON.parse(payload);
      const result = declared.schema.safeParse(body);
      if (!result.success) problem = z.prettifyError(result.error);
      else {
        const extra = undeclaredKeys(declared.schema, body);
        if (extra.length > 0) problem = `undeclared fields: ${extra.slice(0, 10).join(', ')}`;
      }
    }
    if (!problem) return payload;
    const message = `The answer breaks the API contract: ${where}: ${problem}`;
    violations.push(message);
    reply.status(500).header('content-type', 'application/json; charset=utf-8');
    return JSON.stringify({
      error: {
        code: 'contract_violation',
        message: { da: message, en: message },
        fields: [],
      },
    });
  });
}
