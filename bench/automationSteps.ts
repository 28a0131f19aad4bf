// Automated workflow steps per second through the process engine (a job claimed, its case locked,
// the rate decided by the kilometertakst table and recorded, the step completed in the timeline
// and the audit trail, the next step and its job written, the case resolved at the end), beside
// the same statements run directly in a loop at the same concurrency. The engine's payroll step sends
// the allowance to the simulated SD Løn on loopback (no latency, no faults), a call the bare loop does
// not make, so the ratio includes an HTTP round trip per case. PostgreSQL only; ends with
// one line of key=value figures. Runnable alone (`npx tsx bench/automationSteps.ts`) or through
// `measureAutomationSteps` from another benchmark.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { createPostgresDatabase, openDatabase } from '@indgang/db';
import { runJobs, startProcess, type JobServices } from '@indgang/domain';
import { loadConfig } from '@indgang/server';
import { createConnectors } from '../apps/server/src/connectors/createConnectors';
import { prepareDatabase } from '../apps/server/src/prepareDatabase';
import { startSimulators, type RunningSimulators } from '../apps/server/src/simulators/startSimulators';

export interface AutomationStepFigures {
  steps_per_s: number;
  bare_step_sql_per_s: number;
  step_ratio: number;
}

/** A mileage process without the leader's approval: two automated steps, then the end. */
const BENCH_SERVICE = 'bench-koersel';

