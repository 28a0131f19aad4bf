import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '@indgang/db';
import {
  authenticateSession,
  DomainError,
  isReadOnly,
  todayInDenmark,
  type Actor,
  type Session,
} from '@indgang/domain';

export const SESSION_COOKIE = 'indgang_session';
export const CSRF_HEADER = 'x-csrf-token';
/**
 * The robot API: authenticated by the robot's bearer credential on every request, never by a
 * session cookie, so it needs no CSRF token (a cross-site page cannot set `Authorization`).
 */
export const ROBOT_API_PREFIX = '/api/robot/';

declare module 'fastify' {
  interface FastifyRequest {
    session: Session | null;
    sessionToken: string | null;
    actor: Actor | null;
  }
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the session cookie into the actor for every request, and refuses a state-changing
 * request whose CSRF header does not match the session (or is missing, before login). It runs
 * when the request arrives, before its body is read, so a refused request costs no upload.
 */
export function registerAuthentication(app: FastifyInstance, database: Database) {
  app.decorateRequest('session', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/') && !request.url.startsWith('/auth/')) return;
    if (request.url.startsWith(ROBOT_API_PREFIX)) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const found = await authenticateSession({ db: database.db }, token, todayInDenmark());
      if (found) {
        request.session = found.session;
        request.sessionToken = token;
        request.actor = found.actor;
      }
    }
    if (!SAFE.has(request.method)) {
      const header = request.headers[CSRF_HEADER];
      const ok = request.session
        ? header === request.session.csrfToken
        : typeof header === 'string' && header.length > 0;
      if (!ok)
        throw new DomainError('forbidden', 'csrf', {
          da: 'Forespørgslen mangler et gyldigt CSRF-token. Genindlæs siden.',
          en: 'The request lacks a valid CSRF token. Reload the page.',
        });
    }
  });
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor)
    throw new DomainError('unauthenticated', 'unauthenticated', {
      da: 'Du skal logge ind.',
      en: 'You must log in.',
    });
  return request.actor;
}

/** The auditor reads; any change by a read-only actor is refused. */
export function requireWritable(actor: Actor): void {
  if (isReadOnly(actor)) {
    throw new DomainError('forbidden', 'read_only', {
      da: 'Din rolle må kun læse.',
      en: 'Your role is read-only.',
    });
  }
}
