import { notADecimal } from './notADecimal';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '@indgang/db';
import { toUnits, type InputIssue, type TKpiBody } from '@indgang/schemas';
import type { Actor } from '../access/Actor';
import { appendAudit } from '../audit/appendAudit';
import { invalidInput, notFound } from '../errors/DomainError';
import { projectFor, staleEdit } from './benefitAccess';

const decimalFields = [
  'baseline',
  'targetPessimistic',
  'targetLikely',
  'targetOptimistic',
  'minutesSavedPerCase',
  'pricePerEffectiveHour',
] as const;

/** Creates or changes a KPI of a project: SMART fields, targets, and where its values come from. */
export async function saveKpi(
  deps: { db: Db },
  actor: Actor,
  projectId: string,
  input: TKpiBody & { expectedVersion?: number },
  kpiId?: string,
): Promise<{ id: string; version: number }> {
  const issues: InputIssue[] = [];
  const centi: Partial<Record<(typeof decimalFields)[number], number | null>> = {};
  for (const field of decimalFields) {
    const raw = input[field];
    if (raw === undefined || raw === '') {
      centi[field] = null;
      continue;
    }
    const units = toUnits(raw, 2);
    if (units === null) issues.push(notADecimal(field, raw));
    centi[field] = units;
  }
  if (input.deadline <= input.baselineDate)
    issues.push({
      path: 'deadline',
      message: {
        da: 'Fristen skal ligge efter datoen for baseline.',
        en: 'The deadline must be after the baseline date.',
      },
    });
  if (
    input.source === 'automation_value_kr' &&
    (centi.minutesSavedPerCase == null || centi.pricePerEffectiveHour == null)
  ) {
    issues.push({
      path: 'minutesSavedPerCase',
      message: {
        da: 'Angiv sparede minutter pr. sag og pris pr. effektiv time for at værdisætte automatiseringen.',
        en: 'Give minutes saved per case and the price per effective hour to value automation.',
      },
    });
  }
  if (issues.length > 0) throw invalidInput('kpi_invalid', issues);
  return deps.db.transaction(async (tx) => {
    await projectFor(tx, actor, projectId, 'manage');
    if (
      input.serviceId &&
      !(await tx.execute(sql`SELECT 1 FROM services WHERE id = ${input.serviceId} LIMIT 1`)).rows[0]
    ) {
      throw invalidInput('kpi_invalid', [
        {
          path: 'serviceId',
          message: {
            da: `Servicen "${input.serviceId}" findes ikke.`,
            en: `The service "${input.serviceId}" does not exist.`,
          },
        },
      ]);
    }
    if (
      input.administrationId &&
      !(
        await tx.execute(
          sql`SELECT 1 FROM org_units WHERE id = ${input.administrationId} AND kind = 'administration'`,
        )
      ).rows[0]
    ) {
      throw invalidInput('kpi_invalid', [
        {
          path: 'administrationId',
          message: {
            da: 'Vælg en forvaltning; andre enheder kan ikke måles.',
            en: 'Choose an administration; other units cannot be measured.',
          },
        },
      ]);
    }
    const params = {
      minutesSavedPerCaseCenti: centi.minutesSavedPerCase ?? undefined,
      pricePerEffectiveHourCenti: centi.pricePerEffectiveHour ?? undefined,
    };
    const values = sql`${input.name}, ${input.unit}, ${input.direction}, ${centi.baseline}, ${input.baselineDate}, ${centi.targetPessimistic}, ${centi.targetLikely}, ${centi.targetOptimistic}, ${input.deadline},
      ${input.howAchieved}, ${input.howMeasured}, ${input.followUpBy}, ${input.followUpWhen}, ${input.source}, ${input.serviceId ?? null}, ${input.administrationId ?? null}, ${JSON.stringify(params)}::jsonb`;
    const columns = sql.raw(
      'name, unit, direction, baseline_centi, baseline_date, target_pessimistic_centi, target_likely_centi, target_optimistic_centi, deadline, how_achieved, how_measured, follow_up_by, follow_up_when, source, service_id, administration_id, params',
    );
    if (!kpiId) {
      const id = randomUUID();
      await tx.execute(
        sql`INSERT INTO kpis (id, project_id, ${columns}) VALUES (${id}, ${projectId}, ${values})`,
      );
      await appendAudit(tx, {
        actorUserId: actor.userId,
        action: 'kpi.create',
        entityType: 'kpi',
        entityId: id,
        details: { projectId, name: input.name, source: input.source },
      });
      return { id, version: 1 };
    }
    const { rows } = await tx.execute<{ version: number }>(
      sql`UPDATE kpis SET (${columns}) = (${values}), version = version + 1 WHERE id = ${kpiId} AND project_id = ${projectId} ${input.expectedVersion ? sql`AND version = ${input.expectedVersion}` : sql``} RETURNING version`,
    );
    if (!rows[0]) {
      if (
        !(await tx.execute(sql`SELECT 1 FROM kpis WHERE id = ${kpiId} AND project_id = ${projectId}`)).rows[0]
      )
        throw notFound({ da: "KPI'en", en: 'The KPI' });
      throw staleEdit();
    }
    await appendAudit(tx, {
      actorUserId: actor.userId,
      action: 'kpi.update',
      entityType: 'kpi',
      entityId: kpiId,
      details: { projectId, name: input.name },
    });
    return { id: kpiId, version: rows[0].version };
  });
}
