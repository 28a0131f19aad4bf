import type { FastifyInstance } from 'fastify';
import type { Database } from '@indgang/db';
import type { Registry } from 'prom-client';

export function healthRoutes(app: FastifyInstance, deps: { database: Database; registry: Registry }) {
  app.get('/health', async (_request, reply) => {
    try {
      // A database that hangs counts as down: the answer comes within two seconds either way.
      await Promise.race([
        deps.database.pool.query('SELECT 1'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('health check timed out')), 2000).unref()),
      ]);
      return { status: 'ok', database: deps.database.kind };
    } catch {
      return reply.status(503).send({ status: 'unavailable', database: deps.database.kind });
    }
  });
  app.get('/metrics', async (_request, reply) => {
    reply.header('content-type', deps.registry.contentType);
    return deps.registry.metrics();
  });
}
