import type { FastifyInstance } from 'fastify';
import type { Database } from '@indgang/db';
import { createDelegation, listDelegations, revokeDelegation } from '@indgang/domain';
import { ZDelegationBody, ZIdParams } from '@indgang/schemas';
import { requireActor, requireWritable } from '../http/authenticate';
import { idempotent } from '../http/idempotent';
import { parseInput } from '../http/parseInput';

export function delegationRoutes(
  app: FastifyInstance,
  deps: { database: Database; config: { delegationMaxMonths: number } },
) {
  const db = deps.database.db;

  app.get('/api/v1/delegations', async (request) => listDelegations({ db }, requireActor(request)));

  app.post('/api/v1/delegations', async (request, reply) => {
    const actor = requireActor(request);
    requireWritable(actor);
    const body = parseInput(ZDelegationBody, request.body, 'body');
    return idempotent(request, reply, db, 201, (tx) =>
      createDelegation({ db: tx, maxMonths: deps.config.delegationMaxMonths }, actor, body),
    );
  });

  app.delete('/api/v1/delegations/:id', async (request) => {
    const actor = requireActor(request);
    requireWritable(actor);
    const { id } = parseInput(ZIdParams, request.params, 'params');
    await revokeDelegation({ db }, actor, id);
    return { ok: true };
  });
}
