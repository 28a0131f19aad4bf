/** A KPI as `GET /api/v1/projects/:id/kpis` answers it: SMART fields, measurements and the monthly series. */
export interface Kpi {
  id: string;
  name: string;
  unit: string;
  direction: string;
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
  source: string;
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
  series: Array<{ month: string; value: number | null; basis: number | null }>;
  points: Array<{ on: string; value: number }>;
  latest: { on: string; value: number } | null;
  progressPercent: number | null;
}

/** What an automatic KPI can be filtered by (`GET /api/v1/benefits/options`). */
export interface KpiOptions {
  services: Array<{ id: string; name: { da: string; en: string } | string }>;
  administrations: Array<{ id: string; name: string }>;
}

/** The KPI form's fields, as typed (empty means not given). */
export const EMPTY_KPI_FORM = {
  name: '',
  unit: 'percent',
  direction: 'decrease',
  baseline: '',
  baselineDate: '',
  targetPessimistic: '',
  targetLikely: '',
  targetOptimistic: '',
  deadline: '',
  howAchieved: '',
  howMeasured: '',
  followUpBy: '',
  followUpWhen: '',
  source: 'manual',
  serviceId: '',
  administrationId: '',
  minutesSavedPerCase: '',
  pricePerEffectiveHour: '',
};

export type KpiFormValues = typeof EMPTY_KPI_FORM;
export type KpiField = keyof KpiFormValues;

/** A stored KPI as form values, to edit it. */
export function kpiFormValues(k: Kpi): KpiFormValues {
  const text = (v: number | null) => (v === null ? '' : String(v));
  return {
    name: k.name,
    unit: k.unit,
    direction: k.direction,
    baseline: String(k.baseline),
    baselineDate: k.baselineDate,
    targetPessimistic: text(k.targetPessimistic),
    targetLikely: String(k.targetLikely),
    targetOptimistic: text(k.targetOptimistic),
    deadline: k.deadline,
    howAchieved: k.howAchieved,
    howMeasured: k.howMeasured,
    followUpBy: k.followUpBy,
    followUpWhen: k.followUpWhen,
    source: k.source,
    serviceId: k.serviceId ?? '',
    administrationId: k.administrationId ?? '',
    minutesSavedPerCase: text(k.minutesSavedPerCase),
    pricePerEffectiveHour: text(k.pricePerEffectiveHour),
  };
}

/** The kinds of a manual measurement, in the order the form offers them. */
export const MEASUREMENT_KINDS = ['before', 'after', 'actual'] as const;
export type MeasurementKind = (typeof MEASUREMENT_KINDS)[number];
export const isMeasurementKind = (kind: string): kind is MeasurementKind =>
  (MEASUREMENT_KINDS as readonly string[]).includes(kind);
