import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Database } from '@indgang/db';
import {
  describeUser,
  DomainError,
  endSession,
  listDemoUsers,
  setLocale,
  startDemoSession,
} from '@indgang/domain';
import {
  ZAuthOptions,
  ZDemoLoginBody,
  ZDemoUsers,
  ZLocaleAnswer,
  ZLocaleBody,
  ZMe,
  ZOk,
} from '@indgang/schemas';
import type { Config } from '../config';
import { SESSION_COOKIE, requireActor } from '../http/authenticate';
import { error, json, PUBLIC, type ApiTypeProvider, OK } from '../http/contract';
import type { RateLimits } from '../http/rateLimits';

export function setSessionCookie(reply: FastifyReply, config: Config, token: string, expires: Date) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.cookieSecure,
    expires,
  });
}

const tags = ['Session'];
const demoDisabled = () =>
  new DomainError('not_found', 'demo_disabled', {
    da: 'Demo-login er slået fra.',
    en: 'Demo login is disabled.',
  });

export function sessionRoutes(
  app: FastifyInstance,
  deps: { database: Database; config: Config; limits: RateLimits },
) {
  const { database, config, limits } = deps;
  const db = database.db;
  const api = app.withTypeProvider<ApiTypeProvider>();

  api.get(
    '/api/v1/auth/options',
    {
      config: { rateLimit: limits.public },
      schema: {
        tags,
        summary: 'Which ways to log in are on',
        security: PUBLIC,
        response: { 200: json(ZAuthOptions, 'The login options') },
      },
    },
    async () => ({ demoLogin: config.demo, oidc: !!config.oidc }),
  );

  api.get(
    '/api/v1/auth/demo-users',
    {
      config: { rateLimit: limits.public },
      schema: {
        tags,
        summary: 'The demo users to log in as',
        security: PUBLIC,
        response: {
          200: json(ZDemoUsers, 'The demo users, with what each of them does'),
          404: error(404, 'Demo login is disabled (`demo_disabled`).'),
        },
      },
    },
    async () => {
      if (!config.demo) throw demoDisabled();
      return listDemoUsers({ db });
    },
  );

  api.post(
    '/auth/demo-login',
    {
      config: { rateLimit: limits.login },
      schema: {
        tags,
        summary: 'Log in as a demo user',
        description: 'Only with `INDGANG_DEMO`. Sets the session cookie.',
        security: PUBLIC,
        body: ZDemoLoginBody,
        response: {
          200: json(ZOk, 'Logged in; the session cookie is set'),
          404: error(404, 'Demo login is disabled, or no such demo user.'),
        },
      },
    },
    async (request, reply) => {
      if (!config.demo) throw demoDisabled();
      const { token, session } = await startDemoSession({ db }, request.body.userId);
      setSessionCookie(reply, config, token, session.expiresAt);
      return OK;
    },
  );

  api.post(
    '/auth/logout',
    {
      schema: {
        tags,
        summary: 'Log out',
        description: 'Ends the session, if there is one, and clears the cookie.',
        security: PUBLIC,
        response: { 200: json(ZOk, 'Logged out') },
      },
    },
    async (request, reply) => {
      if (request.sessionToken) await endSession({ db }, request.sessionToken);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return OK;
    },
  );

  api.get(
    '/api/v1/me',
    {
      schema: {
        tags,
        summary: 'The current user',
        description: 'Who is logged in, what she may do and change, and the CSRF token of the session.',
        response: { 200: json(ZMe, 'The current user') },
      },
    },
    async (request) => ({
      ...(await describeUser({ db }, requireActor(request))),
      // A session comes with every actor (authenticate.ts).
      csrfToken: request.session!.csrfToken,
      demo: config.demo,
    }),
  );

  api.put(
    '/api/v1/me/locale',
    {
      schema: {
        tags,
        summary: "Set the user's language",
        body: ZLocaleBody,
        response: { 200: json(ZLocaleAnswer, 'The language now set') },
      },
    },
    async (request) => setLocale({ db }, requireActor(request), request.body.locale),
  );
}
