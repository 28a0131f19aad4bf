import { sql } from 'drizzle-orm';
import type { Tx } from '../audit/appendAudit';
import { completeLockedStep, lockStep } from './completeStep';
import { lockProcessCase } from './processCase';
import type { ProcessServices } from './ProcessServices';

/**
 * An event a case's wait steps may wait for (e.g. 'certificate.received') has happened: every
 * active wait step of the case waiting for it ends, named as done by `by` (the integration or
 * person that reported it), and the process goes on. Returns how many steps it ended; none when
 * the case waits for no such event, so a repeated signal changes nothing.
 */
export async function signalProcessEvent(
  tx: Tx,
  services: ProcessServices,
  caseId: string,
  event: string,
  by: string,
): Promise<number> {
  const pc = await lockProcessCase(tx, caseId);
  const { rows } = await tx.execute<{ id: string }>(sql`
    SELECT id FROM case_steps WHERE case_id = ${caseId} AND kind = 'wait' AND status = 'active' AND data->>'event' = ${event}
    ORDER BY id`);
  let ended = 0;
  for (const { id } of rows) {
    const row = await lockStep(tx, Number(id));
    if (row?.status !== 'active' || pc.status === 'resolved') continue;
    await completeLockedStep(tx, services, pc, row, {
      caseStepId: Number(id),
      result: 'done',
      by: { system: by },
      data: { event },
    });
    ended += 1;
  }
  return ended;
}
