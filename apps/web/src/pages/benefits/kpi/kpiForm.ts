import { MEASUREMENT_KINDS, type TKpi } from '@indgang/schemas';

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
export function kpiFormValues(k: TKpi): KpiFormValues {
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

/** Whether a stored measurement's kind (text in the answer) is one the form offers. */
export const isMeasurementKind = (kind: string): kind is (typeof MEASUREMENT_KINDS)[number] =>
  (MEASUREMENT_KINDS as readonly string[]).includes(kind);
