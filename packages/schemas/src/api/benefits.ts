import { z } from 'zod';
import { ZText } from '../forms/ServiceDefinition';
import {
  KPI_SOURCES,
  KPI_UNITS,
  MEASUREMENT_KINDS,
  PROGRAMME_STATUSES,
  PROJECT_STATUSES,
  RISK_LEVELS,
} from '../benefits/benefitSchemas';
import { LINE_AREAS, LINE_KINDS } from '../benefits/evaluateBusinessCase';
import { TREE_LAYERS } from '../benefits/checkBenefitTree';
import { ZDay, ZTimestamp } from './common';

const kinds = z.enum(LINE_KINDS);
const areas = z.enum(LINE_AREAS);
const byArea = z.object({ service: z.array(z.number()), capital: z.array(z.number()) });

/** A business case as people write it: amounts in 1,000 DKK (numbers or Danish decimal text), one per year. */
export const ZBusinessCaseInput = z
  .object({
    title: z.string(),
    priceLevel: z.number().int(),
    firstYear: z.number().int(),
    lines: z.array(
      z.object({
        label: z.string(),
        kind: kinds,
        area: areas,
        amounts: z.array(z.union([z.number(), z.string()])),
      }),
    ),
    committees: z
      .array(z.object({ name: z.string(), keyPercent: z.union([z.number(), z.string()]) }))
      .optional(),
  })
  .meta({ id: 'BusinessCase', description: 'A business case as written.' });

/** The computed rows of the Danish municipal layout, in 1,000 DKK. */
export const ZBusinessCaseResult = z
  .object({
    title: z.string(),
    priceLevel: z.number().int(),
    unit: z.literal('1.000 kr.'),
    years: z.array(z.number().int()),
    permanentByArea: byArea,
    permanentTotal: z.array(z.number()),
    implementationByArea: byArea,
    implementationTotal: z.array(z.number()),
    total: z.array(z.number()),
    cumulative: z.array(z.number()),
    paybackYears: z.number().int().nullable(),
    paybackYear: z.number().int().nullable(),
    paybackServiceYears: z.number().int().nullable(),
    lines: z.array(
      z.object({
        label: z.string(),
        kind: kinds,
        area: areas,
        amounts: z.array(z.number()),
        sum: z.number(),
      }),
    ),
    committees: z.array(
      z.object({
        name: z.string(),
        keyPercent: z.number(),
        permanentTotal: z.array(z.number()),
        implementationTotal: z.array(z.number()),
        total: z.array(z.number()),
      }),
    ),
  })
  .meta({ id: 'BusinessCaseResult' });

export const ZProgrammeSummary = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  status: z.enum(PROGRAMME_STATUSES),
  ownerName: z.string(),
  projectCount: z.number().int(),
});
export const ZProgrammeList = z.array(ZProgrammeSummary);

const projectFields = {
  id: z.string(),
  name: z.string(),
  description: z.string(),
  status: z.enum(PROJECT_STATUSES),
  riskLevel: z.enum(RISK_LEVELS),
  riskDescription: z.string(),
  version: z.number().int(),
  ownerUserId: z.string(),
  ownerName: z.string(),
  benefitOwnerUserId: z.string(),
  benefitOwnerName: z.string(),
};

export const ZProgramme = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  status: z.enum(PROGRAMME_STATUSES),
  version: z.number().int(),
  ownerUserId: z.string(),
  ownerName: z.string(),
  projects: z.array(z.object({ ...projectFields, kpiCount: z.number().int() })),
});

export const ZProject = z.object({
  ...projectFields,
  programmeId: z.string(),
  programmeName: z.string(),
  canManage: z.boolean(),
  canRecord: z.boolean().describe('Whether the user may record measurements and realised benefits.'),
});

export const ZSaved = z.object({ id: z.string(), version: z.number().int() });
export const ZVersion = z.object({ version: z.number().int() });

export const ZBenefitOptions = z.object({
  services: z.array(z.object({ id: z.string(), name: ZText })),
  administrations: z.array(z.object({ id: z.string(), name: z.string() })),
});
export const ZPeople = z.array(z.object({ id: z.string(), displayName: z.string() }));

export const ZStoredBusinessCase = z.object({
  data: ZBusinessCaseInput.nullable().describe('The business case as written; null: none written yet.'),
  version: z.number().int(),
  result: ZBusinessCaseResult.nullable(),
  updatedAt: ZTimestamp.nullable().describe('When it was last saved.'),
  updatedByName: z.string().nullable(),
});
export const ZBusinessCaseSaved = z.object({ version: z.number().int(), result: ZBusinessCaseResult });

export const ZBenefitTree = z.object({
  nodes: z.array(
    z.object({
      id: z.string(),
      layer: z.enum(TREE_LAYERS),
      label: z.string(),
      benefitKind: z.enum(['economic', 'quality']).optional(),
      note: z.string().optional(),
    }),
  ),
  links: z.array(z.object({ from: z.string(), to: z.string() })),
  version: z.number().int(),
  projectName: z.string(),
});

