import type { Db } from '@indgang/db';
import type { TDecisionOutcome, TDecisionTestBody } from '@indgang/schemas';
import type { Actor } from '../access/Actor';
import { decisionError } from './decisionError';
import { requireDecisionTableRead } from './decisionTableAccess';
import { evaluateDecision } from './evaluateDecision';
import { parseDecisionTables } from './parseDecisionTables';
import { storedRevision } from './storedRevisions';
import type { DecisionResult } from './types';

export function decisionOutcome(revision: number | null, result: DecisionResult): TDecisionOutcome {
  return {
    revision,
    decisionId: result.decisionId,
    version: result.version,
    outputs: result.outputs,
    fired: result.fired,
    matched: result.matched,
  };
}

/**
 * Decides on sample inputs with a saved revision (the newest without one) or with a file not saved
 * yet, so a configurator sees what a table decides before it takes effect: the outputs, the
 * version that applied and the rules that fired. Nothing is recorded.
 */
export async function testDecisionTable(
  deps: { db: Db },
  actor: Actor,
  tableId: string,
  body: TDecisionTestBody,
): Promise<TDecisionOutcome> {
  requireDecisionTableRead(actor);
  if (body.xml !== undefined) {
    const tables = await parseDecisionTables(body.xml);
    if (tables.key !== tableId)
      throw decisionError('decision_key', {
        da: `Filen er tabellen "${tables.key}", ikke "${tableId}".`,
        en: `The file is the table "${tables.key}", not "${tableId}".`,
      });
    return decisionOutcome(null, evaluateDecision(tables, body.inputs, body.on));
  }
  const stored = await storedRevision(deps.db, tableId, body.revision);
  return decisionOutcome(stored.revision, evaluateDecision(stored.tables, body.inputs, body.on));
}
