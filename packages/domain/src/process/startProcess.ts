import { sql } from 'drizzle-orm';
import type { Tx } from '../audit/appendAudit';
import { enterSteps } from './enterStep';
import { lockProcessCase } from './processCase';
import type { ProcessServices } from './ProcessServices';
import { settleCaseStatus } from './settleCaseStatus';

/**
 * Enters the start step of the case's process (its pinned service version's, DEFAULT_PROCESS when
 * it has none). A case whose process has already started, or that is resolved, is left alone, so
 * a repeated start changes nothing.
 */
export async function startProcess(tx: Tx, services: ProcessServices, caseId: string): Promise<boolean> {
  const pc = await lockProcessCase(tx, caseId);
  if (pc.status === 'resolved') return false;
  const { rows } = await tx.execute<{ n: number }>(sql`
    SELECT count(*)::int AS n FROM case_steps WHERE case_id = ${caseId}`);
  if ((rows[0]?.n ?? 0) > 0) return false;
  await enterSteps(tx, services, pc, [
    { stepId: pc.pinned.process.start, fromCaseStepId: null, fromUserId: null },
  ]);
  await settleCaseStatus(tx, caseId);
  return true;
}
