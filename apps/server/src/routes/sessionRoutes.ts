import type { FastifyInstance, FastifyReply } from 'fastify';
import { eq } from 'drizzle-orm';
import { users, type Database } from '@indgang/db';
import {
  can,
  createSession,
  DomainError,
  endSession,
  isReadOnly,
  listDemoUsers,
  mayChange,
  PERMISSIONS,
} from '@indgang/domain';
import { ZDemoLoginBody, ZLocaleBody } from '@indgang/schemas';
import type { Config } from '../config';
import { SESSION_COOKIE, requireActor } from '../http/authenticate';
import { parseInput } from '../http/parseInput';
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

export function sessionRoutes(
  app: FastifyInstance,
  deps: { database: Database; config: Config; limits: RateLimits },
) {
  const { database, config, limits } = deps;

  app.get('/api/v1/auth/options', { config: { rateLimit: limits.public } }, async () => ({
    demoLogin: config.demo,
    oidc: !!config.oidc,
  }));

  app.get('/api/v1/auth/demo-users', { config: { rateLimit: limits.public } }, async () => {
    if (!config.demo)
      throw new DomainError('not_found', 'demo_disabled', {
        da: 'Demo-login er slået fra.',
        en: 'Demo login is disabled.',
      });
    return listDemoUsers({ db: database.db });
  });

  app.post('/auth/demo-login', { config: { rateLimit: limits.login } }, async (request, reply) => {
    if (!config.demo)
      throw new DomainError('not_found', 'demo_disabled', {
        da: 'Demo-login er slået fra.',
        en: 'Demo login is disabled.',
      });
    const body = parseInput(ZDemoLoginBody, request.body, 'body');
    const [user] = await database.db.select({ id: users.id }).from(users).where(eq(users.id, body.userId));
    const demo = user ? (await listDemoUsers({ db: database.db })).some((u) => u.id === body.userId) : false;
    if (!demo)
      throw new DomainError('not_found', 'unknown_demo_user', {
        da: 'Demo-brugeren findes ikke.',
        en: 'Unknown demo user.',
      });
    const { token, session } = await createSession({ db: database.db }, body.userId, 'demo');
    setSessionCookie(reply, config, token, session.expiresAt);
    return { ok: true };
  });

  app.post('/auth/logout', async (request, reply) => {
    if (request.sessionToken) await endSession({ db: database.db }, request.sessionToken);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.get('/api/v1/me', async (request) => {
    const actor = requireActor(request);
    const [user] = await database.db
      .select({ locale: users.locale, email: users.email })
      .from(users)
      .where(eq(users.id, actor.userId));
    return {
      userId: actor.userId,
      personId: actor.personId,
      displayName: actor.displayName,
      email: user?.email ?? null,
      roles: [...actor.roles],
      orgWide: actor.unitScope === 'all',
      permissions: PERMISSIONS.filter((p) => can(actor, p)),
      /** What the user may change, by the domain's one read-only rule; pages offer only these actions. */
      mayChange: PERMISSIONS.filter((p) => mayChange(actor, p)),
      readOnly: isReadOnly(actor),
      ledUnitIds: actor.ledUnitIds,
      delegatedUnitIds: actor.delegatedUnitIds,
      teamIds: actor.teamIds,
      locale: user?.locale ?? 'da',
      csrfToken: request.session?.csrfToken,
      demo: config.demo,
    };
  });

  app.put('/api/v1/me/locale', async (request) => {
    const actor = requireActor(request);
    const body = parseInput(ZLocaleBody, request.body, 'body');
    await database.db.update(users).set({ locale: body.locale }).where(eq(users.id, actor.userId));
    return { locale: body.locale };
  });
}