export async function measureAutomationSteps(
  options: { adminUrl?: string; cases?: number; concurrency?: number } = {},
): Promise<AutomationStepFigures> {
  const adminUrl =
    options.adminUrl ?? process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const cases = options.cases ?? Number(process.env.BENCH_CASES ?? 400);
  const concurrency = options.concurrency ?? Number(process.env.BENCH_CONCURRENCY ?? 4);
  const dataDir = await mkdtemp(join(tmpdir(), 'indgang-bench-steps-'));
  const scratch = await createPostgresDatabase(adminUrl);
  const database = await openDatabase({ url: scratch.url, poolSize: concurrency + 1 });
  let simulators: RunningSimulators | undefined;
  try {
    const config = loadConfig({
      INDGANG_DATA_DIR: dataDir,
      INDGANG_DEMO: 'true',
      INDGANG_DEMO_SCALE: '0.1',
      LOG_LEVEL: 'error',
      DATABASE_URL: scratch.url,
      INDGANG_SIMULATOR_LATENCY_MS: '0-0',
      INDGANG_SIMULATOR_FAULT_RATE: '0',
      INDGANG_SIMULATOR_STATE_DIR: '',
    });
    simulators = await startSimulators(config.connectors.simulator);
    const { calendar } = await prepareDatabase(database, config);
    const db = database.db;
    const services: JobServices = {
      db,
      calendar,
      mailer: { send: async () => undefined },
      connectors: createConnectors(config.connectors, simulators.url),
      publicUrl: 'http://bench.test',
      log: () => undefined,
    };
    // The shipped mileage service's definition, starting at its rate step.
    const { rows } = await db.execute<{
      definition: Record<string, unknown> & {
        process: { steps: Array<{ id: string; next: Array<{ to: string }> }> };
      };
    }>(sql`SELECT definition FROM services WHERE id = 'koerselsgodtgoerelse' ORDER BY version DESC LIMIT 1`);
    const shipped = rows[0]!.definition;
    const steps = shipped.process.steps.filter((s) => !['leder', 'afvist'].includes(s.id));
    const definition = { ...shipped, id: BENCH_SERVICE, version: 1, process: { start: 'takst', steps } };
    await db.execute(
      sql`INSERT INTO services (id, version, definition) VALUES (${BENCH_SERVICE}, 1, ${JSON.stringify(definition)}::jsonb)`,
    );
    // Claims from many employees, as a municipality's are: each decision reads the claimant's earlier km this year.
    const { rows: who } = await db.execute<{ personId: string; unitId: string }>(sql`
      SELECT DISTINCT ON (e.person_id) e.person_id AS "personId", e.unit_id AS "unitId"
      FROM employments e WHERE e.end_date IS NULL ORDER BY e.person_id LIMIT 200`);
    const submitterUser = 'demo-medarbejder';
    const today = new Date().toISOString().slice(0, 10);
    const makeCases = async (n: number, tag: string) => {
      const ids: string[] = [];
      for (let i = 0; i < n; i += 1) {
        const id = randomUUID();
        const submitter = who[i % who.length]!;
        ids.push(id);
        await db.execute(sql`
          INSERT INTO cases (id, number, service_id, service_version, unit_id, subject_person_id, submitted_by_user_id,
                             status, team_id, answers, period_from, period_to, submitted_at, due_date)
          VALUES (${id}, ${`B-${tag}-${i}`}, ${BENCH_SERVICE}, 1, ${submitter.unitId}, ${submitter.personId}, ${submitterUser},
                  'automated', 'okf-ks-lon2',
                  ${JSON.stringify({ trips: [{ date: today, from: 'A', to: 'B', km: 10 + (i % 50), purpose: 'Møde' }] })}::jsonb,
                  ${today}::date, ${today}::date, now(), ${today}::date)`);
      }
      return ids;
    };

    // The resolution mails are not steps (and the bare loop only writes them): in this scratch
    // database they wait a day, so the workers drain steps only.
    await db.execute(sql`
      CREATE FUNCTION bench_defer_mail() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN NEW.run_at := now() + interval '1 day'; RETURN NEW; END $$`);
    await db.execute(sql`
      CREATE TRIGGER bench_defer_mail BEFORE INSERT ON jobs FOR EACH ROW WHEN (NEW.kind = 'mail.case')
      EXECUTE FUNCTION bench_defer_mail()`);
    // The engine: every case enters its first automated step (a job), then the workers drain them.
    const engineCases = await makeCases(cases, 'engine');
    for (const id of engineCases) await db.transaction((tx) => startProcess(tx, services, id));
    await db.execute(sql`VACUUM ANALYZE`);
    const started = performance.now();
    await Promise.all(Array.from({ length: concurrency }, () => runJobs(services, { batchSize: 10 })));
    const engineSeconds = (performance.now() - started) / 1000;
    const { rows: counted } = await db.execute<{ n: number; resolved: number }>(sql`
      SELECT (SELECT count(*)::int FROM case_steps s JOIN cases c ON c.id = s.case_id
              WHERE c.service_id = ${BENCH_SERVICE} AND s.kind = 'automated' AND s.status = 'done') AS n,
             (SELECT count(*)::int FROM cases WHERE service_id = ${BENCH_SERVICE} AND status = 'resolved') AS resolved`);
    const engineSteps = counted[0]!.n;
    if (counted[0]!.resolved !== cases) {
      const { rows: errors } = await db.execute<{ kind: string; lastError: string | null }>(
        sql`SELECT status AS kind, automation_reason AS "lastError" FROM cases WHERE service_id = ${BENCH_SERVICE} LIMIT 2`,
      );
      throw new Error(`only ${counted[0]!.resolved} of ${cases} cases resolved: ${JSON.stringify(errors)}`);
    }

    // The same statements, written directly: per step a claim, the case and step read under lock,
    // the decision and its timeline entry, the step done with its timeline and audit entries, the next
    // step with its job (or, at the second step, the case resolved with its entry, audit and mail job).
    const bareCases = await makeCases(cases, 'bare');
    for (const id of bareCases) {
      const { rows: s } = await db.execute<{ id: string }>(sql`
        INSERT INTO case_steps (case_id, step_id, kind, status, data) VALUES (${id}, 'takst', 'automated', 'active', '{}') RETURNING id`);
      await db.execute(sql`
        INSERT INTO jobs (kind, payload, idempotency_key, case_id)
        VALUES ('bench.bare', jsonb_build_object('caseId', ${id}::text, 'caseStepId', ${Number(s[0]!.id)}::bigint, 'n', 1), ${`bare:${s[0]!.id}`}, ${id})`);
    }
    await db.execute(sql`VACUUM ANALYZE`);
    const pool = new pg.Pool({ connectionString: scratch.url, max: concurrency });
    const bareStep = async (client: pg.PoolClient): Promise<boolean> => {
      await client.query('BEGIN');
      const job = await client.query<{
        id: string;
        payload: { caseId: string; caseStepId: number; n: number };
      }>(
        `UPDATE jobs SET locked_until = now() + interval '2 minutes', attempts = attempts + 1
         WHERE id = (SELECT id FROM jobs WHERE kind = 'bench.bare' AND done_at IS NULL ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1)
         RETURNING id, payload`,
      );
      const j = job.rows[0];
      if (!j) {
        await client.query('COMMIT');
        return false;
      }
      const { caseId, caseStepId, n } = j.payload;
      await client.query('SELECT id, service_id, answers, status FROM cases WHERE id = $1 FOR UPDATE', [
        caseId,
      ]);
      await client.query('SELECT step_id, status, data FROM case_steps WHERE id = $1 FOR UPDATE', [
        caseStepId,
      ]);
      await client.query(
        'SELECT revision, xml FROM decision_tables WHERE id = $1 ORDER BY revision DESC LIMIT 1',
        ['kilometertakst'],
      );
      await client.query(
        `SELECT coalesce(sum((s.data->'payroll'->>'km')::numeric), 0)::text AS km
         FROM case_steps s JOIN cases c ON c.id = s.case_id, cases me
         WHERE me.id = $1 AND c.subject_person_id = me.subject_person_id AND c.service_id = me.service_id AND c.id <> me.id
           AND s.status = 'done' AND s.data->'payroll'->>'year' = $2`,
        [caseId, today.slice(0, 4)],
      );
      await client.query(
        `INSERT INTO case_decisions (case_id, case_step_id, table_id, revision, decision_id, inputs, outputs, rules)
         VALUES ($1, $2, 'kilometertakst', 1, 'kilometertakst-2026', '{"tripDate":"2026-01-01"}', '[{"rateUpToLimit":3.94}]', '[]')`,
        [caseId, caseStepId],
      );
      await client.query(
        `INSERT INTO case_events (case_id, type, internal, data) VALUES ($1, 'decision', true, '{}')`,
        [caseId],
      );
      await client.query(
        `UPDATE case_steps SET status = 'done', result = 'done', completed_by_system = 'rule:kilometertakst@1', completed_at = now(), data = data || '{"x":1}' WHERE id = $1`,
        [caseStepId],
      );
      await client.query(
        `INSERT INTO case_events (case_id, type, internal, data) VALUES ($1, 'step', false, '{}')`,
        [caseId],
      );
      await client.query(
        `INSERT INTO audit_log (at, actor_user_id, action, entity_type, entity_id, details) VALUES (now(), NULL, 'case.step', 'case', $1, '{}')`,
        [caseId],
      );
      if (n === 1) {
        const next = await client.query<{ id: string }>(
          `INSERT INTO case_steps (case_id, step_id, kind, status, data) VALUES ($1, 'loen', 'automated', 'active', '{}') RETURNING id`,
          [caseId],
        );
        await client.query(
          `INSERT INTO jobs (kind, payload, idempotency_key, case_id) VALUES ('bench.bare', jsonb_build_object('caseId', $1::text, 'caseStepId', $2::bigint, 'n', 2), $3, $1)`,
          [caseId, Number(next.rows[0]!.id), `bare:${next.rows[0]!.id}`],
        );
      } else {
        await client.query(
          `INSERT INTO case_steps (case_id, step_id, kind, status, result, completed_at) VALUES ($1, 'udbetalt', 'end', 'done', NULL, now())`,
          [caseId],
        );
        await client.query(
          `UPDATE cases SET status = 'resolved', outcome_id = 'paid', resolved_at = now(), version = version + 1 WHERE id = $1`,
          [caseId],
        );
        await client.query(
          `INSERT INTO case_events (case_id, type, internal, data) VALUES ($1, 'resolved', false, '{}')`,
          [caseId],
        );
        await client.query(
          `INSERT INTO audit_log (at, actor_user_id, action, entity_type, entity_id, details) VALUES (now(), NULL, 'case.resolve', 'case', $1, '{}')`,
          [caseId],
        );
        await client.query(
          `INSERT INTO jobs (kind, payload) VALUES ('bench.bare.mail', jsonb_build_object('caseId', $1::text))`,
          [caseId],
        );
      }
      await client.query('UPDATE jobs SET done_at = now(), locked_until = NULL WHERE id = $1', [j.id]);
      await client.query('COMMIT');
      return true;
    };
    const bareStarted = performance.now();
    let bareSteps = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        const client = await pool.connect();
        try {
          while (await bareStep(client)) bareSteps += 1;
        } finally {
          client.release();
        }
      }),
    );
    const bareSeconds = (performance.now() - bareStarted) / 1000;
    await pool.end();
    const steps_per_s = Math.round(engineSteps / engineSeconds);
    const bare_step_sql_per_s = Math.round(bareSteps / bareSeconds);
    return {
      steps_per_s,
      bare_step_sql_per_s,
      step_ratio: Math.round((steps_per_s / bare_step_sql_per_s) * 100) / 100,
    };
  } finally {
    await simulators?.close();
    await database.close();
    await scratch.drop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const figures = await measureAutomationSteps();
  process.stdout.write(
    `steps_per_s=${figures.steps_per_s} bare_step_sql_per_s=${figures.bare_step_sql_per_s} step_ratio=${figures.step_ratio}\n`,
  );
}
