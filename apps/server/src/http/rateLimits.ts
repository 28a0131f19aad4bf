import rateLimit, { type RateLimitOptions } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '@indgang/domain';

export interface RateLimitConfig {
  /** Login attempts per client address per minute. */
  loginPerMinute: number;
  /** Uploads (files, workbooks, organisation and catalogue files) per user per minute. */
  uploadsPerMinute: number;
  /** Requests per client address per minute to endpoints that need no login. */
  publicPerMinute: number;
}

export interface RateLimits {
  login: RateLimitOptions;
  upload: RateLimitOptions;
  public: RateLimitOptions;
}

const perUser = (request: FastifyRequest) =>
  request.actor ? `user:${request.actor.userId}` : `ip:${request.ip}`;

/**
 * Registers @fastify/rate-limit for the routes that name a policy (nothing else is limited) and
 * returns the policies: login and unauthenticated endpoints per client address, uploads per user.
 * Too many requests answer 429 with Retry-After and a message in Danish and English.
 */
export async function registerRateLimits(app: FastifyInstance, config: RateLimitConfig): Promise<RateLimits> {
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => {
      const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
      return new DomainError(
        'rate_limited',
        'rate_limited',
        {
          da: `For mange forespørgsler på kort tid. Vent ${seconds} sekunder, og prøv igen.`,
          en: `Too many requests in a short time. Wait ${seconds} seconds and try again.`,
        },
        [],
        { retryAfterSeconds: seconds },
      );
    },
  });
  return {
    login: { max: config.loginPerMinute, timeWindow: 60_000 },
    // Counted per user (the session is resolved when the request arrives), before the body is read.
    upload: { max: config.uploadsPerMinute, timeWindow: 60_000, keyGenerator: perUser },
    public: { max: config.publicPerMinute, timeWindow: 60_000 },
  };
}
