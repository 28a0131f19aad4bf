import { migrate, openDatabase } from '@indgang/db';
import { readCatalogFolder, WorkCalendar, type Mailer, type RunJobsOptions } from '@indgang/domain';
import type { Config } from './config';
import { createLogger } from './createLogger';
import { startWorker } from './startWorker';
import { waitForDatabase } from './waitForDatabase';

/**
 * `indgang worker`: runs jobs (and seals the audit chain) against the configured PostgreSQL until
 * SIGINT or SIGTERM, beside the servers and any other workers. Answers the exit code.
 */
export async function runWorkerProcess(
  config: Config,
  options: { extraKinds?: RunJobsOptions['extraKinds']; mailer?: Mailer } = {},
): Promise<number> {
  if (!config.databaseUrl) {
    process.stderr.write(
      'indgang worker needs DATABASE_URL (PostgreSQL): the embedded database is one process, whose server runs the worker.\n',
    );
    return 2;
  }
  const log = createLogger({ level: config.logLevel });
  const database = await openDatabase({
    url: config.databaseUrl,
    poolSize: Math.max(4, config.jobs.concurrency + 2),
    onConnectionError: (err) =>
      log.warn({ err }, 'database connection lost; a new one is opened when needed'),
  });
  try {
    await waitForDatabase(database, {
      url: config.databaseUrl,
      timeoutMs: config.databaseWaitSeconds * 1000,
      log,
      onWaiting: () => undefined,
    });
    await migrate(database.pool);
    const { calendar } = await readCatalogFolder(config.catalogDir);
    const worker = await startWorker(database, config, new WorkCalendar(calendar), log, {
      publicUrl: config.publicUrl,
      extraKinds: options.extraKinds,
      mailer: options.mailer,
    });
    log.info({ workerId: worker.workerId, concurrency: config.jobs.concurrency }, 'worker running');
    await new Promise<void>((resolve) => {
      for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve());
    });
    log.info('worker stopping: finishing the jobs it holds');
    await worker.stop();
    return 0;
  } finally {
    await database.close();
  }
}
