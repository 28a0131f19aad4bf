import { sql } from 'drizzle-orm';
import type { CaseAutomation } from '@indgang/schemas';
import { mayChange, type Actor } from '../access/Actor';
import { currentSteps } from '../approvals/getCaseSteps';
import { hiddenFromSubject, requireBackoffice } from '../cases/caseAccess';
import type { CaseDeps } from '../cases/CaseDeps';
import { notFound } from '../errors/DomainError';
import { todayInDenmark } from '../time/isoDate';
import { marksForCase } from '../watchList/watchMarks';
import { SAME_PERSON } from './decideFourEyes';
import { fourEyesMaker } from './fourEyesMaker';

/**
 * A case's process as the back office sees it: its current steps with their deadlines and who must
 * act, the four-eyes check waiting (who did the work, and whether the actor may check it or why
 * not), how automation handled it and why, the watch-list marks that keep it from automation, and
 * the decisions its tables made (table, revision, version, the rules that fired).
 */
export async function getBackofficeCaseSteps(deps: Pick<CaseDeps, 'db'>, actor: Actor, caseId: string) {
  requireBackoffice(actor, false);
  return deps.db.transaction(async (tx) => {
    const { rows } = await tx.execute<{
      version: number;
      submittedBy: string;
      automation: CaseAutomation | null;
      automationReason: string | null;
    }>(sql`
      SELECT c.version, c.submitted_by_user_id AS "submittedBy", c.automation, c.automation_reason AS "automationReason"
      FROM cases c WHERE c.id = ${caseId} AND NOT ${hiddenFromSubject(actor)}`);
    const row = rows[0];
    if (!row) throw notFound({ da: 'Sagen', en: 'The case' });
    const steps = await currentSteps(tx, caseId);
    const check = steps.find((s) => s.kind === 'four_eyes');
    let fourEyes = null;
    if (check) {
      const { maker, makers } = await fourEyesMaker(tx, caseId, check.caseStepId);
      const same = makers.includes(actor.userId) || row.submittedBy === actor.userId;
      const readOnly = !mayChange(actor, 'cases.handle');
      fourEyes = {
        caseStepId: check.caseStepId,
        name: check.name,
        dueDate: check.dueDate,
        overdue: check.overdue,
        maker: maker.name,
        makerSystem: maker.system,
        mayDecide: !same && !readOnly,
        whyNot: same
          ? SAME_PERSON
          : readOnly
            ? { da: 'Din rolle må kun læse sagen.', en: 'Your role may only read the case.' }
            : null,
      };
    }
    const { rows: decisions } = await tx.execute<{
      tableId: string;
      revision: number;
      decisionId: string;
      rules: Array<{ ruleId: string; index: number; description?: string }>;
      outputs: unknown;
      at: Date | string;
    }>(sql`
      SELECT table_id AS "tableId", revision, decision_id AS "decisionId", rules, outputs, at
      FROM case_decisions WHERE case_id = ${caseId} ORDER BY id`);
    return {
      version: row.version,
      steps,
      fourEyes,
      automation: row.automation ? { how: row.automation, reason: row.automationReason } : null,
      watchMarks: await marksForCase(tx, caseId, todayInDenmark()),
      decisions: decisions.map((d) => ({
        tableId: d.tableId,
        revision: d.revision,
        decisionId: d.decisionId,
        rules: d.rules.map((r) => ({ ruleId: r.ruleId, index: r.index, description: r.description ?? null })),
        at: new Date(d.at).toISOString(),
      })),
    };
  });
}
