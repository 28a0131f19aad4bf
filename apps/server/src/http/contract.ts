import type {
  FastifyInstance,
  FastifySchema,
  FastifySchemaCompiler,
  FastifyTypeProvider,
  RouteOptions,
} from 'fastify';
import { z } from 'zod';
import { ZApiError } from '@indgang/schemas';
import { requireActor, requireWritable } from './authenticate';
import { invalidInputError, type InputPart } from './parseInput';

/**
 * Request parts are typed from the route's zod schemas, and what a handler returns must fit the
 * answers it declares (their input type: what is sent, before JSON turns dates into text).
 * Answers are not serialised or checked through zod in production (a slightly-off answer must not
 * become a 500, and checking costs time); the test app checks every answer against its declared
 * schema instead (checkContract).
 */
export interface ApiTypeProvider extends FastifyTypeProvider {
  validator: this['schema'] extends z.ZodType ? z.output<this['schema']> : unknown;
  serializer: this['schema'] extends z.ZodType ? z.input<this['schema']> : unknown;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route changes something: a read-only role is refused before its input is read. */
    writes?: boolean;
    /** A create that takes an Idempotency-Key (see idempotent.ts). */
    idempotencyKey?: boolean;
  }
}

/** What answers each status of the API, unless a route says more precisely. */
const ERROR_TEXT: Record<number, string> = {
  400: 'The request or its input is invalid; `fields` names each bad field.',
  401: 'No valid session: log in first.',
  403: 'Not allowed: a missing or wrong CSRF token, a missing permission, or a read-only role.',
  404: 'Not found, or not within your reach (both answer the same).',
  409: 'Conflict with the current state, e.g. a stale `expectedVersion`.',
  413: 'The request is too large.',
  415: 'The content type is not accepted here.',
  422: 'The Idempotency-Key was already used for another request.',
  429: 'Too many requests; `Retry-After` says when to try again.',
  500: 'An unexpected error (logged); try again.',
  503: 'The database is unavailable right now; try again after `Retry-After` seconds.',
};

/** A JSON answer with its schema. */
export const json = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** An answer in another media type (a file, a stream) with its schema. */
export const media = <S extends z.ZodType>(type: string, schema: S, description: string) => ({
  description,
  content: { [type]: { schema } },
});

/** An answer without a body, e.g. a redirect (its `Location` says where). */
export const noBody = (description: string) => z.null().describe(description);

/** An error answer: the one error envelope, with what the status means on this route. */
export const error = (status: number, description = ERROR_TEXT[status] ?? 'Error') =>
  json(ZApiError, description);

/** Error answers by status, with the standard texts. */
export const errors = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((status) => [status, error(status)]));

/** The answer of a change that has nothing else to say (`ZOk`). */
export const OK = { ok: true } as const;

/** A public route: no session needed (a state change still sends a CSRF header). */
export const PUBLIC: ReadonlyArray<Record<string, string[]>> = [];

const OPERATION_VALIDATED = new WeakSet<z.ZodType>();

/**
 * A request schema that documents what the route takes while its operation does the checking,
 * because the operation's own error codes (e.g. `catalog_invalid`, `business_case_invalid`) are
 * part of the contract.
 */
export function validatedByOperation<S extends z.ZodType>(schema: S): S {
  const copy = (schema.description ? schema.clone().describe(schema.description) : schema.clone()) as S;
  OPERATION_VALIDATED.add(copy);
  return copy;
}

const PARTS: Record<string, InputPart> = { body: 'body', querystring: 'query', params: 'params' };

/**
 * Validates each request part against the route's zod schema and answers a mismatch with the
 * platform's 400 (`invalid_input`, each field named, Danish and English), as parseInput did.
 */
export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart, method, url }) => {
  const where = PARTS[httpPart ?? ''];
  if (!(schema instanceof z.ZodType) || !where)
    throw new Error(
      `${method} ${url}: the ${httpPart} schema must be a zod schema (headers are not validated)`,
    );
  if (OPERATION_VALIDATED.has(schema)) return () => true;
  return (data) => {
    const result = schema.safeParse(data ?? {});
    return result.success ? { value: result.data } : { error: invalidInputError(result.error.issues, where) };
  };
};

