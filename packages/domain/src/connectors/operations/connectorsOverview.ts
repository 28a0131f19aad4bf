import { sql } from 'drizzle-orm';
import type { Db } from '@indgang/db';
import {
  CONNECTOR_NAMES,
  CONNECTOR_TITLES,
  type ConnectorCallOutcome,
  type ConnectorMode,
  type ConnectorName,
  type TConnectorsOverview,
} from '@indgang/schemas';
import type { Actor } from '../../access/Actor';
import { requirePermission } from '../../access/requirePermission';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/**
 * For the operations page: each municipal system's mode (real, simulator, off), its last success
 * and last error (the system's own words), its calls and failures in the last day, and its queue
 * (jobs waiting, failing and given up).
 */
export async function connectorsOverview(
  deps: { db: Db; modes: Record<ConnectorName, ConnectorMode> },
  actor: Actor,
): Promise<TConnectorsOverview> {
  requirePermission(actor, 'jobs.manage');
  const { rows: calls } = await deps.db.execute<{
    connector: ConnectorName;
    lastSuccessAt: string | null;
    callsLastDay: number;
    failedLastDay: number;
  }>(sql`
    SELECT connector,
      max(at) FILTER (WHERE outcome = 'ok') AS "lastSuccessAt",
      count(*) FILTER (WHERE at > now() - interval '1 day')::int AS "callsLastDay",
      count(*) FILTER (WHERE at > now() - interval '1 day' AND outcome <> 'ok')::int AS "failedLastDay"
    FROM connector_calls GROUP BY connector`);
  const { rows: errors } = await deps.db.execute<{
    connector: ConnectorName;
    at: string;
    operation: string;
    outcome: ConnectorCallOutcome;
    text: string | null;
  }>(sql`
    SELECT DISTINCT ON (connector) connector, at, operation, outcome, error_text AS text
    FROM connector_calls WHERE outcome <> 'ok' ORDER BY connector, at DESC, id DESC`);
  const { rows: queues } = await deps.db.execute<{
    connector: ConnectorName;
    waiting: number;
    failing: number;
    dead: number;
  }>(sql`
    SELECT connector,
      count(*) FILTER (WHERE dead_at IS NULL AND (attempts = 0 OR last_error IS NULL))::int AS waiting,
      count(*) FILTER (WHERE dead_at IS NULL AND attempts > 0 AND last_error IS NOT NULL)::int AS failing,
      count(*) FILTER (WHERE dead_at IS NOT NULL)::int AS dead
    FROM jobs WHERE connector IS NOT NULL AND done_at IS NULL AND discarded_at IS NULL
    GROUP BY connector`);
  return {
    connectors: CONNECTOR_NAMES.map((name) => {
      const call = calls.find((c) => c.connector === name);
      const error = errors.find((e) => e.connector === name);
      const queue = queues.find((q) => q.connector === name);
      return {
        name,
        title: CONNECTOR_TITLES[name],
        mode: deps.modes[name],
        lastSuccessAt: iso(call?.lastSuccessAt ?? null),
        lastError: error
          ? { at: iso(error.at)!, operation: error.operation, outcome: error.outcome, text: error.text }
          : null,
        callsLastDay: call?.callsLastDay ?? 0,
        failedLastDay: call?.failedLastDay ?? 0,
        queue: { waiting: queue?.waiting ?? 0, failing: queue?.failing ?? 0, dead: queue?.dead ?? 0 },
      };
    }),
  };
}
