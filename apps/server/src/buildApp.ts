import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyServerFactory } from 'fastify';
import type { Logger } from 'pino';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import type { Database } from '@indgang/db';
import type { WorkCalendar } from '@indgang/domain';
import type { Config } from './config';
import { createLogger } from './createLogger';
import { registerAuthentication } from './http/authenticate';
import { registerContract } from './http/contract';
import { registerOpenApi } from './http/openApi';
import { registerInputGuards } from './http/inputGuards';
import { registerRateLimits } from './http/rateLimits';
import { sendError } from './http/sendError';
import { auditRoutes } from './routes/auditRoutes';
import { approvalRoutes } from './routes/approvalRoutes';
import { backofficeRoutes } from './routes/backofficeRoutes';
import { benefitRoutes } from './routes/benefitRoutes';
import { catalogRoutes } from './routes/catalogRoutes';
import { portalCaseRoutes } from './routes/portalCaseRoutes';
import { privacyRoutes } from './routes/privacyRoutes';
import { jobRoutes } from './routes/jobRoutes';
import { robotRoutes } from './routes/robotRoutes';
import { processRoutes } from './routes/processRoutes';
import { insightRoutes } from './routes/insightRoutes';
import { decisionRoutes } from './routes/decisionRoutes';
import { delegationRoutes } from './routes/delegationRoutes';
import { docsRoutes } from './routes/docsRoutes';
import { healthRoutes } from './routes/healthRoutes';
import { importRoutes } from './routes/importRoutes';
import { connectorRoutes } from './routes/connectorRoutes';
import { lookupFileRoutes } from './routes/lookupFileRoutes';
import { oidcRoutes } from './routes/oidcRoutes';
import { orgRoutes } from './routes/orgRoutes';
import { sessionRoutes } from './routes/sessionRoutes';
import { webRoutes } from './routes/webRoutes';

export interface AppDeps {
  database: Database;
  config: Config;
  calendar: WorkCalendar;
  /** Runs due jobs now (after a change that enqueued one), instead of at the next poll. */
  jobs: { wake(): Promise<unknown> };
  cookieSecret: string;
  /** The process's logger (createLogger); without it nothing is logged. */
  log?: Logger;
  /** The HTTP server to serve on, when it was opened before the application (see openListener). */
  serverFactory?: FastifyServerFactory;
  /** Hooks a test adds before any route exists, so that they apply to every route (e.g. the contract check). */
  beforeRoutes?: (app: FastifyInstance) => void;
}

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
  'content-security-policy':
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; font-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
};

/** The version of the API contract (the `/api/v1` of its paths). */
const API_VERSION = '1';

/** The HTTP application: thin routes over the domain, one error format, security headers, metrics. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: (deps.log ?? createLogger({ level: 'silent', enabled: false })) as FastifyBaseLogger,
    ...(deps.serverFactory ? { serverFactory: deps.serverFactory } : {}),
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1024 * 1024,
    // Errors the router raises itself (bad URL encoding, overlong parameters) get the same bilingual answer.
    frameworkErrors: (error, request, reply) => {
      void sendError(error, request, reply);
    },
  });
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'indgang_http_requests_total',
    help: 'HTTP requests',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'indgang_http_request_seconds',
    help: 'HTTP request duration',
    labelNames: ['method', 'route'],
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    requests.inc({ method: request.method, route, status: reply.statusCode });
    duration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });
  app.addHook('onSend', async (request, reply) => {
    // A route may narrow a header for its answer (a file previewed in a frame of this site).
    for (const [name, value] of Object.entries(SECURITY_HEADERS))
      if (!reply.hasHeader(name)) reply.header(name, value);
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });
  app.setErrorHandler(sendError);
  await app.register(fastifyCookie, { secret: deps.cookieSecret });
  registerInputGuards(app);
  registerAuthentication(app, deps.database);
  registerContract(app);
  await registerOpenApi(app, API_VERSION);
  deps.beforeRoutes?.(app);
  const limits = await registerRateLimits(app, deps.config.rateLimits);
  const routeDeps = { ...deps, limits };

  healthRoutes(app, { database: deps.database, registry, metricsToken: deps.config.metricsToken });
  sessionRoutes(app, routeDeps);
  const { oidc } = deps.config;
  if (oidc) oidcRoutes(app, { database: deps.database, config: { ...deps.config, oidc }, limits });
  orgRoutes(app, deps);
  importRoutes(app, routeDeps);
  auditRoutes(app, deps);
  delegationRoutes(app, deps);
  catalogRoutes(app, routeDeps);
  portalCaseRoutes(app, routeDeps);
  backofficeRoutes(app, deps);
  approvalRoutes(app, deps);
  benefitRoutes(app, routeDeps);
  privacyRoutes(app, routeDeps);
  jobRoutes(app, deps);
  connectorRoutes(app, deps);
  lookupFileRoutes(app, deps);
  robotRoutes(app, routeDeps);
  processRoutes(app, routeDeps);
  decisionRoutes(app, routeDeps);
  insightRoutes(app, deps);
  await docsRoutes(app);
  await webRoutes(app, { webDist: deps.config.webDist });
  return app;
}
