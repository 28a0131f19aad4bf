import { z } from 'zod';
import { CASE_EVENT_TYPES, ZCaseStatus } from '../caseNames';
import { ZText } from '../forms/ServiceDefinition';
import { ZStoredServiceDefinition } from './catalog';
import { ZDay, ZLocalizedText, ZTimestamp } from './common';
import { ZTemplateInput } from '../replyTemplates';

const ZStatus = ZCaseStatus;
const ZEventType = z.enum(CASE_EVENT_TYPES);

/**
 * Where a case stands in plain words, and its norm-time clock as an SLA timer shows it: when it is
 * expected done, whether that has passed, the norm time, the working days left, and whether the clock
 * runs, stands still while the case waits on the submitter, or has stopped (resolved).
 */
const progress = {
  step: ZLocalizedText,
  expectedDate: ZDay,
  overdue: z.boolean(),
  normTimeDays: z.number().int().describe("The service's norm time in working days."),
  workingDaysLeft: z
    .number()
    .int()
    .nullable()
    .describe(
      'Working days until the deadline (0: due today; negative: past it by that many). While the clock stands still this stays what was left when it stopped. Null once resolved.',
    ),
  clock: z.enum(['running', 'paused', 'stopped']),
  pausedSince: ZDay.nullable().describe(
    'Since when the clock stands still, while the case waits on the submitter.',
  ),
};

/** The outcome a case was resolved with: one of its service's outcomes (`id`), or free text (`id` null). */
export const ZCaseOutcome = z.object({ id: z.string().nullable(), label: ZText });

/** The names of the units and people the answers name, by id, so answers show names instead of ids. */
const ZAnswerNames = z.object({
  units: z.record(z.string(), z.string()),
  persons: z.record(z.string(), z.string()),
});

/** The documentation the service asks of this case, and whether a file satisfies each. */
const ZCaseDocuments = z.array(
  z.object({
    id: z.string(),
    label: ZText,
    why: ZText.optional(),
    field: z.string(),
    satisfied: z.boolean(),
  }),
);

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
/** One page of a case list, with how many cases match in all and the services they are of (for the filter). */
export const ZPortalCaseList = z.object({
  items: z.array(ZPortalCaseSummary),
  total: z.number().int().describe('How many cases match the filter, on all pages.'),
  page: z.number().int(),
  pageSize: z.number().int(),
  services: z
    .array(z.object({ id: z.string(), name: ZText }))
    .describe("The services of the list's cases, whatever the filter: what the service filter offers."),
});

/** What waits on the user, counted: for the start page. */
export const ZCaseCounts = z.object({
  returned: z.number().int().describe('Her cases waiting on her: returned to her, or an answer asked for.'),
  submitted: z.number().int().describe('Her cases received and not yet taken up by a caseworker.'),
  inProgress: z.number().int().describe('Her cases a caseworker is working on.'),
  unitsReturned: z
    .number()
    .int()
    .nullable()
    .describe("Her units' cases waiting on their submitter; null for one who leads no unit."),
  approvals: z
    .number()
    .int()
    .describe('Approvals waiting on her: as the leader a step names, her deputy in force, or a role holder.'),
  queue: z
    .object({
      unassigned: z.number().int(),
      mine: z.number().int(),
      overdue: z.number().int(),
    })
    .nullable()
    .describe("A caseworker's teams' open cases; null for others."),
});

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
  outcome: ZCaseOutcome.nullable(),
  reopenUntil: ZDay.nullable().describe(
    'For a resolved case: the last day the submitter may reopen it (it may be past; then it cannot be reopened).',
  ),
  documents: ZCaseDocuments,
  names: ZAnswerNames,
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
  serviceId: z.string(),
  serviceName: ZText,
  assignee: z.string().nullable(),
  assigneeUserId: z.string().nullable(),
  dueDate: ZDay,
  submittedAt: ZTimestamp,
  submitterActivity: z
    .object({ type: z.enum(['answered', 'message_from_submitter', 'reopened']), at: ZTimestamp })
    .nullable()
    .describe(
      'The submitter answered, wrote or reopened the case after the last thing a caseworker did on it.',
    ),
  ...progress,
});
export const ZQueue = z.array(ZQueueItem);

export const ZTeams = z.array(z.object({ id: z.string(), name: z.string(), area: z.string() }));

export const ZReturnStatistics = z.array(
  z.object({
    reason: z.string().nullable().describe("The return reason's code."),
    reasonLabel: ZLocalizedText.nullable().describe("The reason's label, while the reason is configured."),
    serviceId: z.string(),
    serviceName: ZText,
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
  documents: ZCaseDocuments,
  names: ZAnswerNames,
  outcome: ZCaseOutcome.nullable(),
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
  templates: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      text: z.string().describe("The body with the case's merge fields filled; `inputs` are still to fill."),
      inputs: z.array(ZTemplateInput).describe('What the caseworker fills in before the text can be sent.'),
    }),
  ),
  ...progress,
  dueDate: ZDay,
});

export const ZRevealedAnswers = z.object({ values: z.record(z.string(), z.unknown()) });

/** What a caseworker's change answers: the case's new version, and what changed with it. */
export const ZCaseChanged = z.object({
  version: z.number().int(),
  stagesReached: z.array(z.string()).optional(),
});

export type TCaseOutcome = z.infer<typeof ZCaseOutcome>;
export type TFileInfo = z.infer<typeof ZFileInfo>;
export type TSubmitted = z.infer<typeof ZSubmitted>;
export type TPortalCaseSummary = z.infer<typeof ZPortalCaseSummary>;
export type TPortalCaseList = z.infer<typeof ZPortalCaseList>;
export type TCaseCounts = z.infer<typeof ZCaseCounts>;
export type TPortalCase = z.infer<typeof ZPortalCase>;
export type TPortalMessageAnswer = z.infer<typeof ZPortalMessageAnswer>;
export type TQueueItem = z.infer<typeof ZQueueItem>;
export type TBackofficeCase = z.infer<typeof ZBackofficeCase>;
export type TNextCase = z.infer<typeof ZNextCase>;
export type TCaseChanged = z.infer<typeof ZCaseChanged>;