const point = z.object({
  on: ZDay,
  value: z.number(),
  month: z
    .string()
    .nullable()
    .describe(
      'The calendar month (YYYY-MM) a value measured from the cases stands for; null for a measurement.',
    ),
});
/** Why a month measured from the cases does not count towards the latest value. */
export const NOT_COUNTED_REASONS = ['unfinished', 'suppressed', 'fewCases'] as const;
export const ZKpi = z.object({
  id: z.string(),
  projectId: z.string(),
  name: z.string(),
  unit: z.enum(KPI_UNITS),
  direction: z.enum(['increase', 'decrease']),
  baseline: z.number(),
  baselineDate: ZDay,
  targetPessimistic: z.number().nullable(),
  targetLikely: z.number(),
  targetOptimistic: z.number().nullable(),
  deadline: ZDay,
  howAchieved: z.string(),
  howMeasured: z.string(),
  followUpBy: z.string(),
  followUpWhen: z.string(),
  source: z.enum(KPI_SOURCES),
  serviceId: z.string().nullable(),
  administrationId: z.string().nullable(),
  minutesSavedPerCase: z.number().nullable(),
  pricePerEffectiveHour: z.number().nullable(),
  version: z.number().int(),
  measurements: z.array(
    z.object({
      id: z.number().int(),
      measuredOn: ZDay,
      value: z.number(),
      kind: z.enum(MEASUREMENT_KINDS),
      note: z.string(),
      recordedByName: z.string(),
    }),
  ),
  series: z
    .array(
      z.object({
        month: z.string(),
        value: z.number().nullable(),
        basis: z.number().int().nullable(),
        counted: z.boolean().describe('Whether the month counts towards the latest value and progress.'),
        notCounted: z
          .enum(NOT_COUNTED_REASONS)
          .nullable()
          .describe(
            'Why not: the month is not over (unfinished), fewer than five cases (suppressed, no value shown), or far fewer cases than usual (fewCases).',
          ),
      }),
    )
    .describe('Automatic KPIs: monthly values; null where fewer than five cases lie behind one.'),
  usualBasis: z
    .number()
    .nullable()
    .describe('Automatic KPIs: the median number of cases behind a finished month.'),
  points: z.array(point).describe('The values that count: measurements and counted months, by date.'),
  latest: point.nullable(),
  progressPercent: z.number().nullable(),
});
export const ZKpis = z.array(ZKpi);
export const ZMeasurementCreated = z.object({ id: z.number().int() });

export const ZRegisterRow = z.object({
  projectId: z.string(),
  projectName: z.string(),
  year: z.number().int(),
  expected: z
    .number()
    .describe(
      "The business case's permanent change that year, in 1,000 DKK; like every amount of the business case and the register, a saving is negative and a cost positive.",
    ),
  realised: z.number().nullable().describe('What the benefit owner reported, with the same sign.'),
  difference: z
    .number()
    .nullable()
    .describe('Realised minus expected: negative when more was saved than expected.'),
  note: z.string(),
});
export const ZRegister = z.array(ZRegisterRow);

export const ZFollowUpReport = z.object({
  programme: z.object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    status: z.enum(PROGRAMME_STATUSES),
    ownerName: z.string(),
  }),
  generatedOn: ZDay,
  projects: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      status: z.enum(PROJECT_STATUSES),
      riskLevel: z.enum(RISK_LEVELS),
      riskDescription: z.string(),
      ownerName: z.string(),
      benefitOwnerName: z.string(),
      businessCase: z
        .object({
          years: z.array(z.number().int()),
          total: z.array(z.number()),
          cumulative: z.array(z.number()),
          paybackYears: z.number().int().nullable(),
          paybackYear: z.number().int().nullable(),
          priceLevel: z.number().int(),
          investment: z.number(),
          permanentFullYear: z.number(),
          lines: ZBusinessCaseResult.shape.lines,
          permanentTotal: z.array(z.number()),
          implementationTotal: z.array(z.number()),
        })
        .nullable(),
      kpis: z.array(ZKpi),
    }),
  ),
  register: z.array(ZRegisterRow),
});

export type TBusinessCaseResult = z.infer<typeof ZBusinessCaseResult>;
export type TProgrammeSummary = z.infer<typeof ZProgrammeSummary>;
export type TProgramme = z.infer<typeof ZProgramme>;
export type TProject = z.infer<typeof ZProject>;
export type TBenefitOptions = z.infer<typeof ZBenefitOptions>;
export type TStoredBusinessCase = z.infer<typeof ZStoredBusinessCase>;
export type TBenefitTreeView = z.infer<typeof ZBenefitTree>;
export type TKpi = z.infer<typeof ZKpi>;
export type TRegisterRow = z.infer<typeof ZRegisterRow>;
export type TFollowUpReport = z.infer<typeof ZFollowUpReport>;
