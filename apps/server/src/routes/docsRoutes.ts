import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { ZOpenApiDocument } from '@indgang/schemas';
import { json, PUBLIC } from '../http/contract';

/**
 * The API contract: the OpenAPI 3.1 document at /api/openapi.json and a reference to read it at
 * /api/docs (Swagger UI, served from the package, so it works offline and under the server's
 * Content-Security-Policy: its scripts and styles are files of this server, none inline).
 */
export async function docsRoutes(app: FastifyInstance) {
  app.get(
    '/api/openapi.json',
    {
      schema: {
        tags: ['Operations'],
        summary: 'This API as an OpenAPI 3.1 document',
        security: PUBLIC,
        response: { 200: json(ZOpenApiDocument, 'The OpenAPI document') },
      },
    },
    async () => app.swagger(),
  );
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: { deepLinking: true, docExpansion: 'list', defaultModelsExpandDepth: 0 },
    theme: { title: 'Indgang API' },
  });
}
