import type { FastifyInstance } from 'fastify';
import type { Database } from '@indgang/db';
import type { Registry } from 'prom-client';
import { DomainError } from '@indgang/domain';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * /health for load balancers (no login), and /metrics for Prometheus: with METRICS_TOKEN set, to
 * whoever sends it as a bearer token; without, only from the machine itself, since the figures
 * show what the platform is used for.
 */
export function healthRoutes(
  app: FastifyInstance,
  deps: { database: Database; registry: Registry; metricsToken?: string },
) {
  app.get('/health', async (_request, reply) => {
    try {
      // A database that hangs counts as down: the answer comes within two seconds either way.
      await Promise.race([
        deps.database.pool.query('SELECT 1'),
        new Promise((_, reject) =>
          setTimeout(() => reject(new Error('health check timed out')), 2000).unref(),
        ),
      ]);
      return { status: 'ok', database: deps.database.kind };
    } catch {
      return reply.status(503).send({ status: 'unavailable', database: deps.database.kind });
    }
  });
  app.get('/metrics', async (request, reply) => {
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
  });
}
