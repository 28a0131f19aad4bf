import type { Logger } from 'pino';
import type { Database } from '@indgang/db';
import {
  scheduleRecurringJobs,
  startAuditSealer,
  startJobRunner,
  type Connectors,
  type JobServices,
  type RunJobsOptions,
  type Mailer,
  type WorkCalendar,
} from '@indgang/domain';
import type { Config } from './config';
import { createMailer } from './createMailer';
import { createConnectors, needsSimulators } from './connectors/createConnectors';
import { seedSimulators } from './simulators/seedSimulators';
import { startSimulators } from './simulators/startSimulators';

/** The channel PostgreSQL wakes workers on when a change wrote a job. */
export const JOBS_CHANNEL = 'indgang_jobs';

export interface Worker {
  workerId: string;
  /** Runs due jobs soon (shared with other wakes within 100 ms). */
  wake(): Promise<unknown>;
  stop(): Promise<void>;
}

/**
 * Listens on its own connection for NOTIFY on JOBS_CHANNEL and wakes the runner; a lost connection
 * is opened again after a pause (polling covers the gap).
 */
function listenForJobs(database: Database, wake: () => unknown, log: Logger) {
  let stopped = false;
  let release: (() => void) | undefined;
  let retry: NodeJS.Timeout | undefined;
  const connect = async () => {
    if (stopped) return;
    try {
      const client = await database.pool.connect();
      let released = false;
      release = () => {
        if (released) return;
        released = true;
        client.removeAllListeners('notification');
        client.release(true);
      };
      client.on('notification', () => void wake());
      client.once('error', (err) => {
        log.warn({ err }, 'the connection listening for jobs was lost; listening again in 5 s');
        release?.();
        retry = setTimeout(() => void connect(), 5000);
      });
      await client.query(`LISTEN ${JOBS_CHANNEL}`);
    } catch (err) {
      log.warn({ err }, 'cannot listen for jobs; trying again in 5 s');
      release?.();
      retry = setTimeout(() => void connect(), 5000);
    }
  };
  void connect();
  return {
    stop() {
      stopped = true;
      clearTimeout(retry);
      release?.();
    },
  };
}

/**
 * The background work of a process: the job worker (with the recurring jobs' next runs written at
 * start, and on PostgreSQL woken by NOTIFY) and the audit sealer. The server runs it unless
 * INDGANG_WORKER=false; `indgang worker` runs only this.
 */
export async function startWorker(
  database: Database,
  config: Config,
  calendar: WorkCalendar,
  log: Logger,
  options: {
    publicUrl: string;
    mailer?: Mailer;
    extraKinds?: RunJobsOptions['extraKinds'];
    connectors?: Connectors;
  },
): Promise<Worker> {
  // Connectors on their simulators reach the simulator host named in the configuration, or one
  // started here (demo and tests only: a production start refuses the simulators).
  const { simulator } = config.connectors;
  const simulators =
    !options.connectors && !simulator.url && needsSimulators(config.connectors)
      ? await startSimulators(simulator)
      : undefined;
  if (simulators) log.info({ url: simulators.url }, 'simulated municipal systems running');
  // The demo's simulated systems hold what the municipality's would for the demo people.
  if (simulators && config.demo)
    await seedSimulators(simulators, database.db).catch((err: unknown) =>
      log.warn({ err }, 'the simulated systems could not be given the demo data'),
    );
  const services: JobServices = {
    db: database.db,
    calendar,
    mailer: options.mailer ?? createMailer(config.smtpUrl, config.mailFrom, log),
    connectors: options.connectors ?? createConnectors(config.connectors, simulator.url ?? simulators?.url),
    publicUrl: options.publicUrl,
    log: (msg, err) => log.warn({ err }, msg),
  };
  await scheduleRecurringJobs(database.db);
  const runner = startJobRunner(services, {
    intervalMs: config.jobs.pollMs,
    concurrency: config.jobs.concurrency,
    leaseSeconds: config.jobs.leaseSeconds,
    extraKinds: options.extraKinds,
  });
  const listener = database.kind === 'postgres' ? listenForJobs(database, runner.wake, log) : undefined;
  // The audit chain is sealed shortly after each commit, outside any request's transaction, and
  // its head anchored (signed, outside the database) every AUDIT_ANCHOR_INTERVAL_SECONDS.
  const sealer = await startAuditSealer(
    { db: database.db },
    {
      anchors: config.audit,
      sealEveryMs: 1000,
      anchorEveryMs: config.audit.anchorIntervalSeconds * 1000,
      log,
    },
  );
  void runner.wake();
  return {
    workerId: runner.workerId,
    wake: runner.wake,
    async stop() {
      listener?.stop();
      await runner.stop();
      await sealer.stop();
      await simulators?.close();
    },
  };
}

/**
 * For a server without its own worker: wakes the workers of other processes (NOTIFY on
 * PostgreSQL), at most once per 100 ms however many changes ask.
 */
export function notifyWorkers(database: Database, log: Logger) {
  let pending: Promise<unknown> | null = null;
  return () => {
    if (database.kind !== 'postgres') return Promise.resolve();
    pending ??= new Promise((resolve) => setTimeout(resolve, 100)).then(async () => {
      pending = null;
      await database.pool
        .query(`NOTIFY ${JOBS_CHANNEL}`)
        .catch((err: unknown) => log.warn({ err }, 'waking the workers failed'));
    });
    return pending;
  };
}
