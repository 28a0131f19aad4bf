import { sql } from 'drizzle-orm';
import type { Db } from '@indgang/db';
import type { TDecisionTableDetail } from '@indgang/schemas';
import type { Actor } from '../access/Actor';
import { requireDecisionTableRead } from './decisionTableAccess';
import { storedRevision } from './storedRevisions';
import type { DecisionTableVersions } from './types';

/** A table's versions as readable rows: inputs, outputs, hit policy, each rule's cells and description. */
export function describeDecisionTable(
  tables: DecisionTableVersions,
): Omit<TDecisionTableDetail, 'id' | 'revision' | 'revisions'> {
  const variables = new Map<
    string,
    { name: string; type: TDecisionTableDetail['variables'][number]['type'] }
  >();
  for (const v of tables.versions) for (const variable of v.variables) variables.set(variable.name, variable);
  return {
    name: tables.name,
    description: tables.description,
    dateInput: tables.dateInput,
    variables: [...variables.values()],
    versions: tables.versions.map((v) => ({
      decisionId: v.decisionId,
      version: v.version,
      effectiveFrom: v.effectiveFrom,
      effectiveTo: v.effectiveTo,
      name: v.name,
      hitPolicy: v.hitPolicy,
      aggregation: v.aggregation,
      inputs: v.inputs.map((i) => ({ id: i.id, label: i.label, expression: i.expression, type: i.type })),
      outputs: v.outputs.map((o) => ({ id: o.id, name: o.name, label: o.label, type: o.type })),
      rules: v.rules.map((r) => ({
        id: r.id,
        index: r.index,
        description: r.description,
        inputs: r.inputEntries.map((c) => c.text),
        outputs: r.outputEntries.map((c) => c.text),
      })),
    })),
  };
}

/** One table in a revision (the newest without `revision`), with every revision to choose from. */
export async function readDecisionTable(
  deps: { db: Db },
  actor: Actor,
  tableId: string,
  revision?: number,
): Promise<TDecisionTableDetail> {
  requireDecisionTableRead(actor);
  const stored = await storedRevision(deps.db, tableId, revision);
  const { rows } = await deps.db.execute<{
    revision: number;
    created_at: string | Date;
    name: string | null;
  }>(sql`
    SELECT t.revision, t.created_at, u.display_name AS name FROM decision_tables t LEFT JOIN users u ON u.id = t.created_by_user_id
    WHERE t.id = ${tableId} ORDER BY t.revision DESC`);
  return {
    id: tableId,
    revision: stored.revision,
    revisions: rows.map((r) => ({
      revision: r.revision,
      createdAt: new Date(r.created_at).toISOString(),
      createdBy: r.name,
    })),
    ...describeDecisionTable(stored.tables),
  };
}
