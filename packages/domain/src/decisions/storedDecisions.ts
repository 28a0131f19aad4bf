import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Db } from '@indgang/db';
import { caseDecisions } from '@indgang/db';
import type { Tx } from '../audit/appendAudit';
import { appendCaseEvent } from '../cases/appendCaseEvent';
import { decisionError } from './decisionError';
import { evaluateDecision } from './evaluateDecision';
import { parseDecisionTables } from './parseDecisionTables';
import type { DecisionInputs, DecisionResult, DecisionTableVersions } from './types';

/**
 * Installs the catalogue's decision tables (`catalog/decisions/*.dmn`) as revision 1 of each table
 * the database does not have yet; a table the configurator has changed keeps her revisions.
 */
export async function installDecisionTables(
  deps: { db: Pick<Db, 'execute'> },
  catalogDir: string,
): Promise<number> {
  const dir = join(catalogDir, 'decisions');
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.dmn')).sort();
  let installed = 0;
  for (const file of files) {
    const xml = await readFile(join(dir, file), 'utf8');
    const tables = await parseDecisionTables(xml); // refuses a file that could fail at run time
    const { rows } = await deps.db.execute<{ id: string }>(sql`
      INSERT INTO decision_tables (id, revision, xml) VALUES (${tables.key}, 1, ${xml})
      ON CONFLICT DO NOTHING RETURNING id`);
    installed += rows.length;
  }
  return installed;
}

/** Parsed tables by id and revision: a revision never changes, so it is parsed once per process. */
const parsed = new Map<string, Promise<DecisionTableVersions>>();

/** The newest revision of a stored table, parsed and compiled. */
export async function currentDecisionTable(
  deps: { db: Pick<Db, 'execute'> },
  tableId: string,
): Promise<{ revision: number; tables: DecisionTableVersions }> {
  const { rows } = await deps.db.execute<{ revision: number; xml: string }>(sql`
    SELECT revision, xml FROM decision_tables WHERE id = ${tableId} ORDER BY revision DESC LIMIT 1`);
  const row = rows[0];
  if (!row)
    throw decisionError(
      'decision_table_missing',
      {
        da: `Beslutningstabellen "${tableId}" findes ikke.`,
        en: `The decision table "${tableId}" does not exist.`,
      },
      'not_found',
    );
  const key = `${tableId}@${row.revision}`;
  let tables = parsed.get(key);
  if (!tables) {
    tables = parseDecisionTables(row.xml);
    parsed.set(key, tables);
    tables.catch(() => parsed.delete(key));
  }
  return { revision: row.revision, tables: await tables };
}

export interface StoredDecision {
  tableId: string;
  revision: number;
  result: DecisionResult;
}

/** Decides with the newest revision of a stored table (the version by the date, see evaluateDecision). */
export async function decideWithStoredTable(
  deps: { db: Pick<Db, 'execute'> },
  tableId: string,
  inputs: DecisionInputs,
  on?: string,
): Promise<StoredDecision> {
  const { revision, tables } = await currentDecisionTable(deps, tableId);
  return { tableId, revision, result: evaluateDecision(tables, inputs, on) };
}

/**
 * Records what a table decided for a case, in the transaction that acts on it: the row a
 * configurator reads back ("which rule fired for this case") and an internal timeline entry.
 */
export async function recordCaseDecision(
  tx: Tx,
  caseId: string,
  caseStepId: number | null,
  decision: StoredDecision,
  inputs: DecisionInputs,
): Promise<void> {
  const { result } = decision;
  await tx.insert(caseDecisions).values({
    caseId,
    caseStepId,
    tableId: decision.tableId,
    revision: decision.revision,
    decisionId: result.decisionId,
    inputs,
    outputs: result.outputs,
    rules: result.fired,
  });
  await appendCaseEvent(tx, {
    caseId,
    actorUserId: null,
    type: 'decision',
    data: {
      tableId: decision.tableId,
      revision: decision.revision,
      version: result.version,
      decisionId: result.decisionId,
      rules: result.fired.map((r) => ({ ruleId: r.ruleId, index: r.index, description: r.description })),
    },
  });
}
