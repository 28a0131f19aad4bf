import type { FastifyInstance } from 'fastify';
import type { Database } from '@indgang/db';
import { connectorsOverview, readLookup, requestLookup, retryConnectorJobs } from '@indgang/domain';
import {
  CONNECTOR_NAMES,
  ZConnectorsOverview,
  ZLookupBody,
  ZLookupCreated,
  ZLookupParams,
  ZLookupState,
} from '@indgang/schemas';
import { z } from 'zod';
import type { Config } from '../config';
import { connectorModes } from '../connectors/createConnectors';
import { requireActor } from '../http/authenticate';
import { error, json, type ApiTypeProvider } from '../http/contract';
import { idempotent } from '../http/idempotent';

const needsJobs = error(403, 'Needs the permission to manage background jobs (`jobs.manage`).');

/**
 * The municipality's systems: lookups a user asks of them (answered by a job, polled by the
 * asker), and the operations page's view of each connector with a retry of what failed.
 */
export function connectorRoutes(
  app: FastifyInstance,
  deps: { database: Database; config: Config; jobs: { wake(): Promise<unknown> } },
) {
  const db = deps.database.db;
  const modes = connectorModes(deps.config.connectors);
  const api = app.withTypeProvider<ApiTypeProvider>();

  api.post(
    '/api/v1/lookups',
    {
      config: { idempotencyKey: true },
      schema: {
        tags: ['Lookups'],
        summary: 'Ask a municipal system to read something',
        description:
          "Checks the input and whether the user may ask it, audits the read, and answers the lookup's id at once; a job asks the system. Poll GET /api/v1/lookups/{id}. Only the asker can read the answer, for 15 minutes.",
        body: ZLookupBody,
        response: {
          202: json(ZLookupCreated, 'Asked; poll for the answer'),
          400: error(400, 'An unknown lookup or input it cannot use.'),
          403: error(403, 'The user may not ask this (not her own data, nor staff in her units).'),
          404: error(404, 'No such person.'),
          422: error(422, 'The system is not connected to Indgang.'),
        },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const created = await idempotent(request, reply, db, 202, (tx) =>
        requestLookup({ db: tx, modes }, actor, request.body),
      );
      void deps.jobs.wake();
      return created;
    },
  );
  api.get(
    '/api/v1/lookups/:id',
    {
      schema: {
        tags: ['Lookups'],
        summary: "A lookup's answer",
        description:
          'pending while the system is asked; done with the answer; failed with why, in both languages.',
        params: ZLookupParams,
        response: {
          200: json(ZLookupState, 'The lookup'),
          404: error(404, 'No such lookup for this user, or its answer was deleted.'),
        },
      },
    },
    async (request) => readLookup({ db }, requireActor(request), request.params.id),
  );
  api.get(
    '/api/v1/connectors',
    {
      schema: {
        tags: ['Operations'],
        summary: "The municipality's systems: mode, last success, last error and queue",
        response: { 200: json(ZConnectorsOverview, 'Each connector'), 403: needsJobs },
      },
    },
    async (request) => connectorsOverview({ db, modes }, requireActor(request)),
  );
  api.post(
    '/api/v1/connectors/:name/retry',
    {
      config: { writes: true },
      schema: {
        tags: ['Operations'],
        summary: 'Try again now every job of a system that failed or was given up',
        params: z.object({ name: z.enum(CONNECTOR_NAMES) }).strict(),
        response: { 200: json(z.object({ retried: z.number().int() }), 'How many jobs'), 403: needsJobs },
      },
    },
    async (request) => {
      const outcome = await retryConnectorJobs({ db }, requireActor(request), request.params.name);
      void deps.jobs.wake();
      return outcome;
    },
  );
}
