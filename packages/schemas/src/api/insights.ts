import { z } from 'zod';
import { ZCaseStatus } from '../caseNames';
import { ZText } from '../forms/ServiceDefinition';
import { ZDay, ZTimestamp } from './common';

export const ZBoardTeams = z.array(z.object({ id: z.string(), name: z.string() }));
export type TBoardTeams = z.infer<typeof ZBoardTeams>;

export const ZTeamBoardParams = z.object({ teamId: z.string().min(1).max(100) }).strict();

/** The board's tables, each exported as CSV or Excel. */
export const BOARD_TABLES = ['backlog', 'oldest', 'returns', 'caseworkers'] as const;
export const ZBoardExportParams = z
  .object({
    teamId: z.string().min(1).max(100),
    table: z.enum(BOARD_TABLES),
    format: z.enum(['csv', 'xlsx']),
  })
  .strict();
export const ZBoardExportQuery = z.object({ lang: z.enum(['da', 'en']).default('da') }).strict();

export const ZTeamBoard = z.object({
  teamId: z.string(),
  teamName: z.string(),
  asOf: ZTimestamp.describe('When the figures were counted from the cases.'),
  today: ZDay,
  dueSoonUntil: ZDay.describe('Cases due up to this day (two working days ahead) count as due soon.'),
  windowDays: z.number().int().describe('Days back the returns and the automated share look.'),
  figures: z.object({
    incomingToday: z.number().int(),
    resolvedToday: z.number().int(),
    open: z.number().int(),
    overdue: z.number().int(),
    dueSoon: z.number().int(),
    waitingOnSubmitter: z.number().int(),
    unassigned: z.number().int(),
    resolvedInWindow: z.number().int(),
    automatedInWindow: z.number().int(),
    automatedShare: z
      .number()
      .nullable()
      .describe('Percent of the resolved cases automation resolved end to end.'),
  }),
  backlog: z.array(
    z.object({
      serviceId: z.string(),
      serviceName: ZText.nullable(),
      stepId: z.string().nullable(),
      stepName: ZText.nullable(),
      status: ZCaseStatus,
      cases: z.number().int(),
      overdue: z.number().int(),
    }),
  ),
  oldest: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      serviceName: ZText.nullable(),
      unitName: z.string(),
      status: ZCaseStatus,
      submittedAt: ZTimestamp,
      dueDate: ZDay,
      assignee: z.string().nullable(),
    }),
  ),
  returns: z.array(z.object({ reason: z.string().nullable(), label: ZText, returns: z.number().int() })),
  caseworkers: z
    .array(
      z.object({
        userId: z.string(),
        name: z.string(),
        open: z.number().int(),
        resolvedToday: z.number().int(),
        resolvedInWindow: z.number().int(),
        returnsInWindow: z.number().int(),
      }),
    )
    .nullable()
    .describe("Each caseworker's output: only for the team's own team lead, else null."),
});
export type TTeamBoard = z.infer<typeof ZTeamBoard>;
