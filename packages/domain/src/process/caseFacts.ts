import { sql } from 'drizzle-orm';
import type { Tx } from '../audit/appendAudit';
import { conditionAnswers, type ProcessCase } from './processCase';

/**
 * Facts a decision table may name that are not answers as such: derived from the answers or read
 * from master data, each declared once here by the variable name tables use. A table's variable
 * is looked up here first, then among the answers by its name.
 */
export const CASE_FACTS: Record<string, (tx: Tx, pc: ProcessCase) => Promise<unknown>> = {
  /** The first trip's date: it chooses the year's rates. */
  tripDate: async (_tx, pc) => pc.periodFrom,
  /**
   * Km already paid to the person this calendar year by the payroll steps of earlier cases of the
   * same service (what this platform sent to payroll; km paid outside it are not known here).
   */
  kmEarlierThisYear: async (tx, pc) => {
    if (!pc.subjectPersonId || !pc.periodFrom) return 0;
    const { rows } = await tx.execute<{ km: string }>(sql`
      SELECT coalesce(sum((s.data->'payroll'->>'km')::numeric), 0)::text AS km
      FROM case_steps s JOIN cases c ON c.id = s.case_id
      WHERE c.subject_person_id = ${pc.subjectPersonId} AND c.service_id = ${pc.serviceId} AND c.id <> ${pc.id}
        AND s.status = 'done' AND s.data->'payroll'->>'year' = ${pc.periodFrom.slice(0, 4)}`);
    return Number(rows[0]?.km ?? 0);
  },
  /** The new hire will work with children ("yes" in the form). */
  directContactWithChildren: async (_tx, pc) => {
    const value = conditionAnswers(pc).worksWithChildren;
    return value === undefined || value === null ? null : value === 'yes';
  },
  /** The age of the youngest children the hire works with, when the form says it. */
  youngestChildAge: async (_tx, pc) => {
    const value = conditionAnswers(pc).youngestChildAge;
    return typeof value === 'number' ? value : null;
  },
};

/** The inputs for a table's variables from the case: declared facts first, then answers by name (null when unknown). */
export async function decisionInputs(
  tx: Tx,
  pc: ProcessCase,
  variables: readonly string[],
): Promise<Record<string, unknown>> {
  const answers = conditionAnswers(pc);
  const inputs: Record<string, unknown> = {};
  for (const name of variables) {
    const fact = CASE_FACTS[name];
    inputs[name] = fact ? await fact(tx, pc) : (answers[name] ?? null);
  }
  return inputs;
}
