import { z } from 'zod';
import { ZCaseStatus } from '../caseNames';
import { ZText } from '../forms/ServiceDefinition';
import { CASE_AUTOMATION, PROCESS_STEP_KINDS } from '../process/ProcessDefinition';
import { ZDay, ZLocalizedText, ZTimestamp } from './common';

/** A case's step that is active now, with its deadline. */
export const ZCurrentStep = z.object({
  caseStepId: z.number().int(),
  stepId: z.string(),
  kind: z.enum(PROCESS_STEP_KINDS),
  name: ZText.nullable(),
  portalText: ZText.nullable().describe('What the submitter reads while the case is at this step.'),
  startedAt: ZTimestamp,
  dueDate: ZDay.nullable().describe("The step's deadline from its norm time in working days."),
  overdue: z.boolean(),
});

export const ZPortalCaseSteps = z.object({
  version: z.number().int(),
  steps: z.array(ZCurrentStep),
  approval: ZCurrentStep.extend({
    onBehalfOf: z.string().nullable().describe('Whose approval it is when the user decides as a deputy.'),
  })
    .nullable()
    .describe('The approval the user may decide now; null when there is none for her.'),
});

export const ZApprovalList = z.object({
  approvals: z.array(
    z.object({
      caseId: z.string(),
      caseStepId: z.number().int(),
      number: z.string(),
      serviceName: ZText,
      stepName: ZText.nullable(),
      submittedBy: z.string(),
      subjectName: z.string().nullable(),
      unitName: z.string(),
      submittedAt: ZTimestamp,
      dueDate: ZDay.nullable(),
      overdue: z.boolean(),
      onBehalfOf: z.string().nullable(),
    }),
  ),
});

export const ZApprovalBody = z
  .object({
    decision: z.enum(['approve', 'reject', 'return']),
    comment: z
      .string()
      .max(4000)
      .optional()
      .describe('Required to reject (the reason) and to return (the message).'),
    expectedVersion: z.number().int().positive(),
  })
  .strict();

export const ZFourEyesBody = z
  .object({
    decision: z.enum(['approve', 'reject']),
    comment: z.string().max(2000).optional().describe('Required to reject.'),
    expectedVersion: z.number().int().positive(),
  })
  .strict();

export const ZDecisionAnswer = z.object({ version: z.number().int(), status: ZCaseStatus });

export const ZWatchMark = z.object({
  id: z.string(),
  target: z.enum(['person', 'unit', 'case']),
  personId: z.string().nullable(),
  unitId: z.string().nullable(),
  caseId: z.string().nullable(),
  targetName: z.string(),
  reason: z.string(),
  until: ZDay.nullable(),
  createdBy: z.string(),
  createdAt: ZTimestamp,
  endedAt: ZTimestamp.nullable(),
  endedBy: z.string().nullable(),
  inForce: z.boolean(),
});

export const ZBackofficeCaseSteps = z.object({
  version: z.number().int(),
  steps: z.array(ZCurrentStep.extend({ assignee: z.string().nullable() })),
  fourEyes: z
    .object({
      caseStepId: z.number().int(),
      name: ZText.nullable(),
      dueDate: ZDay.nullable(),
      overdue: z.boolean(),
      maker: z.string().nullable().describe('The caseworker who did what is checked.'),
      makerSystem: z.string().nullable().describe('The automation that produced it, when no person did.'),
      mayDecide: z.boolean(),
      whyNot: ZLocalizedText.nullable(),
    })
    .nullable(),
  automation: z.object({ how: z.enum(CASE_AUTOMATION), reason: z.string().nullable() }).nullable(),
  watchMarks: z.array(ZWatchMark),
  decisions: z.array(
    z.object({
      tableId: z.string(),
      revision: z.number().int(),
      decisionId: z.string(),
      rules: z.array(
        z.object({ ruleId: z.string(), index: z.number().int(), description: z.string().nullable() }),
      ),
      at: ZTimestamp,
    }),
  ),
});

export const ZWatchListQuery = z
  .object({
    all: z.enum(['true', 'false']).optional().describe('Also ended and expired marks.'),
    personId: z.string().max(100).optional(),
    unitId: z.string().max(100).optional(),
    caseId: z.string().max(100).optional(),
  })
  .strict();

export const ZWatchList = z.object({
  marks: z.array(ZWatchMark),
  counts: z.object({
    persons: z.number().int(),
    units: z.number().int(),
    cases: z.number().int(),
    excluded: z.number().int().describe('Cases the watch list has kept from automation so far.'),
    openKept: z.number().int().describe('Open cases the marks in force keep from automation now.'),
  }),
});

export const ZWatchMarkBody = z
  .object({
    target: z.enum(['person', 'unit', 'case']),
    id: z.string().min(1).max(100),
    reason: z.string().max(1000),
    until: ZDay.nullable(),
  })
  .strict();

export const ZWatchMarkParams = z.object({ id: z.uuid() });

const ZReasonCount = z.object({ reason: z.string(), count: z.number().int() });

export const ZAutomationMetricsQuery = z.object({ from: ZDay.optional(), to: ZDay.optional() }).strict();

export const ZAutomationMetrics = z.object({
  from: ZDay,
  to: ZDay,
  services: z.array(
    z.object({
      serviceId: z.string(),
      name: ZText.nullable(),
      effortMinutes: z.number().nullable(),
      cases: z.number().int(),
      resolved: z.number().int(),
      full: z.number().int(),
      partial: z.number().int(),
      excluded: z.number().int(),
      failed: z.number().int(),
      fullShare: z.number(),
      excludedShare: z.number(),
      failedShare: z.number(),
      minutesSaved: z.number(),
      excludedWhy: z.array(ZReasonCount),
      failedWhy: z.array(ZReasonCount),
      steps: z.array(
        z.object({
          stepId: z.string(),
          kind: z.enum(PROCESS_STEP_KINDS),
          name: ZText.nullable(),
          effortMinutes: z.number().nullable(),
          ran: z.number().int(),
          bySystem: z.number().int(),
          byPerson: z.number().int(),
          handedOver: z.number().int(),
          automatedShare: z.number(),
          minutesSaved: z.number(),
        }),
      ),
    }),
  ),
});

export type TPortalCaseSteps = z.infer<typeof ZPortalCaseSteps>;
export type TApprovalList = z.infer<typeof ZApprovalList>;
export type TApprovalBody = z.infer<typeof ZApprovalBody>;
export type TFourEyesBody = z.infer<typeof ZFourEyesBody>;
export type TBackofficeCaseSteps = z.infer<typeof ZBackofficeCaseSteps>;
export type TWatchMark = z.infer<typeof ZWatchMark>;
export type TWatchList = z.infer<typeof ZWatchList>;
export type TWatchMarkBody = z.infer<typeof ZWatchMarkBody>;
export type TAutomationMetrics = z.infer<typeof ZAutomationMetrics>;
export type TDecisionAnswer = z.infer<typeof ZDecisionAnswer>;
