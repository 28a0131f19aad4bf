import { sql } from 'drizzle-orm';
import type { Db } from '@indgang/db';
import type { TCaseDecisionTest } from '@indgang/schemas';
import type { Actor } from '../access/Actor';
import { unitInScope } from '../access/unitScopeSql';
import { appendAudit } from '../audit/appendAudit';
import { hiddenFromSubject } from '../cases/caseAccess';
import { DomainError, notFound } from '../errors/DomainError';
import { requireDecisionTableRead } from './decisionTableAccess';
import { evaluateDecision } from './evaluateDecision';
import { storedRevision } from './storedRevisions';
import { decisionOutcome } from './testDecisionTable';
import type { FiredRule, PlainValue } from './types';

/**
 * Which rule fired for a past case (the revision, version and rules recorded when it was decided)
 * beside what the newest revision decides on the same inputs now. A case the table never decided
 * is tested on its answers. Only cases in the actor's reach; the read is audited (the inputs are
 * the case's data).
 */
export async function testDecisionOnCase(
  deps: { db: Db },
  actor: Actor,
  tableId: string,
  caseId: string,
): Promise<TCaseDecisionTest> {
  requireDecisionTableRead(actor);
  const current = await storedRevision(deps.db, tableId);
  return deps.db.transaction(async (tx) => {
    const { rows } = await tx.execute<{
      id: string;
      number: string;
      answers: Record<string, unknown> | null;
      subject_person_id: string | null;
      submitted_on: string;
    }>(sql`
      SELECT c.id, c.number, c.answers, c.subject_person_id, to_char(c.submitted_at AT TIME ZONE 'Europe/Copenhagen', 'YYYY-MM-DD') AS submitted_on
      FROM cases c JOIN org_units u ON u.id = c.unit_id
      WHERE c.id = ${caseId} AND ${unitInScope(actor, sql.raw('u.path'))} AND NOT ${hiddenFromSubject(actor)}`);
    const row = rows[0];
    if (!row) throw notFound({ da: 'Sagen', en: 'The case' });
    const { rows: recorded } = await tx.execute<{
      revision: number;
      decision_id: string;
      inputs: Record<string, PlainValue>;
      outputs: Array<Record<string, PlainValue>>;
      rules: FiredRule[];
      at: string | Date;
    }>(sql`
      SELECT revision, decision_id, inputs, outputs, rules, at FROM case_decisions
      WHERE case_id = ${caseId} AND table_id = ${tableId} ORDER BY at DESC, id DESC LIMIT 1`);
    const past = recorded[0];
    let inputs: Record<string, PlainValue>;
    let then: TCaseDecisionTest['then'] = null;
    if (past) {
      inputs = past.inputs;
      const revision = await storedRevision(tx, tableId, past.revision);
      const version = revision.tables.versions.find((v) => v.decisionId === past.decision_id);
      then = {
        revision: past.revision,
        decisionId: past.decision_id,
        version: version?.version ?? 0,
        outputs: past.outputs,
        fired: past.rules,
        matched: past.rules,
        at: new Date(past.at).toISOString(),
      };
    } else {
      const answers = row.answers ?? {};
      const names = new Set(current.tables.versions.flatMap((v) => v.variables.map((x) => x.name)));
      inputs = Object.fromEntries(
        [...names].filter((n) => answers[n] !== undefined).map((n) => [n, answers[n] as PlainValue]),
      );
    }
    let now: TCaseDecisionTest['now'] = null;
    let nowError: TCaseDecisionTest['nowError'];
    try {
      now = decisionOutcome(current.revision, evaluateDecision(current.tables, inputs, row.submitted_on));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      nowError = error.text;
    }
    await appendAudit(tx, {
      actorUserId: actor.userId,
      action: 'decision_table.case_test',
      entityType: 'case',
      entityId: caseId,
      subjectPersonId: row.subject_person_id ?? undefined,
      details: { tableId, revision: current.revision },
    });
    return {
      caseId,
      caseTitle: row.number,
      source: past ? 'recorded' : 'answers',
      inputs,
      then,
      now,
      nowError,
    };
  });
}
