import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Database, TestDatabaseTarget } from '@indgang/db';
import { runJobs, type Connectors, type Mailer } from '@indgang/domain';
import { buildApp } from '../buildApp';
import { loadConfig, type Config } from '../config';
import { prepareDatabase } from '../prepareDatabase';
import { checkContract } from './checkContract';
import { CONNECTOR_ENV } from '../connectors/connectorConfig';
import { createConnectors } from '../connectors/createConnectors';
import { seedSimulators } from '../simulators/seedSimulators';
import { startSimulators, type RunningSimulators } from '../simulators/startSimulators';
import { findTemplate, keepTemplate, templateKey } from './preparedTemplate';

/** Rate limits for tests and demos where every request comes from one address. */
export const LOOPBACK_LIMITS = {
  RATE_LIMIT_LOGIN_PER_MINUTE: '10000',
  RATE_LIMIT_UPLOADS_PER_MINUTE: '10000',
  RATE_LIMIT_PUBLIC_PER_MINUTE: '10000',
};

export interface TestClient {
  cookie: string;
  csrf: string;
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  /** The test database's address on PostgreSQL (absent on PGlite), for processes of their own. */
  url?: string;
  config: Config;
  login(userId: string): Promise<TestClient>;
  /** A request as the given client (cookie and CSRF header set). */
  as(client: TestClient | null, options: InjectOptions): Promise<LightMyRequestResponse>;
  /** The simulated municipal systems the test's jobs call (plan faults, read what they received). */
  simulators: RunningSimulators;
  connectors: Connectors;
  /** Runs the jobs that are due, mails going to the given mailer (dropped when absent). */
  runJobs(mailer?: Mailer): Promise<number>;
  close(): Promise<void>;
}

/** The real application on a fresh test database with a small Eksempel Kommune (same seed, fewer people). */
export async function createTestApp(
  target: TestDatabaseTarget,
  overrides: Partial<Config> = {},
  options: { freshDatabase?: boolean } = {},
): Promise<TestApp> {
  // Files outside the database (the audit key and anchors) go to a folder of the test's own.
  const dataDir = await mkdtemp(join(tmpdir(), 'indgang-test-'));
  // Every test client comes from 127.0.0.1: limits high enough for a suite, unless a test sets its own.
  const config: Config = {
    ...loadConfig({
      INDGANG_DATA_DIR: dataDir,
      INDGANG_DEMO: 'true',
      INDGANG_DEMO_SCALE: '0.1',
      INDGANG_DEMO_HISTORY: 'false',
      // Simulated systems answer at once and fail only when a test plans it; a planned timeout
      // costs a test 1.5 s.
      INDGANG_SIMULATOR_LATENCY_MS: '0-0',
      INDGANG_SIMULATOR_FAULT_RATE: '0',
      INDGANG_SIMULATOR_STATE_DIR: '',
      ...Object.fromEntries(Object.values(CONNECTOR_ENV).map((prefix) => [`${prefix}_TIMEOUT_MS`, '1500'])),
      ...LOOPBACK_LIMITS,
    }),
    webDist: '/nonexistent',
    ...overrides,
  };
  // PGlite starts from a prepared copy when one is kept for these settings (see preparedTemplate).
  // A test of the audit chain's sealing starts fresh: a copy's sealing does not pick up the
  // entries its original wrote.
  const key = target.name === 'pglite' && !options.freshDatabase ? templateKey(config) : null;
  const template = key ? await findTemplate(key) : null;
  const { database, drop, url, dump } = await target.create(template ? { from: template } : undefined);
  const { calendar } = await prepareDatabase(database, config);
  if (key && !template && dump) await keepTemplate(key, await dump());
  const simulators = await startSimulators(config.connectors.simulator);
  await seedSimulators(simulators, database.db);
  const connectors = createConnectors(config.connectors, simulators.url);
  // Every answer of every test is checked against the route's declared answers (the API contract).
  const violations: string[] = [];
  // Jobs run when a test asks for them (runJobs), so each test sees exactly what it caused.
  const app = await buildApp({
    database,
    config,
    calendar,
    jobs: { wake: async () => undefined },
    cookieSecret: 'test-secret-test-secret-test-secret',
    beforeRoutes: (instance) => checkContract(instance, violations),
  });
  const as: TestApp['as'] = (client, options) =>
    app.inject({
      ...options,
      headers: {
        ...(client ? { cookie: client.cookie, 'x-csrf-token': client.csrf } : {}),
        ...options.headers,
      },
    });
  return {
    app,
    database,
    url,
    config,
    as,
    async login(userId) {
      const response = await app.inject({
        method: 'POST',
        url: '/auth/demo-login',
        payload: { userId },
        headers: { 'x-csrf-token': 'login' },
      });
      if (response.statusCode !== 200)
        throw new Error(`login ${userId}: ${response.statusCode} ${response.body}`);
      const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
      return { cookie, csrf: me.json().csrfToken };
    },
    runJobs: (mailer) =>
      runJobs({
        db: database.db,
        calendar,
        mailer: mailer ?? { send: async () => undefined },
        publicUrl: 'http://indgang.test',
        connectors,
        log: () => undefined,
      }),
    simulators,
    connectors,
    async close() {
      await app.close();
      await simulators.close();
      await drop();
      await rm(dataDir, { recursive: true, force: true });
      if (violations.length > 0)
        throw new Error(`${violations.length} answers broke the API contract:\n${violations.join('\n')}`);
    },
  };
}
