import { sql } from 'drizzle-orm';
import type { Db } from '@indgang/db';
import type { TRecentDecisions } from '@indgang/schemas';
import type { Actor } from '../access/Actor';
import { unitInScope } from '../access/unitScopeSql';
import { hiddenFromSubject } from '../cases/caseAccess';
import { requireDecisionTableRead } from './decisionTableAccess';
import type { FiredRule } from './types';

/** The newest decisions a table made, for cases in the actor's reach: case number, when, revision and rules. */
export async function listRecentDecisions(
  deps: { db: Db },
  actor: Actor,
  tableId: string,
  limit = 20,
): Promise<TRecentDecisions> {
  requireDecisionTableRead(actor);
  const { rows } = await deps.db.execute<{
    case_id: string;
    number: string;
    at: string | Date;
    revision: number;
    decision_id: string;
    rules: FiredRule[];
  }>(sql`
    SELECT d.case_id, c.number, d.at, d.revision, d.decision_id, d.rules
    FROM case_decisions d JOIN cases c ON c.id = d.case_id JOIN org_units u ON u.id = c.unit_id
    WHERE d.table_id = ${tableId} AND ${unitInScope(actor, sql.raw('u.path'))} AND NOT ${hiddenFromSubject(actor)}
    ORDER BY d.at DESC, d.id DESC LIMIT ${limit}`);
  return {
    decisions: rows.map((r) => ({
      caseId: r.case_id,
      caseTitle: r.number,
      at: new Date(r.at).toISOString(),
      revision: r.revision,
      decisionId: r.decision_id,
      rules: r.rules,
    })),
  };
}
