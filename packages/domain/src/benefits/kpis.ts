import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '@indgang/db';
import {
  fromUnits,
  toUnits,
  type InputIssue,
  type KpiSource,
  type TKpiBody,
  type TMeasurementBody,
} from '@indgang/schemas';
import type { Actor } from '../access/Actor';
import { appendAudit } from '../audit/appendAudit';
import { invalidInput, notFound } from '../errors/DomainError';
import { monthEnd, todayInDenmark } from '../time/isoDate';
import { projectFor, staleEdit } from './benefitAccess';
import { measureMetric, type MetricPoint } from './measureMetric';

export interface KpiView {
  id: string;
  projectId: string;
  name: string;
  unit: string;
  direction: 'increase' | 'decrease';
  baseline: number;
  baselineDate: string;
  targetPessimistic: number | null;
  targetLikely: number;
  targetOptimistic: number | null;
  deadline: string;
  howAchieved: string;
  howMeasured: string;
  followUpBy: string;
  followUpWhen: string;
  source: KpiSource;
  serviceId: string | null;
  administrationId: string | null;
  minutesSavedPerCase: number | null;
  pricePerEffectiveHour: number | null;
  version: number;
  measurements: Array<{
    id: number;
    measuredOn: string;
    value: number;
    kind: string;
    note: string;
    recordedByName: string;
  }>;
  /** Automatic KPIs: the monthly values measured from the cases; null where fewer than five cases lie behind it. */
  series: Array<{ month: string; value: number | null; basis: number | null }>;
  /** Hand-entered values after the baseline and the automatic monthly values, in date order: what the chart draws. */
  points: Array<{ on: string; value: number }>;
  latest: { on: string; value: number } | null;
  /** How far from baseline to the likely target the latest value has come, in percent. */
  progressPercent: number | null;
}

const notADecimal = (path: string, raw: unknown): InputIssue => ({
  path,
  message: {
    da: `${JSON.stringify(raw)} er ikke et tal med højst 2 decimaler.`,
    en: `${JSON.stringify(raw)} is not a number with at most 2 decimals.`,
  },
});

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
    const { rows } = await tx.execute(
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
    return { id: kpiId, version: rows[0].version as number };
  });
}

/** The KPIs of a project with their measurements, their monthly values when automatic, and progress. */
export async function listKpis(
  deps: { db: Db },
  actor: Actor,
  projectId: string,
  today = todayInDenmark(),
): Promise<KpiView[]> {
  await projectFor(deps.db, actor, projectId, 'read');
  const { rows } = await deps.db.execute(
    sql`SELECT * FROM kpis WHERE project_id = ${projectId} ORDER BY created_at`,
  );
  const measurements = await deps.db.execute(sql`
    SELECT m.id, m.kpi_id, m.measured_on, m.value_centi, m.kind, m.note, u.display_name FROM kpi_measurements m JOIN users u ON u.id = m.recorded_by_user_id
    WHERE m.kpi_id = ANY(${`{${rows.map((r) => r.id).join(',')}}`}::text[]) ORDER BY m.measured_on, m.id`);
  const views: KpiView[] = [];
  for (const r of rows) {
    const c = (v: unknown) => (v === null || v === undefined ? null : fromUnits(Number(v), 2));
    const params = (r.params ?? {}) as {
      minutesSavedPerCaseCenti?: number;
      pricePerEffectiveHourCenti?: number;
    };
    const source = r.source as KpiSource;
    const baselineDate = r.baseline_date as string;
    // Whole calendar months only: a deadline on any day must not cut a month where another does not,
    // or two KPIs could be subtracted to single out the cases of a few days.
    const end = monthEnd((r.deadline as string) < today ? (r.deadline as string) : today);
    const series: MetricPoint[] =
      source === 'manual'
        ? []
        : await measureMetric(
            deps.db,
            source,
            {
              serviceId: r.service_id as string | null,
              administrationId: r.administration_id as string | null,
              params,
            },
            `${baselineDate.slice(0, 7)}-01`,
            end,
          );
    const own = measurements.rows
      .filter((m) => m.kpi_id === r.id)
      .map((m) => ({
        id: Number(m.id),
        measuredOn: m.measured_on as string,
        value: fromUnits(Number(m.value_centi), 2),
        kind: m.kind as string,
        note: m.note as string,
        recordedByName: m.display_name as string,
      }));
    const points = [
      ...own.filter((m) => m.kind !== 'before').map((m) => ({ on: m.measuredOn, value: m.value })),
      ...series.flatMap((s) =>
        s.suppressed ? [] : [{ on: `${s.month}-01`, value: fromUnits(s.valueCenti, 2) }],
      ),
    ].sort((a, b) => a.on.localeCompare(b.on));
    const latest = points.at(-1) ?? null;
    const baseline = fromUnits(Number(r.baseline_centi), 2);
    const target = fromUnits(Number(r.target_likely_centi), 2);
    views.push({
      id: r.id as string,
      projectId,
      name: r.name as string,
      unit: r.unit as string,
      direction: r.direction as 'increase' | 'decrease',
      baseline,
      baselineDate,
      targetPessimistic: c(r.target_pessimistic_centi),
      targetLikely: target,
      targetOptimistic: c(r.target_optimistic_centi),
      deadline: r.deadline as string,
      howAchieved: r.how_achieved as string,
      howMeasured: r.how_measured as string,
      followUpBy: r.follow_up_by as string,
      followUpWhen: r.follow_up_when as string,
      source,
      serviceId: r.service_id as string | null,
      administrationId: r.administration_id as string | null,
      minutesSavedPerCase: c(params.minutesSavedPerCaseCenti),
      pricePerEffectiveHour: c(params.pricePerEffectiveHourCenti),
      version: Number(r.version),
      measurements: own,
      series: series.map((s) => ({
        month: s.month,
        value: s.suppressed ? null : fromUnits(s.valueCenti, 2),
        basis: s.basis,
      })),
      points,
      latest,
      progressPercent:
        latest && target !== baseline
          ? Math.round((1000 * (latest.value - baseline)) / (target - baseline)) / 10
          : null,
    });
  }
  return views;
}

/** A before, after or running measurement entered by hand (by the benefit owner or a benefit role). */
export async function recordMeasurement(
  deps: { db: Db },
  actor: Actor,
  kpiId: string,
  input: TMeasurementBody,
): Promise<{ id: number }> {
  const valueCenti = toUnits(input.value, 2);
  if (valueCenti === null) throw invalidInput('measurement_invalid', [notADecimal('value', input.value)]);
  return deps.db.transaction(async (tx) => {
    const { rows } = await tx.execute(sql`SELECT project_id FROM kpis WHERE id = ${kpiId}`);
    if (!rows[0]) throw notFound({ da: "KPI'en", en: 'The KPI' });
    await projectFor(tx, actor, rows[0].project_id as string, 'record');
    const inserted = await tx.execute(
      sql`INSERT INTO kpi_measurements (kpi_id, measured_on, value_centi, kind, note, recorded_by_user_id) VALUES (${kpiId}, ${input.measuredOn}, ${valueCenti}, ${input.kind}, ${input.note}, ${actor.userId}) RETURNING id`,
    );
    await appendAudit(tx, {
      actorUserId: actor.userId,
      action: 'kpi.measure',
      entityType: 'kpi',
      entityId: kpiId,
      details: { measuredOn: input.measuredOn, kind: input.kind },
    });
    return { id: Number(inserted.rows[0]!.id) };
  });
}
