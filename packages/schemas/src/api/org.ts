import { z } from 'zod';
import { ZApiError, ZDay } from './common';

export const ZUnitSummary = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  name: z.string(),
  kind: z.string(),
  code: z.string().nullable(),
  depth: z.number().int(),
  employeeCount: z.number().int(),
});
export const ZUnitList = z.array(ZUnitSummary);

export const ZUnitDetail = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  code: z.string().nullable(),
  parentId: z.string().nullable(),
  parentName: z.string().nullable(),
  leaders: z.array(z.object({ personId: z.string(), name: z.string() })),
  children: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })),
  employees: z.array(
    z.object({
      personId: z.string(),
      name: z.string(),
      employeeNumber: z.string().nullable(),
      position: z.string(),
      weeklyHours: z.number(),
    }),
  ),
});

export const ZPersonHit = z.object({
  id: z.string(),
  name: z.string(),
  employeeNumber: z.string().nullable(),
});
export const ZPersonHits = z.array(ZPersonHit);

export const ZPersonDetail = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  employeeNumber: z.string().nullable(),
  cpr: z.string().nullable().describe('Masked (DDMMYY-XXXX) unless `reveal=cpr` was asked and allowed.'),
  cprRevealed: z.boolean(),
  cprIsTestData: z.boolean(),
  employments: z.array(
    z.object({
      unitId: z.string(),
      unitName: z.string(),
      position: z.string(),
      agreement: z.string(),
      weeklyHours: z.number(),
      seniorityDate: ZDay.nullable(),
      startDate: ZDay,
      endDate: ZDay.nullable(),
    }),
  ),
  leaderOf: z.array(z.object({ unitId: z.string(), unitName: z.string() })),
});

export const ZProfile = z.object({ person: ZPersonDetail.nullable() });

export const ZOrgImportResult = z.object({
  importId: z.string(),
  summary: z.object({
    units: z.number().int(),
    people: z.number().int(),
    employments: z.number().int(),
    managers: z.number().int(),
  }),
});

export type TUnitSummary = z.infer<typeof ZUnitSummary>;
export type TUnitDetail = z.infer<typeof ZUnitDetail>;
export type TPersonHit = z.infer<typeof ZPersonHit>;
export type TPersonDetail = z.infer<typeof ZPersonDetail>;
export type TProfile = z.infer<typeof ZProfile>;
export type TOrgImportResult = z.infer<typeof ZOrgImportResult>;

/** The organisation file as CSV: checked row by row by the import, which names each error by row and column. */
export const ZOrgFileCsv = z
  .string()
  .describe(
    'CSV with a header row, `;` or `,` between fields: a row per unit (`unit_id`, `parent_unit_id`, ' +
      '`unit_name`, `unit_kind`, `unit_code`) and a row per employment (`employee_number`, `first_name`, ' +
      '`last_name`, `email`, `cpr`, `unit_id`, `position`, `agreement`, `weekly_hours`, `seniority_date`, ' +
      '`start_date`, `end_date`, `manager_of`); `record` may say `unit` or `affiliation`.',
  );
/** The organisation file as JSON. */
export const ZOrgFileJson = z
  .object({
    units: z.array(z.record(z.string(), z.unknown())),
    people: z.array(z.record(z.string(), z.unknown())),
  })
  .describe(
    'Units (`id`, `parentId`, `name`, `kind`, `code`) and people (`employeeNumber`, `firstName`, `lastName`, ' +
      '`email`, `cpr`, `managerOf`, and `affiliations` with `unitId`, `position`, `agreement`, `weeklyHours`, ' +
      '`seniorityDate`, `startDate`, `endDate`).',
  );
/** A line of the import's progress stream: progress, then the result or the error. */
export const ZOrgImportLine = z.union([
  z.object({
    progress: z.object({
      phase: z.enum(['read', 'validate', 'write']),
      done: z.number().int(),
      total: z.number().int(),
    }),
  }),
  z.object({ result: ZOrgImportResult }),
  ZApiError,
]);
export type TOrgImportLine = z.infer<typeof ZOrgImportLine>;
