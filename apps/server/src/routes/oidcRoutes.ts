import type { FastifyInstance } from 'fastify';
import * as client from 'openid-client';
import type { Database } from '@indgang/db';
import { createSession, DomainError, resolveOidcUser } from '@indgang/domain';
import type { Config, OidcConfig } from '../config';
import { setSessionCookie } from './sessionRoutes';

const FLOW_COOKIE = 'indgang_oidc';

/** Login through the municipality's identity provider: authorization code flow with PKCE. */
export function oidcRoutes(app: FastifyInstance, deps: { database: Database; config: Config & { oidc: OidcConfig } }) {
  const { database, config } = deps;
  const oidc = config.oidc;
  let discovered: Promise<client.Configuration> | null = null;
  const provider = () => {
    discovered ??= client.discovery(new URL(oidc.issuer), oidc.clientId, oidc.clientSecret, undefined,
      oidc.allowHttp ? { execute: [client.allowInsecureRequests] } : undefined).catch((error: unknown) => {
      discovered = null;
      throw error;
    });
    return discovered;
  };

  app.get('/auth/oidc/login', async (_request, reply) => {
    const configuration = await provider();
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: oidc.redirectUri, scope: oidc.scopes, state, nonce,
      code_challenge: await client.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256',
    });
    reply.setCookie(FLOW_COOKIE, JSON.stringify({ verifier, state, nonce }), {
      path: '/auth/oidc', httpOnly: true, sameSite: 'lax', secure: config.cookieSecure, signed: true, maxAge: 600,
    });
    return reply.redirect(url.href);
  });

  app.get('/auth/oidc/callback', async (request, reply) => {
    const raw = request.cookies[FLOW_COOKIE];
    const unsigned = raw ? request.unsignCookie(raw) : null;
    reply.clearCookie(FLOW_COOKIE, { path: '/auth/oidc' });
    if (!unsigned?.valid || !unsigned.value) {
      throw new DomainError('invalid', 'oidc_flow_missing', { da: 'Login-forløbet er udløbet. Prøv at logge ind igen.', en: 'The login flow has expired. Please log in again.' });
    }
    const flow = JSON.parse(unsigned.value) as { verifier: string; state: string; nonce: string };
    const configuration = await provider();
    const callbackUrl = new URL(request.url, oidc.redirectUri);
    let claims: client.IDToken | undefined;
    try {
      const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: flow.verifier, expectedState: flow.state, expectedNonce: flow.nonce, idTokenExpected: true,
      });
      claims = tokens.claims();
    } catch (error) {
      request.log.warn({ err: error }, 'oidc callback refused');
      throw new DomainError('unauthenticated', 'oidc_failed', { da: 'Login hos kommunens login-tjeneste mislykkedes. Prøv igen.', en: 'Login with the municipality\'s identity provider failed. Please try again.' });
    }
    if (!claims) throw new DomainError('unauthenticated', 'oidc_failed', { da: 'Login mislykkedes.', en: 'Login failed.' });
    const userId = await resolveOidcUser({ db: database.db }, oidc.issuer, {
      sub: claims.sub, email: typeof claims.email === 'string' ? claims.email : undefined, name: typeof claims.name === 'string' ? claims.name : undefined,
    });
    const { token, session } = await createSession({ db: database.db }, userId, 'oidc');
    setSessionCookie(reply, config, token, session.expiresAt);
    return reply.redirect('/');
  });
}
