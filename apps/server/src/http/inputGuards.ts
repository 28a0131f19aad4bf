import type { FastifyInstance } from 'fastify';
import { DomainError } from '@indgang/domain';

/** Deeper JSON than any request of the platform needs; deeper input is refused before it is parsed. */
export const MAX_JSON_DEPTH = 32;

const unstorable = () =>
  new DomainError('invalid', 'unstorable_character', {
    da: 'Teksten indeholder et tegn, der ikke kan gemmes (et nul-tegn U+0000 eller en halv UTF-16-surrogat). Fjern tegnet og prøv igen.',
    en: 'The text contains a character that cannot be stored (a NUL U+0000 or half a UTF-16 surrogate pair). Remove it and try again.',
  });

/** NUL, or a surrogate without its other half: text PostgreSQL refuses to store. */
// eslint-disable-next-line no-control-regex -- matching NUL is the point
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const tooDeep = () =>
  new DomainError('invalid', 'json_too_deep', {
    da: `JSON-indholdet er indlejret for dybt (mere end ${MAX_JSON_DEPTH} niveauer).`,
    en: `The JSON content is nested too deeply (more than ${MAX_JSON_DEPTH} levels).`,
  });

/** True when brackets outside strings nest deeper than `max`; a linear scan, no recursion. */
export function jsonNestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c) i += 1;
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x7b || ch === 0x5b) {
      depth += 1;
      if (depth > max) return true;
    } else if (ch === 0x7d || ch === 0x5d) depth -= 1;
  }
  return false;
}

/** True when any string or key in the value holds text PostgreSQL text and jsonb cannot store. */
export function holdsUnstorableText(value: unknown): boolean {
  if (typeof value === 'string') return UNSTORABLE.test(value);
  if (Array.isArray(value)) return value.some(holdsUnstorableText);
  if (value !== null && typeof value === 'object')
    return Object.entries(value).some(([key, v]) => UNSTORABLE.test(key) || holdsUnstorableText(v));
  return false;
}

/**
 * Refuses at the edge, with a 400 in Danish and English, input no route could handle: JSON nested
 * deeper than MAX_JSON_DEPTH, and a NUL character or half a surrogate pair in a JSON body, a text
 * body, a query string or a path parameter. The JSON parser keeps Fastify's protection against
 * prototype poisoning.
 */
declare module 'fastify' {
  interface FastifyRequest {
    rawJson?: string;
  }
}

export function registerInputGuards(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    if (jsonNestsDeeperThan(text, MAX_JSON_DEPTH)) return done(tooDeep(), undefined);
    void parseJson(request, text, (error, value) => {
      if (error) return done(error, undefined);
      if (holdsUnstorableText(value)) return done(unstorable(), undefined);
      // Kept for what must compare requests byte for byte (the Idempotency-Key check).
      request.rawJson = text;
      return done(null, value);
    });
  });
  app.addHook('preValidation', async (request) => {
    if (
      holdsUnstorableText(request.query) ||
      holdsUnstorableText(request.params) ||
      holdsUnstorableText(typeof request.body === 'string' ? request.body : null)
    )
      throw unstorable();
  });
}
