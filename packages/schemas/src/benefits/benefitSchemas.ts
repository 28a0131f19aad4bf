import { z } from 'zod';
import { ZIsoDate as isoDate } from '../isoDate';

const id = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[A-Za-z0-9._-]+$/, 'invalid id');
const version = z.number().int().positive();
const decimal = z.union([z.number(), z.string().max(30)]);
const shortText = (max: number) => z.string().trim().max(max);

export const PROGRAMME_STATUSES = ['planned', 'active', 'paused', 'completed'] as const;
export const PROJECT_STATUSES = ['idea', 'planned', 'active', 'paused', 'completed', 'stopped'] as const;
export const RISK_LEVELS = ['high', 'medium', 'low'] as const;
export const KPI_UNITS = ['percent', 'days', 'count', 'kroner', 'minutes', 'per100'] as const;
export const KPI_SOURCES = [
  'manual',
  'cases_submitted',
  'lead_time_days',
  'returns_per_100',
  'self_service_share',
  'automated_share',
  'automation_value_kr',
  'automation_minutes_saved',
] as const;
export type KpiSource = (typeof KPI_SOURCES)[number];
export const MEASUREMENT_KINDS = ['before', 'after', 'actual'] as const;

export const ZProgrammeBody = z
  .object({
    name: shortText(200).min(1),
    description: shortText(4000).default(''),
    status: z.enum(PROGRAMME_STATUSES).default('active'),
    expectedVersion: version.optional(),
  })
  .strict();

export const ZProjectBody = z
  .object({
    name: shortText(200).min(1),
    description: shortText(4000).default(''),
    ownerUserId: id,
    benefitOwnerUserId: id,
    status: z.enum(PROJECT_STATUSES),
    riskLevel: z.enum(RISK_LEVELS),
    riskDescription: shortText(4000).default(''),
    expectedVersion: version.optional(),
  })
  .strict();

/** expectedVersion 0: the editor saw none yet. */
const savedVersion = z.number().int().min(0);
export const ZBusinessCaseSaveBody = z
  .object({ data: z.unknown(), expectedVersion: savedVersion.optional() })
  .strict();

export const ZBenefitTreeBody = z
  .object({ nodes: z.unknown(), links: z.unknown(), expectedVersion: savedVersion.optional() })
  .strict();

export const ZKpiBody = z
  .object({
    name: shortText(200).min(1),
    unit: z.enum(KPI_UNITS),
    direction: z.enum(['increase', 'decrease']),
    baseline: decimal,
    baselineDate: isoDate,
    targetPessimistic: decimal.optional(),
    targetLikely: decimal,
    targetOptimistic: decimal.optional(),
    deadline: isoDate,
    howAchieved: shortText(2000).min(1),
    howMeasured: shortText(2000).min(1),
    followUpBy: shortText(200).min(1),
    followUpWhen: shortText(200).min(1),
    source: z.enum(KPI_SOURCES),
    serviceId: z
      .string()
      .regex(/^[a-z][a-z0-9-]*$/)
      .max(80)
      .optional(),
    administrationId: id.optional(),
    minutesSavedPerCase: decimal.optional(),
    pricePerEffectiveHour: decimal.optional(),
  })
  .strict();

export const ZMeasurementBody = z
  .object({
    measuredOn: isoDate,
    value: decimal,
    kind: z.enum(MEASUREMENT_KINDS),
    note: shortText(1000).default(''),
  })
  .strict();

export const ZRealisationBody = z
  .object({
    year: z.number().int().min(1990).max(2100),
    realised: decimal.describe(
      "What the year realised, in 1,000 DKK with the business case's sign: a saving negative, a cost positive.",
    ),
    note: shortText(1000).default(''),
  })
  .strict();

export const ZPeopleQuery = z.object({ q: z.string().trim().min(2).max(100) }).strict();

export type TProgrammeBody = z.infer<typeof ZProgrammeBody>;
export type TProjectBody = z.infer<typeof ZProjectBody>;
export type TKpiBody = z.infer<typeof ZKpiBody>;
export type TMeasurementBody = z.infer<typeof ZMeasurementBody>;
export type TRealisationBody = z.infer<typeof ZRealisationBody>;
