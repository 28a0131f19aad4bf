import { sql } from 'drizzle-orm';
import type { Db } from '@indgang/db';
import { checkBusinessCase, computeBusinessCase, type BusinessCaseResult } from '@indgang/schemas';
import type { Actor } from '../access/Actor';
import { appendAudit } from '../audit/appendAudit';
import { invalidInput } from '../errors/DomainError';
import { projectFor, staleEdit } from './benefitAccess';

/**
 * Saves a project's business case after checking every line; refused as stale when someone saved
 * another version meanwhile (expectedVersion 0: there was none).
 */
export async function saveBusinessCase(
  deps: { db: Db },
  actor: Actor,
  projectId: string,
  data: unknown,
  expectedVersion?: number,
): Promise<{ version: number; result: BusinessCaseResult }> {
  const checked = checkBusinessCase(data);
  if (!checked.value) throw invalidInput('business_case_invalid', checked.issues);
  const result = computeBusinessCase(checked.value);
  return deps.db.transaction(async (tx) => {
    await projectFor(tx, actor, projectId, 'manage');
    const { rows } = await tx.execute<{ version: number }>(sql`
      INSERT INTO business_cases (project_id, data, updated_by_user_id) VALUES (${projectId}, ${JSON.stringify(data)}::jsonb, ${actor.userId})
      ON CONFLICT (project_id) DO UPDATE SET data = excluded.data, updated_by_user_id = excluded.updated_by_user_id, updated_at = now(), version = business_cases.version + 1
      WHERE ${expectedVersion === undefined ? sql`true` : sql`business_cases.version = ${expectedVersion}`}
      RETURNING version`);
    const version = rows[0]?.version;
    if (version === undefined) throw staleEdit();
    await appendAudit(tx, {
      actorUserId: actor.userId,
      action: 'business_case.save',
      entityType: 'project',
      entityId: projectId,
      details: { version, paybackYears: result.paybackYears, lines: result.lines.length },
    });
    return { version, result };
  });
}
