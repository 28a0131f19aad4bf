import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import * as client from 'openid-client';
import type { Database } from '@indgang/db';
import { createSession, DomainError, resolveOidcUser } from '@indgang/domain';
import type { Config, OidcConfig } from '../config';
import { noBody, PUBLIC } from '../http/contract';
import type { RateLimits } from '../http/rateLimits';
import { setSessionCookie } from './sessionRoutes';

const FLOW_COOKIE = 'indgang_oidc';
const tags = ['Session'];

/** Login through the municipality's identity provider: authorization code flow with PKCE. */
export function oidcRoutes(
  app: FastifyInstance,
  deps: { database: Database; config: Config & { oidc: OidcConfig }; limits: RateLimits },
) {
  const { database, config } = deps;
  const oidc = config.oidc;
  let discovered: Promise<client.Configuration> | null = null;
  const provider = () => {
    discovered ??= client
      .discovery(
        new URL(oidc.issuer),
        oidc.clientId,
        oidc.clientSecret,
        undefined,
        oidc.allowHttp ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        discovered = null;
        throw error;
      });
    return discovered;
  };

  // Passwords are checked at the identity provider: these routes only need the limit of any public route.
  app.get(
    '/auth/oidc/login',
    {
      config: { rateLimit: deps.limits.public },
      schema: {
        tags,
        summary: "Log in at the municipality's identity provider",
        description: 'For a browser: redirects to the identity provider (authorization code flow with PKCE).',
        security: PUBLIC,
        response: { 302: noBody('Redirect to the identity provider') },
      },
    },
    async (_request, reply) => {
      const configuration = await provider();
      const verifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const nonce = client.randomNonce();
      const url = client.buildAuthorizationUrl(configuration, {
        redirect_uri: oidc.redirectUri,
        scope: oidc.scopes,
        state,
        nonce,
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
      });
      reply.setCookie(FLOW_COOKIE, JSON.stringify({ verifier, state, nonce }), {
        path: '/auth/oidc',
        httpOnly: true,
        sameSite: 'lax',
        secure: config.cookieSecure,
        signed: true,
        maxAge: 600,
      });
      return reply.redirect(url.href);
    },
  );

  app.get(
    '/auth/oidc/callback',
    {
      config: { rateLimit: deps.limits.public },
      schema: {
        tags,
        summary: 'Where the identity provider returns after login',
        description:
          'Sets the session cookie and redirects to the web app, or to `/login?error=CODE` when the login is refused.',
        security: PUBLIC,
        response: { 302: noBody('Redirect to the web app, or to the login page with the reason') },
      },
    },
    async (request, reply) => {
      try {
        const userId = await completeLogin(
          request.url,
          request.cookies[FLOW_COOKIE],
          (raw) => request.unsignCookie(raw),
          request.log,
        );
        const { token, session } = await createSession({ db: database.db }, userId, 'oidc');
        setSessionCookie(reply, config, token, session.expiresAt);
        return reply.redirect('/');
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        // A person in a browser lands on the login page, which explains the refusal in her language.
        return reply.redirect(`/login?error=${encodeURIComponent(error.code)}`);
      } finally {
        reply.clearCookie(FLOW_COOKIE, { path: '/auth/oidc' });
      }
    },
  );

  async function completeLogin(
    url: string,
    raw: string | undefined,
    unsign: (raw: string) => { valid: boolean; value: string | null },
    log: FastifyBaseLogger,
  ): Promise<string> {
    const unsigned = raw ? unsign(raw) : null;
    if (!unsigned?.valid || !unsigned.value) {
      throw new DomainError('invalid', 'oidc_flow_missing', {
        da: 'Login-forløbet er udløbet. Prøv at logge ind igen.',
        en: 'The login flow has expired. Please log in again.',
      });
    }
    const flow = JSON.parse(unsigned.value) as { verifier: string; state: string; nonce: string };
    const configuration = await provider();
    let claims: client.IDToken | undefined;
    let userInfo: client.UserInfoResponse | undefined;
    try {
      const tokens = await client.authorizationCodeGrant(configuration, new URL(url, oidc.redirectUri), {
        pkceCodeVerifier: flow.verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims();
      // Providers that keep profile claims out of the ID token give them at the userinfo endpoint.
      if (claims && typeof claims.email !== 'string')
        userInfo = await client.fetchUserInfo(configuration, tokens.access_token, claims.sub);
    } catch (error) {
      log.warn({ err: error }, 'oidc callback refused');
      throw new DomainError('unauthenticated', 'oidc_failed', {
        da: 'Login hos kommunens login-tjeneste mislykkedes. Prøv igen.',
        en: "Login with the municipality's identity provider failed. Please try again.",
      });
    }
    if (!claims)
      throw new DomainError('unauthenticated', 'oidc_failed', {
        da: 'Login mislykkedes.',
        en: 'Login failed.',
      });
    const email = claims.email ?? userInfo?.email;
    const name = claims.name ?? userInfo?.name;
    return resolveOidcUser({ db: database.db }, oidc.issuer, {
      sub: claims.sub,
      email: typeof email === 'string' ? email : undefined,
      name: typeof name === 'string' ? name : undefined,
    });
  }
}
