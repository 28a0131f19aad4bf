import { z } from 'zod';
import { CASE_EVENT_TYPES, ZCaseStatus } from '../caseNames';
import { ZText } from '../forms/ServiceDefinition';
import { ZStoredServiceDefinition } from './catalog';
import { ZDay, ZLocalizedText, ZTimestamp } from './common';

const ZStatus = ZCaseStatus;
const ZEventType = z.enum(CASE_EVENT_TYPES);

/** Where a case stands in plain words, when it is expected done, and whether that has passed. */
const progress = {
  step: ZLocalizedText,
  expectedDate: ZDay,
  overdue: z.boolean(),
};

export const ZFileInfo = z.object({
  id: z.string(),
  fileName: z.string(),
  size: z.number().int(),
  mimeType: z.string(),
});

export const ZSubmitted = z.object({ id: z.string(), number: z.string(), dueDate: ZDay, teamId: z.string() });

export const ZPortalCaseSummary = z.object({
  id: z.string(),
  number: z.string(),
  status: ZStatus,
  serviceName: ZText,
  unitName: z.string(),
  subject: z.string().nullable().describe('The person the case is about, when it is about one.'),
  submittedAt: ZTimestamp,
  ...progress,
});
export const ZPortalCaseList = z.array(ZPortalCaseSummary);

export const ZPortalCase = z.object({
  id: z.string(),
  number: z.string(),
  status: ZStatus,
  version: z.number().int(),
  service: z.object({ id: z.string(), version: z.number().int(), name: ZText }),
  definition: ZStoredServiceDefinition,
  unitName: z.string(),
  answers: z.record(z.string(), z.unknown()),
  masked: z.array(z.string()).describe('Answers that are masked (CPR numbers and other sensitive fields).'),
  submittedAt: ZTimestamp,
  outcome: z.string().nullable(),
  documents: z.array(
    z.object({
      id: z.string(),
      label: ZText,
      why: ZText.optional(),
      field: z.string(),
      satisfied: z.boolean(),
    }),
  ),
  attachments: z.array(ZFileInfo),
  timeline: z.array(
    z.object({
      at: ZTimestamp,
      type: ZEventType,
      body: z.string().nullable(),
      data: z.unknown(),
      actor: z.string().nullable(),
    }),
  ),
  ...progress,
});

export const ZPortalMessageAnswer = z.object({ version: z.number().int(), status: ZStatus });
export const ZUploaded = ZFileInfo;

export const ZQueueItem = z.object({
  id: z.string(),
  number: z.string(),
  status: ZStatus,
  teamId: z.string(),
  unitName: z.string(),
  serviceName: ZText,
  assignee: z.string().nullable(),
  assigneeUserId: z.string().nullable(),
  dueDate: ZDay,
  submittedAt: ZTimestamp,
  ...progress,
});
export const ZQueue = z.array(ZQueueItem);

export const ZTeams = z.array(z.object({ id: z.string(), name: z.string(), area: z.string() }));

export const ZReturnStatistics = z.array(
  z.object({
    reason: z.string().nullable(),
    serviceId: z.string(),
    unitName: z.string(),
    returns: z.number().int(),
  }),
);

export const ZNextCase = z.object({
  case: z.object({ id: z.string() }).nullable().describe('The case taken, or null when the queue is empty.'),
});

export const ZBackofficeCase = z.object({
  id: z.string(),
  number: z.string(),
  status: ZStatus,
  version: z.number().int(),
  teamId: z.string(),
  assigneeUserId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  submitter: z.object({ name: z.string(), email: z.string().nullable() }),
  onBehalfOf: z.string().nullable(),
  stagesReached: z.array(z.string()),
  hiddenFromSubjectUntil: z.string().nullable(),
  definition: ZStoredServiceDefinition,
  answers: z.record(z.string(), z.unknown()),
  masked: z.array(z.string()),
  canReveal: z.boolean(),
  attachments: z.array(ZFileInfo),
  outcome: z.string().nullable(),
  unit: z.object({
    id: z.string(),
    name: z.string(),
    code: z.string().nullable(),
    leaders: z.array(z.string()),
  }),
  person: z
    .object({
      id: z.string(),
      name: z.string(),
      employeeNumber: z.string().nullable(),
      email: z.string().nullable(),
      employments: z.array(
        z.object({
          unitId: z.string(),
          position: z.string(),
          agreement: z.string(),
          weeklyHoursCenti: z.number().int(),
          weeklyHours: z.number(),
          startDate: ZDay,
          endDate: ZDay.nullable(),
        }),
      ),
    })
    .nullable(),
  timeline: z.array(
    z.object({
      id: z.number().int(),
      at: ZTimestamp,
      type: ZEventType,
      internal: z.boolean(),
      body: z.string().nullable(),
      data: z.unknown(),
      actor: z.string().nullable(),
    }),
  ),
  anchors: z.array(z.string()),
  teamMembers: z.array(z.object({ id: z.string(), name: z.string() })),
  returnReasons: z.array(z.object({ code: z.string(), label: ZLocalizedText })),
  templates: z.array(z.object({ id: z.string(), name: z.string(), text: z.string() })),
  ...progress,
  dueDate: ZDay,
});

export const ZRevealedAnswers = z.object({ values: z.record(z.string(), z.unknown()) });

/** What a caseworker's change answers: the case's new version, and what changed with it. */
export const ZCaseChanged = z.object({
  version: z.number().int(),
  stagesReached: z.array(z.string()).optional(),
});

export type TFileInfo = z.infer<typeof ZFileInfo>;
export type TSubmitted = z.infer<typeof ZSubmitted>;
export type TPortalCaseSummary = z.infer<typeof ZPortalCaseSummary>;
export type TPortalCase = z.infer<typeof ZPortalCase>;
export type TPortalMessageAnswer = z.infer<typeof ZPortalMessageAnswer>;
export type TQueueItem = z.infer<typeof ZQueueItem>;
export type TBackofficeCase = z.infer<typeof ZBackofficeCase>;
export type TNextCase = z.infer<typeof ZNextCase>;
export type TCaseChanged = z.infer<typeof ZCaseChanged>;
