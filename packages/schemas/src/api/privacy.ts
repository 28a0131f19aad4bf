import { z } from 'zod';
import { ZRetention, ZText } from '../forms/ServiceDefinition';
import { ZDay, ZTimestamp } from './common';

const when = ZTimestamp.nullable();

/** Everything Indgang holds about a person, for her request under GDPR art. 15. */
export const ZPersonDataExport = z.object({
  generatedAt: ZTimestamp,
  generatedBy: z.string(),
  person: z.object({
    id: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    email: z.string().nullable(),
    employeeNumber: z.string().nullable(),
    cpr: z.string().nullable(),
    cprIsTestData: z.boolean(),
  }),
  employments: z.array(
    z.object({
      unit: z.string(),
      position: z.string(),
      agreement: z.string(),
      weeklyHours: z.number(),
      seniorityDate: ZDay.nullable(),
      startDate: ZDay,
      endDate: ZDay.nullable(),
    }),
  ),
  leaderOf: z.array(z.string()),
  users: z.array(
    z.object({
      id: z.string(),
      displayName: z.string(),
      email: z.string().nullable(),
      locale: z.string(),
      roles: z.array(z.string()),
      createdAt: when,
    }),
  ),
  delegations: z.array(
    z.object({
      unit: z.string(),
      validFrom: ZDay,
      validTo: ZDay,
      revoked: z.boolean(),
      direction: z.enum(['received', 'given']),
    }),
  ),
  casesAbout: z.array(
    z.object({
      number: z.string(),
      service: z.string(),
      unit: z.string(),
      status: z.string(),
      submittedAt: when,
      resolvedAt: when,
      outcome: z.string().nullable(),
      answers: z.unknown(),
      timeline: z.array(
        z.object({
          at: when,
          type: z.string(),
          internal: z.boolean(),
          body: z.string().nullable(),
          by: z.string().nullable(),
        }),
      ),
      files: z.array(
        z.object({
          fileName: z.string(),
          mimeType: z.string(),
          size: z.number().int(),
          sha256: z.string(),
          contentBase64: z.string(),
        }),
      ),
    }),
  ),
  casesSubmitted: z.array(
    z.object({
      number: z.string(),
      service: z.string(),
      unit: z.string(),
      status: z.string(),
      submittedAt: when,
      resolvedAt: when,
    }),
  ),
  drafts: z.array(z.object({ serviceId: z.string(), updatedAt: when })),
  withheldCases: z
    .number()
    .int()
    .describe('Cases about her that their service keeps from her until a stage.'),
  legalHolds: z.array(
    z.object({ reason: z.string(), caseNumber: z.string().nullable(), setAt: when, releasedAt: when }),
  ),
  readsOfPersonalData: z.array(z.object({ at: when, action: z.string(), what: z.string(), by: z.string() })),
});

export const ZRetentionOverview = z.object({
  lastRun: ZDay.nullable(),
  services: z.array(
    z.object({
      id: z.string(),
      name: ZText,
      kle: z.string().nullable(),
      retention: ZRetention.nullable(),
      cases: z.number().int(),
      anonymised: z.number().int(),
    }),
  ),
});

export const ZLegalHolds = z.array(
  z.object({
    id: z.string(),
    caseId: z.string().nullable(),
    caseNumber: z.string().nullable(),
    personId: z.string().nullable(),
    personName: z.string().nullable(),
    reason: z.string(),
    setAt: ZTimestamp,
    setBy: z.string(),
  }),
);

export type TPersonDataExport = z.infer<typeof ZPersonDataExport>;
export type TRetentionOverview = z.infer<typeof ZRetentionOverview>;
export type TLegalHold = z.infer<typeof ZLegalHolds>[number];
