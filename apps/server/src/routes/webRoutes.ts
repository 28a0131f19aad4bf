import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { DomainError } from '@indgang/domain';

/** The built web app, with every unknown non-API path answered by the app's index page. */
export async function webRoutes(app: FastifyInstance, deps: { webDist: string }) {
  const hasWeb = existsSync(`${deps.webDist}/index.html`);
  if (hasWeb) await app.register(fastifyStatic, { root: deps.webDist, index: 'index.html', wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    const api = request.url.startsWith('/api/') || request.url.startsWith('/auth/');
    if (!api && hasWeb && (request.method === 'GET' || request.method === 'HEAD'))
      return reply.sendFile('index.html');
    throw new DomainError('not_found', 'route_not_found', {
      da: 'Adressen findes ikke.',
      en: 'No such address.',
    });
  });
}
