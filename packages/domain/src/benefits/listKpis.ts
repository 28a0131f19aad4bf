import { asc, eq, sql } from 'drizzle-orm';
import { kpiMeasurements, kpis, sqlArray, users, type Db } from '@indgang/db';
import { fromUnits, type KpiSource, type TKpi } from '@indgang/schemas';
import type { Actor } from '../access/Actor';
import { monthEnd, todayInDenmark } from '../time/isoDate';
import { projectFor } from './benefitAccess';
import { judgeMonths } from './judgeMonths';
import { measureMetric, type MetricPoint } from './measureMetric';

/** A KPI as the API answers it; the shape is declared once, in the API contract. */
export type KpiView = TKpi;

/** A KPI's metric parameters as saveKpi stores them (absent: not given). */
type KpiParams = { minutesSavedPerCaseCenti?: number; pricePerEffectiveHourCenti?: number };

/** The KPIs of a project with their measurements, their monthly values when automatic, and progress. */
export async function listKpis(
  deps: { db: Db },
  actor: Actor,
  projectId: string,
  today = todayInDenmark(),
): Promise<KpiView[]> {
  await projectFor(deps.db, actor, projectId, 'read');
  const rows = await deps.db
    .select({
      id: kpis.id,
      name: kpis.name,
      // saveKpi writes these as ZKpiBody allows them: a unit, a direction, a source, and the
      // parameters of a metric in hundredths.
      unit: sql<KpiView['unit']>`${kpis.unit}`,
      direction: sql<KpiView['direction']>`${kpis.direction}`,
      source: sql<KpiSource>`${kpis.source}`,
      params: sql<KpiParams>`${kpis.params}`,
      baselineCenti: kpis.baselineCenti,
      baselineDate: kpis.baselineDate,
      targetPessimisticCenti: kpis.targetPessimisticCenti,
      targetLikelyCenti: kpis.targetLikelyCenti,
      targetOptimisticCenti: kpis.targetOptimisticCenti,
      deadline: kpis.deadline,
      howAchieved: kpis.howAchieved,
      howMeasured: kpis.howMeasured,
      followUpBy: kpis.followUpBy,
      followUpWhen: kpis.followUpWhen,
      serviceId: kpis.serviceId,
      administrationId: kpis.administrationId,
      version: kpis.version,
    })
    .from(kpis)
    .where(eq(kpis.projectId, projectId))
    .orderBy(asc(kpis.createdAt));
  const measurements = await deps.db
    .select({
      id: kpiMeasurements.id,
      kpiId: kpiMeasurements.kpiId,
      measuredOn: kpiMeasurements.measuredOn,
      valueCenti: kpiMeasurements.valueCenti,
      kind: kpiMeasurements.kind,
      note: kpiMeasurements.note,
      recordedByName: users.displayName,
    })
    .from(kpiMeasurements)
    .innerJoin(users, eq(users.id, kpiMeasurements.recordedByUserId))
    .where(sql`${kpiMeasurements.kpiId} = ANY(${sqlArray(rows.map((r) => r.id))}::text[])`)
    .orderBy(asc(kpiMeasurements.measuredOn), asc(kpiMeasurements.id));
  const views: KpiView[] = [];
  for (const r of rows) {
    const c = (v: number | null | undefined) => (v === null || v === undefined ? null : fromUnits(v, 2));
    const params = r.params ?? {};
    const { source, baselineDate } = r;
    // Whole calendar months only: a deadline on any day must not cut a month where another does not,
    // or two KPIs could be subtracted to single out the cases of a few days.
    const end = monthEnd(r.deadline < today ? r.deadline : today);
    const series: MetricPoint[] =
      source === 'manual'
        ? []
        : await measureMetric(
            { db: deps.db },
            source,
            {
              serviceId: r.serviceId,
              administrationId: r.administrationId,
              params,
            },
            `${baselineDate.slice(0, 7)}-01`,
            end,
          );
    const own = measurements
      .filter((m) => m.kpiId === r.id)
      .map((m) => ({
        id: m.id,
        measuredOn: m.measuredOn,
        value: fromUnits(m.valueCenti, 2),
        kind: m.kind,
        note: m.note,
        recordedByName: m.recordedByName,
      }));
    // The current month and months resting on too few cases are listed, but do not count.
    const judged = judgeMonths(series, today);
    const points = [
      ...own
        .filter((m) => m.kind !== 'before')
        .map((m) => ({ on: m.measuredOn, value: m.value, month: null })),
      ...judged.months.flatMap((s) =>
        s.counted && s.valueCenti !== null
          ? [{ on: `${s.month}-01`, value: fromUnits(s.valueCenti, 2), month: s.month }]
          : [],
      ),
    ].sort((a, b) => a.on.localeCompare(b.on));
    const latest = points.at(-1) ?? null;
    const baseline = fromUnits(r.baselineCenti, 2);
    const target = fromUnits(r.targetLikelyCenti, 2);
    views.push({
      id: r.id,
      projectId,
      name: r.name,
      unit: r.unit,
      direction: r.direction,
      baseline,
      baselineDate,
      targetPessimistic: c(r.targetPessimisticCenti),
      targetLikely: target,
      targetOptimistic: c(r.targetOptimisticCenti),
      deadline: r.deadline,
      howAchieved: r.howAchieved,
      howMeasured: r.howMeasured,
      followUpBy: r.followUpBy,
      followUpWhen: r.followUpWhen,
      source,
      serviceId: r.serviceId,
      administrationId: r.administrationId,
      minutesSavedPerCase: c(params.minutesSavedPerCaseCenti),
      pricePerEffectiveHour: c(params.pricePerEffectiveHourCenti),
      version: r.version,
      measurements: own,
      series: judged.months.map((s) => ({
        month: s.month,
        value: s.valueCenti === null ? null : fromUnits(s.valueCenti, 2),
        basis: s.basis,
        counted: s.counted,
        notCounted: s.notCounted,
      })),
      usualBasis: judged.usualBasis,
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
