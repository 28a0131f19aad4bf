// Trivial jobs per second drained by the platform's job engine (runJobs: claim a batch with a
// lease, run, mark each job done on its own) beside the same number drained by graphile-worker,
// the established PostgreSQL job queue for Node, at the same concurrency on the same database
// (graphile-worker in its own schema). Both queues are loaded first, then VACUUM ANALYZE, then
// each is drained from full to empty.
import { createPostgresDatabase } from '@indgang/db';
import { connectorsOff, defineJobKind, runJobs, WorkCalendar } from '@indgang/domain';
import { Logger, makeWorkerUtils, runMigrations, runOnce } from 'graphile-worker';
import { z } from 'zod';

export interface QueueFigures {
  queue_per_s: number;
  graphile_worker_per_s: number;
  queue_ratio: number;
}

const GRAPHILE_SCHEMA = 'bench_graphile_worker';
const silent = new Logger(() => () => undefined);
const noop = defineJobKind({ name: 'bench.noop', payload: z.object({ n: z.number() }), async run() {} });

/** Drains `jobs` trivial jobs through each queue with `concurrency` loops; answers jobs per second. */
export async function measureQueue(options: {
  adminUrl: string;
  jobs: number;
  concurrency: number;
  log?: (line: string) => void;
}): Promise<QueueFigures> {
  const { jobs, concurrency } = options;
  const log = options.log ?? (() => undefined);
  // A scratch database, migrated for the platform; graphile-worker migrates its own schema in it.
  const scratch = await createPostgresDatabase(options.adminUrl);
  const url = scratch.url!;
  const database = scratch.database;
  const pool = database.pool;
  try {
    await runMigrations({ connectionString: url, schema: GRAPHILE_SCHEMA, logger: silent });
    const utils = await makeWorkerUtils({ connectionString: url, schema: GRAPHILE_SCHEMA, logger: silent });

    const load = async () => {
      await pool.query(
        `INSERT INTO jobs (kind, payload) SELECT 'bench.noop', jsonb_build_object('n', n) FROM generate_series(1, $1) n`,
        [jobs],
      );
      for (let from = 0; from < jobs; from += 1000)
        await utils.addJobs(
          Array.from({ length: Math.min(1000, jobs - from) }, (_, i) => ({
            identifier: 'noop',
            payload: { n: from + i },
          })),
        );
      await pool.query('VACUUM ANALYZE');
    };
    const services = {
      db: database.db,
      calendar: new WorkCalendar({ holidays: [] } as never),
      mailer: { send: async () => undefined },
      connectors: connectorsOff(),
      publicUrl: 'http://bench.invalid',
      log: (msg: string, err?: unknown) => log(`${msg} ${String(err)}`),
    };
    const drainPlatform = async () => {
      const started = performance.now();
      const counts = await Promise.all(
        Array.from({ length: concurrency }, (_, i) =>
          runJobs(services, { extraKinds: [noop], workerId: `bench-${i}`, batchSize: 20 }),
        ),
      );
      const seconds = (performance.now() - started) / 1000;
      const ran = counts.reduce((a, b) => a + b, 0);
      if (ran !== jobs) throw new Error(`the platform ran ${ran} of ${jobs} jobs`);
      return ran / seconds;
    };
    let graphileRan = 0;
    const drainGraphile = async () => {
      graphileRan = 0;
      const started = performance.now();
      await runOnce({
        connectionString: url,
        schema: GRAPHILE_SCHEMA,
        concurrency,
        maxPoolSize: concurrency + 2,
        noHandleSignals: true,
        logger: silent,
        taskList: {
          noop: async () => {
            graphileRan += 1;
          },
        },
      });
      const seconds = (performance.now() - started) / 1000;
      if (graphileRan !== jobs) throw new Error(`graphile-worker ran ${graphileRan} of ${jobs} jobs`);
      return graphileRan / seconds;
    };

    // A short warm-up round of each (connections, prepared statements, caches), not measured.
    const measured = jobs;
    await pool.query(
      `INSERT INTO jobs (kind, payload) SELECT 'bench.noop', jsonb_build_object('n', n) FROM generate_series(1, 200) n`,
    );
    await runJobs(services, { extraKinds: [noop] });
    await utils.addJobs(Array.from({ length: 200 }, (_, n) => ({ identifier: 'noop', payload: { n } })));
    await runOnce({
      connectionString: url,
      schema: GRAPHILE_SCHEMA,
      concurrency,
      noHandleSignals: true,
      logger: silent,
      taskList: { noop: async () => undefined },
    });
    await load();
    await utils.release();
    log(`loaded ${measured} jobs into each queue; draining with ${concurrency} loops each`);
    const platform = await drainPlatform();
    log(`platform job engine: ${platform.toFixed(0)} jobs/s`);
    const graphile = await drainGraphile();
    log(`graphile-worker 0.17.3: ${graphile.toFixed(0)} jobs/s`);
    return {
      queue_per_s: Math.round(platform),
      graphile_worker_per_s: Math.round(graphile),
      queue_ratio: Math.round((platform / graphile) * 100) / 100,
    };
  } finally {
    await scratch.drop();
  }
}
