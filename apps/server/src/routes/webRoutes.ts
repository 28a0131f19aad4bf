import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { DomainError } from '@indgang/domain';

/** Files whose names carry a hash of their content (Vite's `assets/`): they never change, so a year. */
const HASHED = /\/assets\/[^/]+$/;

/**
 * The caching of a file of the web app: hashed assets for a year without revalidation; everything
 * else (index.html, which names the current assets) revalidated on every load. Each answer may come
 * compressed, so caches keep one copy per Accept-Encoding.
 */
function cacheHeaders(response: { setHeader(name: string, value: string): unknown }, path: string) {
  response.setHeader(
    'cache-control',
    HASHED.test(path.replaceAll('\\', '/')) ? 'public, max-age=31536000, immutable' : 'no-cache',
  );
  response.setHeader('vary', 'Accept-Encoding');
}

/**
 * The built web app, with every unknown non-API path answered by the app's index page. The build
 * writes Brotli and gzip copies beside each text file (scripts/precompress.js); a browser that
 * accepts one gets it as it is, others the original.
 */
export async function webRoutes(app: FastifyInstance, deps: { webDist: string }) {
  const hasWeb = existsSync(`${deps.webDist}/index.html`);
  if (hasWeb)
    await app.register(fastifyStatic, {
      root: deps.webDist,
      index: 'index.html',
      wildcard: false,
      preCompressed: true,
      // The copies are reached through Accept-Encoding, never by their own names.
      globIgnore: ['**/*.br', '**/*.gz'],
      cacheControl: false,
      setHeaders: cacheHeaders,
    });
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
