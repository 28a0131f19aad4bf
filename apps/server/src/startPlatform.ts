import type { FastifyInstance } from 'fastify';
import { openDatabase, type Database } from '@indgang/db';
import { composeCaseMail, sealAuditChain, startJobRunner, type CaseMailKind } from '@indgang/domain';
import { buildApp } from './buildApp';
import type { Config } from './config';
import { cookieSecret } from './cookieSecret';
import { createMailer } from './createMailer';
import { prepareDatabase } from './prepareDatabase';

export interface Platform { app: FastifyInstance; database: Database; url: string; seeded: boolean; wakeJobs(): Promise<unknown>; close(): Promise<void> }

/** Opens and migrates the database, loads the demo municipality on first start, and listens. */
export async function startPlatform(config: Config, options: { logger?: boolean } = {}): Promise<Platform> {
  const database = await openDatabase(config.databaseUrl ? { url: config.databaseUrl, poolSize: config.databasePoolSize } : { dataDir: config.dataDir });
  try {
    const { calendar, seeded } = await prepareDatabase(database, config);
    const jobs = { wake: async () => undefined as unknown, stop: async () => undefined };
    const app = await buildApp({ database, config, calendar, jobs, cookieSecret: await cookieSecret(database.db, config.sessionSecret), logger: options.logger });
    const address = await app.listen({ host: config.host, port: config.port });
    const url = config.port === 0 ? address : config.publicUrl;
    if (config.worker) {
      const mailer = createMailer(config.smtpUrl, config.mailFrom, app.log);
      const runner = startJobRunner(database.db, {
        'mail.case': async (payload) => {
          const mail = await composeCaseMail(database.db, String(payload.caseId), payload.kind as CaseMailKind, url);
          if (mail) await mailer.send(mail);
        },
      }, { intervalMs: 1000, log: (msg, err) => app.log.warn({ err }, msg) });
      // The audit chain is sealed shortly after each commit, outside any request's transaction.
      const sealer = setInterval(() => { void sealAuditChain(database.db).catch((err: unknown) => app.log.warn({ err }, 'audit sealing failed')); }, 1000);
      Object.assign(jobs, { wake: runner.wake, stop: async () => { clearInterval(sealer); await runner.stop(); await sealAuditChain(database.db).catch(() => 0); } });
    }
    return {
      app, database, url, seeded, wakeJobs: () => jobs.wake(),
      async close() { await jobs.stop(); await app.close(); await database.close(); },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
