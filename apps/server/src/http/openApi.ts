import fastifySwagger, { type SwaggerTransform } from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CSRF_HEADER, SESSION_COOKIE } from './authenticate';
import { IDEMPOTENCY_HEADER } from './idempotent';

const DESCRIPTION = `The HTTP API of Indgang, the service platform of a municipality's HR and payroll service centre.
The web app uses this API; robots, integrations and other systems can too.

**Authentication.** Log in through the municipality's identity provider (\`GET /auth/oidc/login\`) or,
in a demo installation, \`POST /auth/demo-login\`. Either sets the session cookie \`${SESSION_COOKIE}\`
(HttpOnly). \`GET /api/v1/me\` answers the session's \`csrfToken\`: send it as the \`${CSRF_HEADER}\` header
with every POST, PUT and DELETE (before login any non-empty value will do). Without a session the API
answers 401; without the right CSRF token a state change answers 403.

**Robots.** The robot API (\`/api/robot/v1\`, tag *Robot API*) takes no session and no CSRF token: a robot
sends its credential, created by an administrator, as \`Authorization: Bearer <robot id>.<secret>\`. It
reaches only the topics the credential is scoped to; every use is audited. \`examples/robot/\` in the
repository is a small robot that works a topic end to end.

**Creates and retries.** A create that is marked with the \`Idempotency-Key\` header parameter is stored
once per key: send a fresh random key (1–200 visible ASCII characters) with each new request and the same
key when you retry it. A retry gets the first answer again with \`Idempotent-Replayed: true\`; the same key
with another request answers 422.

**Errors.** Every error answers JSON \`{ "error": { "code", "message": { "da", "en" }, "fields", "data"? } }\`:
a stable code to act on, the message in Danish and English, and each bad field by its path.

**Limits.** Login, uploads and endpoints without login are rate-limited per client (429 with
\`Retry-After\`). Request bodies are at most 1 MB unless the endpoint says otherwise.`;

const TAGS = [
  { name: 'Session', description: 'Login, logout and the current user.' },
  { name: 'Organisation', description: 'Units, people and the organisation import.' },
  { name: 'Delegations', description: "A leader's delegations to a deputy." },
  { name: 'Catalogue', description: 'Services, drafts and the catalogue as a file.' },
  { name: 'Portal cases', description: 'Submitting and following cases, and their files.' },
  { name: 'Back office', description: "The service centre's queues and case handling." },
  { name: 'Benefits', description: 'Programmes, projects, business cases, benefit trees, KPIs and reports.' },
  { name: 'Processes', description: 'Service processes as diagrams: read, BPMN 2.0 export and import.' },
  {
    name: 'Decision tables',
    description:
      'DMN decision tables: versions, new revisions and tests against sample inputs and past cases.',
  },
  { name: 'Privacy', description: 'Data requests (GDPR art. 15), legal holds and retention.' },
  { name: 'Audit', description: 'The audit trail and its verification.' },
  { name: 'Robots', description: 'Robot credentials and the work on their topics (for administrators).' },
  {
    name: 'Robot API',
    description:
      'For robots and scripts (UiPath, Blue Prism, OpenOrchestrator, Python): fetch-and-lock work items of a topic with a lease, extend it, complete, fail or report a business error. Authenticated by `Authorization: Bearer <robot id>.<secret>` (scheme `robot`); no session, no CSRF token. See `examples/robot/`.',
  },
  { name: 'Operations', description: 'Health, metrics, background jobs and this reference.' },
];

type BodyByMediaType = { content: Record<string, { schema: z.ZodType }> };
const isByMediaType = (body: unknown): body is BodyByMediaType =>
  typeof body === 'object' && body !== null && 'content' in body;

/** A request body's schema in JSON Schema (for bodies given per media type, which the zod transform leaves out). */
const bodyJson = (schema: z.ZodType) => {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
  });
  return rest;
};

/**
 * The zod transform, plus what it leaves out: request bodies given per media type (uploads, the
 * organisation file) and the Idempotency-Key header on the creates that take it.
 */
const transform: SwaggerTransform = (document) => {
  const body: unknown = document.schema?.body;
  const byMediaType = isByMediaType(body) ? body : null;
  const transformed = jsonSchemaTransform(
    byMediaType ? { ...document, schema: { ...document.schema, body: undefined } } : document,
  );
  const schema: Record<string, unknown> = { ...transformed.schema };
  if (byMediaType)
    schema.body = {
      content: Object.fromEntries(
        Object.entries(byMediaType.content).map(([type, { schema: s }]) => [type, { schema: bodyJson(s) }]),
      ),
    };
  if (document.route.config?.idempotencyKey !== true) return { ...transformed, schema };
  return {
    ...transformed,
    schema: {
      ...schema,
      headers: {
        type: 'object',
        properties: {
          [IDEMPOTENCY_HEADER]: {
            type: 'string',
            pattern: '^[\\x21-\\x7e]{1,200}$',
            description: 'A fresh key per request, the same key when retrying it: the create is stored once.',
          },
        },
      },
    },
  };
};

/**
 * The OpenAPI 3.1 document, generated from the zod schemas the routes declare. Registered before
 * the routes, so that it sees each of them.
 */
export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Indgang API',
        version,
        description: DESCRIPTION,
        license: { name: 'MIT', identifier: 'MIT' },
      },
      tags: TAGS,
      components: {
        securitySchemes: {
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: SESSION_COOKIE,
            description: 'The session cookie set at login (HttpOnly, SameSite=Lax).',
          },
          csrf: {
            type: 'apiKey',
            in: 'header',
            name: CSRF_HEADER,
            description:
              "The session's CSRF token (`csrfToken` of `GET /api/v1/me`), required on POST, PUT and DELETE.",
          },
          robot: {
            type: 'http',
            scheme: 'bearer',
            bearerFormat: '<robot id>.<secret>',
            description:
              'A robot credential created by an administrator (shown once at creation; only its hash is kept). Scoped to topics, revocable; every use is audited.',
          },
          metricsToken: {
            type: 'http',
            scheme: 'bearer',
            description: 'METRICS_TOKEN; without it configured, /metrics answers only the machine itself.',
          },
        },
      },
    },
    transform,
    transformObject: jsonSchemaTransformObject,
  });
}
