import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '@indgang/db';
import {
  canonicalJson,
  DomainError,
  runIdempotent,
  runIdempotentInline,
  type IdempotencyClaim,
  type IdempotentOutcome,
} from '@indgang/domain';
import { requireActor } from './authenticate';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY = /^[\x21-\x7e]{1,200}$/;

/** The request's Idempotency-Key as a claim of the actor, or null when it sent none. */
function claimOf(request: FastifyRequest): IdempotencyClaim | null {
  const key = request.headers[IDEMPOTENCY_HEADER];
  if (key === undefined) return null;
  if (typeof key !== 'string' || !KEY.test(key)) {
    throw new DomainError('invalid', 'idempotency_key_invalid', {
      da: 'Idempotency-Key skal være 1–200 synlige ASCII-tegn.',
      en: 'Idempotency-Key must be 1–200 visible ASCII characters.',
    });
  }
  // A retry sends the same bytes: the parameters, the query (an upload's file name) and the body as
  // received are the request's fingerprint.
  const hash = createHash('sha256')
    .update(canonicalJson({ params: request.params ?? {}, query: request.query ?? {} }))
    .update('\n');
  if (Buffer.isBuffer(request.body)) hash.update(request.body);
  else hash.update(request.rawJson ?? canonicalJson(request.body ?? null));
  return {
    userId: requireActor(request).userId,
    key,
    route: `${request.method} ${request.routeOptions.url}`,
    requestHash: hash.digest('hex'),
  };
}

/** The outcome's status (and whether it was replayed) on the reply; its body to send. */
function send<T>(reply: FastifyReply, outcome: IdempotentOutcome<T>): T {
  if (outcome.replayed) reply.header('idempotent-replayed', 'true');
  reply.status(outcome.status);
  return outcome.body;
}

/** A create must say in its route that it takes the key, so that the API reference says it too. */
function requireDeclared(request: FastifyRequest): void {
  if (request.routeOptions.config.idempotencyKey !== true)
    throw new Error(`${request.method} ${request.routeOptions.url}: declare config.idempotencyKey`);
}

/**
 * Sends what a create returns, once per Idempotency-Key: a repeat of the same request with the
 * same key (a retry after a lost answer) gets the first answer with `Idempotent-Replayed: true`,
 * and nothing is created twice. Without the header the work simply runs. Returns the body to
 * send; the status is set on the reply.
 */
export async function idempotent<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  db: Db,
  status: number,
  work: (db: Db) => Promise<T>,
): Promise<T> {
  requireDeclared(request);
  const claim = claimOf(request);
  if (!claim) {
    const body = await work(db);
    reply.status(status);
    return body;
  }
  return send(reply, await runIdempotent(db, claim, async (tx) => ({ status, body: await work(tx) })));
}

/** The same for a create that writes the claim's record in its own statement (the intake path). */
export async function idempotentInline<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  db: Db,
  status: number,
  work: (claim?: IdempotencyClaim) => Promise<T>,
): Promise<T> {
  requireDeclared(request);
  const claim = claimOf(request);
  if (!claim) {
    const body = await work();
    reply.status(status);
    return body;
  }
  return send(reply, await runIdempotentInline(db, claim, async (c) => ({ status, body: await work(c) })));
}
