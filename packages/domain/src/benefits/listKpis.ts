import { sql } from 'drizzle-orm';
import { sqlArray, type Db } from '@indgang/db';
import { fromUnits, type KpiSource } from '@indgang/schemas';
import type { Actor } from '../access/Actor';
import { monthEnd, todayInDenmark } from '../time/isoDate';
import { projectFor } from './benefitAccess';
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
    WHERE m.kpi_id = ANY(${sqlArray(rows.map((r) => r.id as string))}::text[]) ORDER BY m.measured_on, m.id`);
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
            { db: deps.db },
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
