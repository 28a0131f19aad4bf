import { sql } from 'drizzle-orm';
import type { Tx } from '../../audit/appendAudit';
import { evaluateDecision } from '../../decisions/evaluateDecision';
import { currentDecisionTable, recordCaseDecision } from '../../decisions/storedDecisions';
import { DomainError } from '../../errors/DomainError';
import { todayInDenmark } from '../../time/isoDate';
import type { ActionContext } from '../automatedActions';
import { decisionInputs } from '../caseFacts';
import { decisionOutputs } from '../processCase';

/** A business failure of an action: the case goes to a person with the text. */
export const refuse = (code: string, da: string, en: string) =>
  new DomainError('unprocessable', code, { da, en });

/** Decides with the step's table (newest revision), records the decision on the case; transitions read `decision`. */
export async function decide(context: ActionContext, tableId: string) {
  const { tx, pc, caseStepId } = context;
  const { revision, tables } = await currentDecisionTable({ db: tx }, tableId);
  const names = new Set<string>();
  for (const version of tables.versions) for (const v of version.variables) names.add(v.name);
  if (tables.dateInput) names.add(tables.dateInput);
  const inputs = await decisionInputs(tx, pc, [...names]);
  const decision = { tableId, revision, result: evaluateDecision(tables, inputs, todayInDenmark()) };
  await recordCaseDecision(tx, pc.id, caseStepId, decision, inputs);
  return {
    decision,
    data: {
      decision: {
        tableId,
        revision: decision.revision,
        version: decision.result.version,
        decisionId: decision.result.decisionId,
        outputs: decisionOutputs(decision.result.outputs),
        rules: decision.result.fired.map((r) => r.ruleId),
      },
    },
    system: `rule:${tableId}@${decision.revision}`,
  };
}

/** The outputs of the case's latest decision by a table. */
export async function latestDecision(tx: Tx, caseId: string, tableId: string) {
  const { rows } = await tx.execute<{ outputs: Array<Record<string, unknown>>; revision: number }>(sql`
    SELECT outputs, revision FROM case_decisions WHERE case_id = ${caseId} AND table_id = ${tableId} ORDER BY id DESC LIMIT 1`);
  return rows[0] ? { ...rows[0], outputs: decisionOutputs(rows[0].outputs) } : null;
}
