import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { openDatabase, type Database } from '@indgang/db';
import { buildApp } from './buildApp';
import type { Config } from './config';
import { cookieSecret } from './cookieSecret';
import { createLogger } from './createLogger';
import { openListener } from './openListener';
import { prepareDatabase } from './prepareDatabase';
import { notifyWorkers, startWorker } from './startWorker';
import { waitForDatabase } from './waitForDatabase';

export interface Platform {
  app: FastifyInstance;
  database: Database;
  url: string;
  seeded: boolean;
  log: Logger;
  wakeJobs(): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * Listens at once (answering 503 with the reason while it waits), waits for the database with
 * back-off, migrates it, loads the demo municipality on first start, and then serves.
 */
export async function startPlatform(config: Config, options: { logger?: boolean } = {}): Promise<Platform> {
  const log = createLogger({ level: config.logLevel, enabled: options.logger !== false });
  const listener = await openListener(config.host, config.port);
  const database = await openDatabase({
    ...(config.databaseUrl
      ? { url: config.databaseUrl, poolSize: config.databasePoolSize }
      : { dataDir: config.dataDir }),
    onConnectionError: (err) =>
      log.warn({ err }, 'database connection lost; it is dropped and a new one is opened when needed'),
  });
  try {
    await waitForDatabase(database, {
      url: config.databaseUrl,
      timeoutMs: config.databaseWaitSeconds * 1000,
      log,
      onWaiting: listener.waiting,
    });
    listener.waiting('preparing the database (migrations, catalogue, demo data)');
    const { calendar, seeded, keptServiceVersions } = await prepareDatabase(database, config);
    if (keptServiceVersions.length > 0)
      log.warn(
        { services: keptServiceVersions },
        'the catalogue ships service versions this installation already saved with other content; the saved ones stand (raise the version in catalog/services to install the shipped one)',
      );
    const jobs = { wake: async () => undefined as unknown, stop: async () => undefined };
    let handler: Parameters<typeof listener.serve>[0] | undefined;
    const app = await buildApp({
      database,
      config,
      calendar,
      jobs,
      log,
      cookieSecret: await cookieSecret(database.db, config.sessionSecret),
      serverFactory: (fastifyHandler) => {
        handler = fastifyHandler;
        return listener.server;
      },
    });
    await app.ready();
    // Requests reach the application only once every route and hook is in place.
    listener.serve(handler!);
    const url = config.port === 0 ? listener.address : config.publicUrl;
    if (config.worker) {
      const worker = await startWorker(database, config, calendar, log, { publicUrl: url });
      Object.assign(jobs, { wake: worker.wake, stop: worker.stop });
    } else {
      // Jobs are run by `indgang worker` processes: a change that wrote one wakes them.
      jobs.wake = notifyWorkers(database, log);
    }
    return {
      app,
      database,
      url,
      seeded,
      log,
      wakeJobs: () => jobs.wake(),
      async close() {
        await jobs.stop();
        await app.close();
        await listener.close();
        await database.close();
      },
    };
  } catch (error) {
    await listener.close();
    await database.close();
    throw error;
  }
}
