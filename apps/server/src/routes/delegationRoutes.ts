import type { FastifyInstance } from 'fastify';
import type { Database } from '@indgang/db';
import { createDelegation, listDelegations, revokeDelegation } from '@indgang/domain';
import { ZCreated, ZDelegationBody, ZDelegations, ZIdParams, ZOk } from '@indgang/schemas';
import { requireActor } from '../http/authenticate';
import { error, json, type ApiTypeProvider, OK } from '../http/contract';
import { idempotent } from '../http/idempotent';

const tags = ['Delegations'];

export function delegationRoutes(
  app: FastifyInstance,
  deps: { database: Database; config: { delegationMaxMonths: number } },
) {
  const db = deps.database.db;
  const api = app.withTypeProvider<ApiTypeProvider>();

  api.get(
    '/api/v1/delegations',
    {
      schema: {
        tags,
        summary: 'Delegations given or received',
        response: { 200: json(ZDelegations, 'The delegations') },
      },
    },
    async (request) => listDelegations({ db }, requireActor(request)),
  );

  api.post(
    '/api/v1/delegations',
    {
      config: { writes: true, idempotencyKey: true },
      schema: {
        tags,
        summary: 'Delegate a unit to a deputy for a period',
        body: ZDelegationBody,
        response: {
          201: json(ZCreated, 'The delegation'),
          404: error(404, 'The user does not lead the unit, or no such deputy.'),
        },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return idempotent(request, reply, db, 201, (tx) =>
        createDelegation({ db: tx, maxMonths: deps.config.delegationMaxMonths }, actor, request.body),
      );
    },
  );

  api.delete(
    '/api/v1/delegations/:id',
    {
      config: { writes: true },
      schema: {
        tags,
        summary: 'Revoke a delegation',
        params: ZIdParams,
        response: { 200: json(ZOk, 'Revoked'), 404: error(404, 'No such delegation given by the user.') },
      },
    },
    async (request) => {
      await revokeDelegation({ db }, requireActor(request), request.params.id);
      return OK;
    },
  );
}
