import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Database, TestDatabaseTarget } from '@indgang/db';
import { seedDemoMunicipality, todayInDenmark } from '@indgang/domain';
import { buildApp } from '../buildApp';
import { loadConfig, type Config } from '../config';

export interface TestClient { cookie: string; csrf: string }

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  login(userId: string): Promise<TestClient>;
  /** A request as the given client (cookie and CSRF header set). */
  as(client: TestClient | null, options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** The real application on a fresh test database with a small Eksempel Kommune (same seed, fewer people). */
export async function createTestApp(target: TestDatabaseTarget, overrides: Partial<Config> = {}): Promise<TestApp> {
  const { database, drop } = await target.create();
  const config: Config = { ...loadConfig({ INDGANG_DEMO: 'true' }), webDist: '/nonexistent', ...overrides };
  await seedDemoMunicipality({ db: database.db }, { seed: config.demoSeed, scale: 0.1, today: todayInDenmark() });
  const app = await buildApp({ database, config, cookieSecret: 'test-secret-test-secret-test-secret', logger: false });
  const as: TestApp['as'] = (client, options) => app.inject({
    ...options,
    headers: { ...(client ? { cookie: client.cookie, 'x-csrf-token': client.csrf } : {}), ...options.headers },
  });
  return {
    app, database, as,
    async login(userId) {
      const response = await app.inject({ method: 'POST', url: '/auth/demo-login', payload: { userId }, headers: { 'x-csrf-token': 'login' } });
      if (response.statusCode !== 200) throw new Error(`login ${userId}: ${response.statusCode} ${response.body}`);
      const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
      return { cookie, csrf: me.json().csrfToken };
    },
    async close() { await app.close(); await drop(); },
  };
}
