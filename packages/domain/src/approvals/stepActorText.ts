import { sql } from 'drizzle-orm';
import type { Tx } from '../audit/appendAudit';

interface TimelineEventLike {
  type: string;
  at: string;
  data: unknown;
  actor: string | null;
}

type Text = { da: string; en: string };

const record = (v: unknown): Record<string, unknown> | null =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;

const ACTIONS: Record<string, Text> = {
  'payroll.allowance': { da: 'lønindberetning af godtgørelse', en: 'payroll entry of the allowance' },
  'payroll.change': { da: 'lønindberetning af ændringen', en: 'payroll entry of the change' },
  'payroll.createEmployment': {
    da: 'oprettelse af ansættelsen i lønsystemet',
    en: 'creating the employment in payroll',
  },
  'payroll.endEmployment': { da: 'fratrædelse i lønsystemet', en: 'termination in payroll' },
  resolve: { da: 'afslutning af sagen', en: 'closing the case' },
};

/**
 * Names who or what did each step of a timeline in plain words (`data.byText`): a person by name
 * ("på vegne af" her leader when she acted as deputy), a decision table with the revision and the
 * version that decided ("Automatisk (regel kilometertakst, revision 1, version 2026)"), a robot by
 * name, a timer or another automated action. The decision's version is read from what the table
 * recorded for the case, so it names the rule version that actually decided.
 */
export async function nameStepActors<E extends TimelineEventLike>(
  tx: Pick<Tx, 'execute'>,
  caseId: string,
  events: E[],
): Promise<E[]> {
  if (!events.some((e) => e.type === 'step')) return events;
  const { rows: decisions } = await tx.execute<{ tableId: string; revision: number; decisionId: string }>(sql`
    SELECT table_id AS "tableId", revision, decision_id AS "decisionId" FROM case_decisions WHERE case_id = ${caseId} ORDER BY id`);
  const { rows: robots } = await tx.execute<{ id: string; name: string }>(sql`
    SELECT r.id, r.name FROM robots r WHERE EXISTS (SELECT 1 FROM case_steps s WHERE s.case_id = ${caseId}
      AND s.completed_by_system IN ('robot:' || r.id, 'robot:' || r.name))`);
  const { rows: deputies } = await tx.execute<{ id: string; name: string }>(sql`
    SELECT us.id, us.display_name AS name FROM users us WHERE us.id IN (
      SELECT s.data->>'deputyFor' FROM case_steps s WHERE s.case_id = ${caseId} AND s.data ? 'deputyFor')`);
  const { rows: stepDeputies } = await tx.execute<{ stepId: string; deputyFor: string }>(sql`
    SELECT step_id AS "stepId", data->>'deputyFor' AS "deputyFor" FROM case_steps WHERE case_id = ${caseId} AND data ? 'deputyFor'`);
  return events.map((e) => {
    const data = record(e.data);
    if (e.type !== 'step' || !data) return e;
    const by = data.by;
    let byText: Text;
    let rule: { tableId: string; revision: number; version: string } | undefined;
    if (typeof by === 'string') {
      const [kind, rest = ''] = [by.slice(0, by.indexOf(':')), by.slice(by.indexOf(':') + 1)];
      if (kind === 'rule') {
        const [tableId = rest, rev = ''] = rest.split('@');
        const revision = Number(rev);
        const decided = decisions.filter((d) => d.tableId === tableId && d.revision === revision).at(-1);
        const version = decided ? decided.decisionId.replace(`${tableId}-`, '') : '?';
        rule = { tableId, revision, version };
        byText = {
          da: `Automatisk (regel ${tableId}, revision ${revision}, version ${version})`,
          en: `Automatic (rule ${tableId}, revision ${revision}, version ${version})`,
        };
      } else if (kind === 'robot') {
        const name = robots.find((r) => r.id === rest || r.name === rest)?.name ?? rest;
        byText = { da: `Robot: ${name}`, en: `Robot: ${name}` };
      } else if (by === 'timer') {
        byText = { da: 'Automatisk (datoen var nået)', en: 'Automatic (the date was reached)' };
      } else if (kind === 'job' && ACTIONS[rest]) {
        byText = { da: `Automatisk (${ACTIONS[rest].da})`, en: `Automatic (${ACTIONS[rest].en})` };
      } else {
        byText = { da: 'Automatisk', en: 'Automatic' };
      }
    } else {
      const deputyFor = stepDeputies.find((s) => s.stepId === data.stepId)?.deputyFor;
      const leader = deputyFor ? deputies.find((d) => d.id === deputyFor)?.name : undefined;
      const name = e.actor ?? '';
      byText = leader
        ? { da: `${name} på vegne af ${leader}`, en: `${name} on behalf of ${leader}` }
        : { da: name, en: name };
    }
    return { ...e, data: { ...data, byText, ...(rule ? { rule } : {}) } };
  });
}
