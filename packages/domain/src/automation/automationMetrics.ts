import { sql } from 'drizzle-orm';
import type { ProcessStepKind, TText } from '@indgang/schemas';
import { can, type Actor } from '../access/Actor';
import type { CaseDeps } from '../cases/CaseDeps';
import { DomainError } from '../errors/DomainError';
import { SMALL_CELL_LIMIT } from '../benefits/measureMetric';
import { minutesSavedSql } from './minutesSavedSql';

export interface ReasonCount {
  reason: string;
  count: number;
}

/**
 * A reason in the figures: watch-list marks are counted together (their own reasons name persons),
 * the exclusion criteria by the criterion, failures by their error in plain words.
 */
const reasonBucket = sql`CASE WHEN c.automation_reason LIKE 'Obsliste%' THEN 'Obsliste'
  ELSE coalesce(c.automation_reason, 'Ingen årsag angivet') END`;

/**
 * How automation does per service and per step, from `from` to `to` (cases submitted then): the
 * cases with an automated process; the shares handled end to end without a person, partly, excluded
 * (and why) and failed to a person (and why); the minutes saved by the effort norms (before: the
 * service's norm by hand; after: the norms of the steps a person still did). Per step: how often it
 * ran, done by automation or by a person, and handed to a person. Aggregates only; a service with
 * fewer than five cases shows no reasons (they could point at a person).
 */
export async function automationMetrics(
  deps: Pick<CaseDeps, 'db'>,
  actor: Actor,
  range: { from: string; to: string },
) {
  if (!can(actor, 'benefits.read') && !can(actor, 'catalog.manage'))
    throw new DomainError('forbidden', 'forbidden', {
      da: 'Automatiseringstallene er for procesejere, teamledere og programledelsen.',
      en: 'The automation figures are for process owners, team leads and programme management.',
    });
  const window = sql`(c.submitted_at AT TIME ZONE 'Europe/Copenhagen')::date BETWEEN ${range.from}::date AND ${range.to}::date`;
  return deps.db.transaction(async (tx) => {
    const { rows: services } = await tx.execute<{
      serviceId: string;
      name: TText;
      effortMinutes: string | null;
      cases: number;
      resolved: number;
      full: number;
      partial: number;
      excluded: number;
      failed: number;
      minutesSaved: string;
    }>(sql`
      SELECT c.service_id AS "serviceId",
        (SELECT sv.definition->'name' FROM services sv WHERE sv.id = c.service_id ORDER BY sv.version DESC LIMIT 1) AS name,
        (SELECT sv.definition->>'effortMinutes' FROM services sv WHERE sv.id = c.service_id ORDER BY sv.version DESC LIMIT 1) AS "effortMinutes",
        count(*)::int AS cases, count(*) FILTER (WHERE c.status = 'resolved')::int AS resolved,
        count(*) FILTER (WHERE c.automation = 'full')::int AS full,
        count(*) FILTER (WHERE c.automation = 'partial')::int AS partial,
        count(*) FILTER (WHERE c.automation = 'excluded')::int AS excluded,
        count(*) FILTER (WHERE c.automation = 'failed')::int AS failed,
        coalesce(sum(${minutesSavedSql('c')}), 0)::text AS "minutesSaved"
      FROM cases c WHERE c.automation IS NOT NULL AND ${window}
      GROUP BY c.service_id ORDER BY c.service_id`);
    const { rows: reasons } = await tx.execute<{
      serviceId: string;
      how: string;
      reason: string;
      count: number;
    }>(sql`
      SELECT c.service_id AS "serviceId", c.automation AS how, ${reasonBucket} AS reason, count(*)::int AS count
      FROM cases c WHERE c.automation IN ('excluded', 'failed') AND ${window}
      GROUP BY 1, 2, 3 ORDER BY 4 DESC, 3`);
    const { rows: steps } = await tx.execute<{
      serviceId: string;
      stepId: string;
      kind: ProcessStepKind;
      name: TText | null;
      effortMinutes: string | null;
      ran: number;
      bySystem: number;
      byPerson: number;
      handedOver: number;
    }>(sql`
      SELECT c.service_id AS "serviceId", s.step_id AS "stepId", min(s.kind) AS kind,
        (SELECT st->'name' FROM services sv CROSS JOIN LATERAL jsonb_array_elements(coalesce(sv.definition->'process'->'steps', '[]'::jsonb)) st
          WHERE sv.id = c.service_id AND st->>'id' = s.step_id ORDER BY sv.version DESC LIMIT 1) AS name,
        (SELECT st->>'effortMinutes' FROM services sv CROSS JOIN LATERAL jsonb_array_elements(coalesce(sv.definition->'process'->'steps', '[]'::jsonb)) st
          WHERE sv.id = c.service_id AND st->>'id' = s.step_id ORDER BY sv.version DESC LIMIT 1) AS "effortMinutes",
        count(*)::int AS ran,
        count(*) FILTER (WHERE s.status = 'done' AND s.completed_by_system IS NOT NULL)::int AS "bySystem",
        count(*) FILTER (WHERE s.status = 'done' AND s.completed_by_user_id IS NOT NULL)::int AS "byPerson",
        count(*) FILTER (WHERE s.status = 'cancelled')::int AS "handedOver"
      FROM case_steps s JOIN cases c ON c.id = s.case_id
      WHERE c.automation IS NOT NULL AND ${window} AND s.kind NOT IN ('parallel', 'join', 'end')
      GROUP BY c.service_id, s.step_id ORDER BY c.service_id, min(s.id)`);
    const share = (n: number, of: number) => (of === 0 ? 0 : Math.round((10000 * n) / of) / 100);
    return {
      from: range.from,
      to: range.to,
      services: services.map((s) => {
        const small = s.cases < SMALL_CELL_LIMIT;
        const why = (how: string): ReasonCount[] =>
          small
            ? []
            : reasons
                .filter((r) => r.serviceId === s.serviceId && r.how === how)
                .map(({ reason, count }) => ({ reason, count }));
        return {
          serviceId: s.serviceId,
          name: s.name,
          effortMinutes: s.effortMinutes === null ? null : Number(s.effortMinutes),
          cases: s.cases,
          resolved: s.resolved,
          full: s.full,
          partial: s.partial,
          excluded: s.excluded,
          failed: s.failed,
          fullShare: share(s.full, s.cases),
          excludedShare: share(s.excluded, s.cases),
          failedShare: share(s.failed, s.cases),
          minutesSaved: Math.round(Number(s.minutesSaved)),
          excludedWhy: why('excluded'),
          failedWhy: why('failed'),
          steps: steps
            .filter((st) => st.serviceId === s.serviceId)
            .map(({ serviceId: _s, effortMinutes, ...st }) => ({
              ...st,
              effortMinutes: effortMinutes === null ? null : Number(effortMinutes),
              automatedShare: share(st.bySystem, st.ran),
              minutesSaved: st.bySystem * (effortMinutes === null ? 0 : Number(effortMinutes)),
            })),
        };
      }),
    };
  });
}
