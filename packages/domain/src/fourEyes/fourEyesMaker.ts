import { sql } from 'drizzle-orm';
import type { Tx } from '../audit/appendAudit';

export interface FourEyesMaker {
  /** The person who did the work the second pair of eyes checks; null when automation did it. */
  userId: string | null;
  name: string | null;
  /** The automation that produced it (a decision table, a job kind, a robot), when no person did. */
  system: string | null;
}

/**
 * Who did what a four-eyes step checks: the step completed just before it on the same case (the
 * caseworker who registered, or the automation that produced it). Everyone who completed a person's
 * step of the case before the check is a maker too, and may not be the checker.
 */
export async function fourEyesMaker(
  tx: Pick<Tx, 'execute'>,
  caseId: string,
  caseStepId: number,
): Promise<{ maker: FourEyesMaker; makers: string[] }> {
  const { rows } = await tx.execute<{
    userId: string | null;
    name: string | null;
    system: string | null;
    kind: string;
  }>(sql`
    SELECT p.completed_by_user_id AS "userId", us.display_name AS name, p.completed_by_system AS system, p.kind
    FROM case_steps p LEFT JOIN users us ON us.id = p.completed_by_user_id
    WHERE p.case_id = ${caseId} AND p.id < ${caseStepId} AND p.status = 'done'
    ORDER BY p.completed_at DESC NULLS LAST, p.id DESC`);
  const makers = new Set<string>();
  for (const r of rows) if (r.userId && r.kind !== 'approval') makers.add(r.userId);
  const last = rows.find((r) => r.kind !== 'parallel' && r.kind !== 'join');
  return {
    maker: last
      ? { userId: last.userId, name: last.name, system: last.system }
      : { userId: null, name: null, system: null },
    makers: [...makers],
  };
}
