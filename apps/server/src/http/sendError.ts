import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isDatabaseUnavailable } from '@indgang/db';
import { DomainError, type ErrorKind } from '@indgang/domain';

const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  rate_limited: 429,
};

/** What the framework refuses before a route runs, said in both languages (its own texts are English only). */
const FRAMEWORK_TEXT: Record<string, { da: string; en: string }> = {
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    da: 'Forespørgslen har ikke noget JSON-indhold.',
    en: 'The request has no JSON content.',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    da: 'Forespørgslens længde passer ikke til dens indhold.',
    en: "The request's length does not match its content.",
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { da: 'Indholdstypen understøttes ikke.', en: 'Unsupported content type.' },
  FST_ERR_CTP_BODY_TOO_LARGE: { da: 'Forespørgslen er for stor.', en: 'The request is too large.' },
  FST_ERR_BAD_URL: { da: 'Adressen kan ikke læses.', en: 'The address cannot be read.' },
};

const BY_STATUS: Record<number, { da: string; en: string }> = {
  413: FRAMEWORK_TEXT.FST_ERR_CTP_BODY_TOO_LARGE!,
  414: { da: 'Adressen er for lang.', en: 'The address is too long.' },
  415: FRAMEWORK_TEXT.FST_ERR_CTP_INVALID_MEDIA_TYPE!,
};

/** Every error leaves as JSON with a Danish and an English message; only the unexpected is a 500. */
export function sendError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof DomainError) {
    const status = STATUS[error.kind];
    if (error.kind === 'rate_limited')
      reply.header('retry-after', String(error.data?.retryAfterSeconds ?? 60));
    return reply.status(status).send({
      error: {
        code: error.code,
        message: error.text,
        fields: error.fields,
        ...(error.data ? { data: error.data } : {}),
      },
    });
  }
  const status = (error as FastifyError).statusCode;
  if (status && status >= 400 && status < 500) {
    const code = (error as FastifyError).code ?? 'bad_request';
    // JSON syntax errors and the like keep their detail, in English, beside a Danish sentence of their own.
    const text = FRAMEWORK_TEXT[code] ??
      BY_STATUS[status] ?? {
        da: `Forespørgslen kunne ikke læses (${code}).`,
        en: `The request could not be read: ${error.message}`,
      };
    return reply.status(status).send({ error: { code, message: text, fields: [] } });
  }
  if (isDatabaseUnavailable(error)) {
    request.log.warn({ err: error }, 'database unavailable');
    return reply
      .status(503)
      .header('retry-after', '5')
      .send({
        error: {
          code: 'database_unavailable',
          message: {
            da: 'Forbindelsen til databasen er afbrudt lige nu. Prøv igen om lidt – sender du en formular igen, gemmes den ikke to gange.',
            en: 'The connection to the database is down right now. Please try again shortly – a form you send again is not stored twice.',
          },
          fields: [],
        },
      });
  }
  request.log.error({ err: error }, 'unexpected error');
  return reply.status(500).send({
    error: {
      code: 'internal',
      message: {
        da: 'Der opstod en uventet fejl. Prøv igen.',
        en: 'An unexpected error occurred. Please try again.',
      },
      fields: [],
    },
  });
}