/** Answers are sent as they are, exactly as without a schema. */
const serializerCompiler = () => (data: unknown) => JSON.stringify(data);

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const methodsOf = (route: RouteOptions) => (Array.isArray(route.method) ? route.method : [route.method]);
const isApi = (url: string) => url.startsWith('/api/') || url.startsWith('/auth/');

type Security = ReadonlyArray<Record<string, readonly string[]>>;
type Responses = Record<string, unknown>;

/** Whether the route is authenticated by a bearer credential of its own (the robot API): no session, no CSRF. */
const usesBearer = (schema: FastifySchema | undefined): boolean =>
  !!(schema as { security?: Security } | undefined)?.security?.some((requirement) => 'robot' in requirement);

/** Whether the route's declared security asks for a session. */
export function needsSession(schema: FastifySchema | undefined): boolean {
  const security = (schema as { security?: Security } | undefined)?.security;
  return !!security?.some((requirement) => 'session' in requirement);
}

/**
 * Completes what each route declares with what the platform adds to every route: a session unless
 * the route is public, the CSRF header on state changes, and the error answers that can come from
 * the edge (bad input, login, CSRF, size, content type, rate limit, database, the unexpected).
 */
function completeSchema(route: RouteOptions): void {
  const schema = route.schema as (FastifySchema & { hide?: boolean; security?: Security }) | undefined;
  if (!schema || schema.hide) return;
  const unsafe = methodsOf(route).some((m) => UNSAFE.has(m));
  const csrf = unsafe && !usesBearer(schema);
  if (isApi(route.url) && !usesBearer(schema)) {
    let security: Security = schema.security ?? [{ session: [] }];
    if (unsafe) security = security.length === 0 ? [{ csrf: [] }] : security.map((s) => ({ ...s, csrf: [] }));
    schema.security = security;
  }
  const responses = (schema.response ?? {}) as Responses;
  const add = (status: number, when: boolean) => {
    if (when && !(status in responses)) responses[status] = error(status);
  };
  add(400, true);
  add(401, needsSession(schema));
  if (isApi(route.url)) {
    const declared = responses[403] as ReturnType<typeof error> | undefined;
    const edge = [
      csrf && 'no valid CSRF token (`csrf`)',
      route.config?.writes && 'a read-only role (`read_only`)',
    ]
      .filter(Boolean)
      .join(', or ');
    if (declared && edge)
      responses[403] = { ...declared, description: `${declared.description} Or: ${edge}.` };
    else if (!declared && csrf)
      responses[403] = error(403, `Not allowed: ${edge}, or a permission is missing.`);
    else if (!declared && needsSession(schema))
      responses[403] = error(403, 'Not allowed: a permission is missing.');
  }
  add(413, unsafe);
  add(415, unsafe);
  add(422, route.config?.idempotencyKey === true);
  add(429, !!(route.config as { rateLimit?: unknown } | undefined)?.rateLimit);
  add(503, true);
  add(500, true);
  schema.response = responses;
}

const routesByApp = new WeakMap<FastifyInstance, RouteOptions[]>();

/** Every route registered on the app, as declared (for the test that each has its contract). */
export const registeredRoutes = (app: FastifyInstance): readonly RouteOptions[] => routesByApp.get(app) ?? [];

/**
 * Routes declare their contract with zod schemas (`schema: { params, querystring, body, response }`):
 * request parts are validated by them, and the OpenAPI document is generated from them. A route's
 * declared security is enforced here, before its input is read: a session where it asks for one,
 * and a writable role where the route changes something.
 */
export function registerContract(app: FastifyInstance): void {
  const routes: RouteOptions[] = [];
  routesByApp.set(app, routes);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onRoute', (route) => {
    completeSchema(route);
    routes.push(route);
  });
  app.addHook('preValidation', async (request) => {
    const { schema, config } = request.routeOptions;
    if (needsSession(schema)) requireActor(request);
    if (config.writes) requireWritable(requireActor(request));
  });
}
