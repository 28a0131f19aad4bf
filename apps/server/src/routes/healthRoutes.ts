import type { FastifyInstance } from 'fastify';
import type { Database } from '@indgang/db';
import type { Registry } from 'prom-client';
import { databaseAnswers, DomainError } from '@indgang/domain';
import { ZHealth, ZMetricsText } from '@indgang/schemas';
import { error, json, media, PUBLIC, type ApiTypeProvider } from '../http/contract';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const tags = ['Operations'];

/**
 * /health for load balancers (no login), and /metrics for Prometheus: with METRICS_TOKEN set, to
 * whoever sends it as a bearer token; without, only from the machine itself, since the figures
 * show what the platform is used for.
 */
export function healthRoutes(
  app: FastifyInstance,
  deps: { database: Database; registry: Registry; metricsToken?: string },
) {
  const api = app.withTypeProvider<ApiTypeProvider>();
  api.get(
    '/health',
    {
      schema: {
        tags,
        summary: 'Whether the server and its database answer',
        description: 'For load balancers: 200 when the database answers within two seconds, else 503.',
        security: PUBLIC,
        response: {
          200: json(ZHealth, 'The server and its database answer'),
          503: json(ZHealth, 'The database does not answer (yet)'),
        },
      },
    },
    async (_request, reply) => {
      const ok = await databaseAnswers({ db: deps.database.db });
      if (!ok) reply.status(503);
      return { status: ok ? ('ok' as const) : ('unavailable' as const), database: deps.database.kind };
    },
  );
  api.get(
    '/metrics',
    {
      schema: {
        tags,
        summary: 'Prometheus metrics',
        security: [{ metricsToken: [] }, {}],
        response: {
          200: media('text/plain', ZMetricsText, 'The metrics in the Prometheus text format'),
          403: error(403, 'Neither the bearer token nor a request from the machine itself.'),
        },
      },
    },
    async (request, reply) => {
      const allowed = deps.metricsToken
        ? request.headers.authorization === `Bearer ${deps.metricsToken}`
        : LOOPBACK.has(request.ip);
      if (!allowed) {
        throw new DomainError('forbidden', 'metrics_forbidden', {
          da: 'Målingerne kræver METRICS_TOKEN som bearer-token, eller at de hentes fra serveren selv.',
          en: 'The metrics need METRICS_TOKEN as a bearer token, or to be fetched from the server itself.',
        });
      }
      reply.header('content-type', deps.registry.contentType);
      return deps.registry.metrics();
    },
  );
}
