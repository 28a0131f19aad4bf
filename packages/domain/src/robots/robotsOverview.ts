import { sql } from 'drizzle-orm';
import type { Db } from '@indgang/db';
import type { TRobotsOverview } from '@indgang/schemas';
import { mayChange, type Actor } from '../access/Actor';
import { requirePermission } from '../access/requirePermission';

type RobotRow = {
  id: string;
  name: string;
  topics: string[];
  createdAt: Date;
  createdBy: string;
  revokedAt: Date | null;
  lastContactAt: Date | null;
};

type TopicRow = {
  topic: string;
  waiting: number;
  retrying: number;
  locked: number;
  done: number;
  failed: number;
  businessError: number;
};

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/**
 * The robots' side of automation: each credential with its topics and last contact, and each topic
 * (those with items and those a robot is scoped to) with its items by state. Counts only: an item's
 * payload is never shown here. A lock whose lease has passed counts as waiting, as robots see it.
 */
export async function robotsOverview(deps: { db: Db }, actor: Actor): Promise<TRobotsOverview> {
  requirePermission(actor, 'robots.read');
  const { rows: robots } = await deps.db.execute<RobotRow>(sql`
    SELECT r.id, r.name, r.topics, r.created_at AS "createdAt", u.display_name AS "createdBy",
      r.revoked_at AS "revokedAt", r.last_contact_at AS "lastContactAt"
    FROM robots r JOIN users u ON u.id = r.created_by_user_id
    ORDER BY r.revoked_at IS NOT NULL, lower(r.name), r.created_at`);
  const { rows: topics } = await deps.db.execute<TopicRow>(sql`
    WITH counted AS (
      SELECT topic,
        count(*) FILTER (WHERE (status = 'waiting' AND (retry_at IS NULL OR retry_at <= now()))
          OR (status = 'locked' AND locked_until < now()))::int AS waiting,
        count(*) FILTER (WHERE status = 'waiting' AND retry_at > now())::int AS retrying,
        count(*) FILTER (WHERE status = 'locked' AND locked_until >= now())::int AS locked,
        count(*) FILTER (WHERE status = 'done')::int AS done,
        count(*) FILTER (WHERE status = 'failed')::int AS failed,
        count(*) FILTER (WHERE status = 'business_error')::int AS "businessError"
      FROM work_items GROUP BY topic
    ), scoped AS (
      SELECT DISTINCT unnest(topics) AS topic FROM robots WHERE revoked_at IS NULL
    )
    SELECT t.topic, coalesce(c.waiting, 0) AS waiting, coalesce(c.retrying, 0) AS retrying,
      coalesce(c.locked, 0) AS locked, coalesce(c.done, 0) AS done, coalesce(c.failed, 0) AS failed,
      coalesce(c."businessError", 0) AS "businessError"
    FROM (SELECT topic FROM counted UNION SELECT topic FROM scoped) t
    LEFT JOIN counted c ON c.topic = t.topic
    ORDER BY t.topic`);
  return {
    robots: robots.map((r) => ({
      ...r,
      createdAt: iso(r.createdAt)!,
      revokedAt: iso(r.revokedAt),
      lastContactAt: iso(r.lastContactAt),
    })),
    topics,
    mayManage: mayChange(actor, 'robots.manage'),
  };
}
