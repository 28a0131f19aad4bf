import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SimulatorStore } from '../SimulatorStore';
import { SdFault } from './sdFault';

interface KeptAnswer {
  operation: string;
  request: string;
  status: number;
  body: unknown;
}

/**
 * A write as SD's newer API answers it: the first answer to an `Idempotency-Key` (a refusal too)
 * is kept with a fingerprint of the request, and a repeat of the same request gets that answer
 * again (`Idempotent-Replayed: true`) without doing the work twice; the same key with another
 * request is refused. The answer is kept before it is sent, so a lost answer is there for the retry.
 */
export async function answerOnce(
  store: SimulatorStore,
  request: FastifyRequest,
  reply: FastifyReply,
  operation: string,
  work: () => { status: number; body: unknown },
) {
  const header = request.headers['idempotency-key'];
  const key = typeof header === 'string' && header !== '' ? header.slice(0, 200) : null;
  const fingerprint = createHash('sha256')
    .update(`${operation}\n${JSON.stringify(request.body ?? null)}`)
    .digest('hex');
  const kept = key ? store.get<KeptAnswer>('idempotency', key) : undefined;
  if (kept && kept.request === fingerprint)
    return reply.code(kept.status).header('idempotent-replayed', 'true').send(kept.body);
  if (kept)
    return reply
      .code(422)
      .send(
        new SdFault(
          'IdempotencyKeyReused',
          `Idempotency-Key er allerede brugt til en anden forespørgsel (${kept.operation}).`,
        ).body(),
      );
  let answer: { status: number; body: unknown };
  try {
    answer = work();
  } catch (error) {
    if (!(error instanceof SdFault)) throw error;
    answer = { status: error.status, body: error.body() };
  }
  if (key) store.put<KeptAnswer>('idempotency', key, { operation, request: fingerprint, ...answer });
  return reply.code(answer.status).send(answer.body);
}
