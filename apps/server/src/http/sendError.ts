import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isDatabaseUnavailable } from '@indgang/db';
import { DomainError, type ErrorKind } from '@indgang/domain';

const STATUS: Record<ErrorKind, number> = { invalid: 400, unauthenticated: 401, forbidden: 403, not_found: 404, conflict: 409, unprocessable: 422, rate_limited: 429 };

/** Every error leaves as JSON with a Danish and an English message; only the unexpected is a 500. */
export function sendError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof DomainError) {
    const status = STATUS[error.kind];
    if (error.kind === 'rate_limited') reply.header('retry-after', String(error.data?.retryAfterSeconds ?? 60));
    return reply.status(status).send({ error: { code: error.code, message: error.text, fields: error.fields, ...(error.data ? { data: error.data } : {}) } });
  }
  const status = (error as FastifyError).statusCode;
  if (status && status >= 400 && status < 500) {
    const code = (error as FastifyError).code ?? 'bad_request';
    const text = status === 413
      ? { da: 'Forespørgslen er for stor.', en: 'The request is too large.' }
      : status === 415
        ? { da: 'Indholdstypen understøttes ikke.', en: 'Unsupported content type.' }
        : status === 414
          ? { da: 'Adressen er for lang.', en: 'The address is too long.' }
        : { da: `Forespørgslen kunne ikke læses: ${error.message}`, en: `The request could not be read: ${error.message}` };
    return reply.status(status).send({ error: { code, message: text, fields: [] } });
  }
  if (isDatabaseUnavailable(error)) {
    request.log.warn({ err: error }, 'database unavailable');
    return reply.status(503).header('retry-after', '5').send({ error: { code: 'database_unavailable', message: {
      da: 'Forbindelsen til databasen er afbrudt lige nu. Prøv igen om lidt – sender du en formular igen, gemmes den ikke to gange.',
      en: 'The connection to the database is down right now. Please try again shortly – a form you send again is not stored twice.',
    }, fields: [] } });
  }
  request.log.error({ err: error }, 'unexpected error');
  return reply.status(500).send({ error: { code: 'internal', message: { da: 'Der opstod en uventet fejl. Prøv igen.', en: 'An unexpected error occurred. Please try again.' }, fields: [] } });
}
