import type { FastifyInstance } from 'fastify';
import { migrate, openDatabase, type Database } from '@indgang/db';
import { seedDemoMunicipality, todayInDenmark } from '@indgang/domain';
import { buildApp } from './buildApp';
import type { Config } from './config';
import { cookieSecret } from './cookieSecret';

export interface Platform { app: FastifyInstance; database: Database; url: string; seeded: boolean; close(): Promise<void> }

/** Opens and migrates the database, loads the demo municipality on first start, and listens. */
export async function startPlatform(config: Config, options: { logger?: boolean } = {}): Promise<Platform> {
  const database = await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir });
  try {
    await migrate(database.pool);
    const { seeded } = config.demo
      ? await seedDemoMunicipality({ db: database.db }, { seed: config.demoSeed, scale: config.demoScale, today: todayInDenmark() })
      : { seeded: false };
    const app = await buildApp({ database, config, cookieSecret: await cookieSecret(database.db, config.sessionSecret), logger: options.logger });
    const address = await app.listen({ host: config.host, port: config.port });
    const url = config.port === 0 ? address : config.publicUrl;
    return {
      app, database, url, seeded,
      async close() { await app.close(); await database.close(); },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
