import type { FastifyInstance } from 'fastify';
import type { Database } from '@indgang/db';
import { discardJob, jobsOverview, retryJob } from '@indgang/domain';
import { ZIdParams, ZJobsOverview, ZOk } from '@indgang/schemas';
import { requireActor } from '../http/authenticate';
import { error, json, type ApiTypeProvider, OK } from '../http/contract';

const tags = ['Operations'];
const needsJobs = error(403, 'Needs the permission to manage background jobs (`jobs.manage`).');
const noJob = error(404, 'No such job.');

/** Operations: background jobs by kind and state, dead and failing jobs retried or discarded, recurring schedules. */
export function jobRoutes(
  app: FastifyInstance,
  deps: { database: Database; jobs: { wake(): Promise<unknown> } },
) {
  const db = deps.database.db;
  const api = app.withTypeProvider<ApiTypeProvider>();

  api.get(
    '/api/v1/jobs',
    {
      schema: {
        tags,
        summary: 'Background jobs: counts, dead and failing jobs, recurring schedules',
        description:
          'Counts by kind and state (done: the last 24 hours), the dead and failing jobs newest first with their case and last error, and each recurring job with its next and last run.',
        response: { 200: json(ZJobsOverview, 'The overview'), 403: needsJobs },
      },
    },
    async (request) => jobsOverview({ db }, requireActor(request)),
  );
  api.post(
    '/api/v1/jobs/:id/retry',
    {
      config: { writes: true },
      schema: {
        tags,
        summary: 'Try a dead or failing job again now',
        description:
          'A dead job gets all its attempts back; a failing one stops waiting out its back-off. Audited.',
        params: ZIdParams,
        response: {
          200: json(ZOk, 'The job is due now'),
          403: needsJobs,
          404: noJob,
          409: error(409, 'The job is neither dead nor failing (done, running, waiting or discarded).'),
        },
      },
    },
    async (request) => {
      await retryJob({ db }, requireActor(request), request.params.id);
      void deps.jobs.wake();
      return OK;
    },
  );
  api.post(
    '/api/v1/jobs/:id/discard',
    {
      config: { writes: true },
      schema: {
        tags,
        summary: 'Discard a dead job',
        description: 'The job is given up for good and kept as history. Audited.',
        params: ZIdParams,
        response: {
          200: json(ZOk, 'Discarded'),
          403: needsJobs,
          404: noJob,
          409: error(409, 'Only a dead job can be discarded.'),
        },
      },
    },
    async (request) => {
      await discardJob({ db }, requireActor(request), request.params.id);
      return OK;
    },
  );
}
