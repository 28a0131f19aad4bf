import type { FastifyInstance } from 'fastify';
import type { Database } from '@indgang/db';
import {
  addWatchMark,
  automationMetrics,
  decideApproval,
  decideFourEyes,
  endWatchMark,
  getBackofficeCaseSteps,
  getPortalCaseSteps,
  listApprovals,
  listWatchMarks,
  todayInDenmark,
  addDays,
  type WorkCalendar,
} from '@indgang/domain';
import {
  ZApprovalBody,
  ZApprovalList,
  ZAutomationMetrics,
  ZAutomationMetricsQuery,
  ZBackofficeCaseSteps,
  ZCaseParams,
  ZDecisionAnswer,
  ZFourEyesBody,
  ZPortalCaseSteps,
  ZWatchList,
  ZWatchListQuery,
  ZWatchMark,
  ZWatchMarkBody,
  ZWatchMarkParams,
} from '@indgang/schemas';
import { requireActor } from '../http/authenticate';
import { error, json, type ApiTypeProvider } from '../http/contract';
import { idempotent } from '../http/idempotent';

const noCase = error(404, 'No such case, or no approval for the user on it.');
const stale = error(
  409,
  'The case changed since it was read (stale `expectedVersion`), or the step is no longer active.',
);

/**
 * People's part of the process engine: a leader's approvals, the back office's four-eyes check and
 * the case's current steps, the watch list ("obsliste"), and the automation figures.
 */
export function approvalRoutes(
  app: FastifyInstance,
  deps: { database: Database; calendar: WorkCalendar; jobs: { wake(): Promise<unknown> } },
) {
  const caseDeps = { db: deps.database.db, calendar: deps.calendar };
  const api = app.withTypeProvider<ApiTypeProvider>();

  api.get(
    '/api/v1/approvals',
    {
      schema: {
        tags: ['Cases'],
        summary: 'Cases waiting for my approval',
        description:
          'As the leader an approval step names, her deputy with a delegation in force, or a holder of the approving role for the unit.',
        response: { 200: json(ZApprovalList, 'The approvals, oldest deadline first (at most 500)') },
      },
    },
    async (request) => ({ approvals: await listApprovals(caseDeps, requireActor(request)) }),
  );
  api.get(
    '/api/v1/cases/:id/steps',
    {
      schema: {
        tags: ['Cases'],
        summary: "A case's current steps, and the approval I may decide",
        params: ZCaseParams,
        response: { 200: json(ZPortalCaseSteps, 'The steps'), 404: noCase },
      },
    },
    async (request) => getPortalCaseSteps(caseDeps, requireActor(request), request.params.id),
  );
  api.post(
    '/api/v1/cases/:id/approval',
    {
      config: { idempotencyKey: true },
      schema: {
        tags: ['Cases'],
        summary: 'Approve, reject (with a reason) or return (with a message) a case waiting for my approval',
        description: 'Sending the same decision again after it took effect changes nothing.',
        params: ZCaseParams,
        body: ZApprovalBody,
        response: {
          200: json(ZDecisionAnswer, "The case's new version and status"),
          400: error(400, 'A rejection without a reason or a return without a message.'),
          403: error(403, 'A read-only role.'),
          404: noCase,
          409: stale,
        },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const result = await idempotent(request, reply, caseDeps.db, 200, (db) =>
        decideApproval({ ...caseDeps, db }, actor, request.params.id, request.body),
      );
      void deps.jobs.wake();
      return result;
    },
  );
  api.get(
    '/api/v1/backoffice/cases/:id/steps',
    {
      schema: {
        tags: ['Back office'],
        summary: "A case's process: current steps, four-eyes check, automation, watch list and decisions",
        params: ZCaseParams,
        response: {
          200: json(ZBackofficeCaseSteps, 'The process'),
          403: error(403, 'Needs a back-office role.'),
          404: error(404, 'No such case in the back office.'),
        },
      },
    },
    async (request) => getBackofficeCaseSteps(caseDeps, requireActor(request), request.params.id),
  );
  api.post(
    '/api/v1/backoffice/cases/:id/four-eyes',
    {
      config: { idempotencyKey: true },
      schema: {
        tags: ['Back office'],
        summary: 'Approve or reject (with a reason) what another caseworker or automation did (four eyes)',
        params: ZCaseParams,
        body: ZFourEyesBody,
        response: {
          200: json(ZDecisionAnswer, "The case's new version and status"),
          400: error(400, 'A rejection without a reason.'),
          403: error(403, 'Not a caseworker, or the one who did the work.'),
          404: error(404, 'No such case in the back office.'),
          409: stale,
        },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const result = await idempotent(request, reply, caseDeps.db, 200, (db) =>
        decideFourEyes({ ...caseDeps, db }, actor, request.params.id, request.body),
      );
      void deps.jobs.wake();
      return result;
    },
  );
  api.get(
    '/api/v1/backoffice/watch-list',
    {
      schema: {
        tags: ['Back office'],
        summary: 'The watch list: persons, units and cases never handled automatically',
        querystring: ZWatchListQuery,
        response: {
          200: json(ZWatchList, 'The marks and their counts'),
          403: error(403, 'Needs a back-office role.'),
        },
      },
    },
    async (request) => {
      const { all, ...filter } = request.query;
      return listWatchMarks(caseDeps, requireActor(request), { ...filter, all: all === 'true' });
    },
  );
  api.post(
    '/api/v1/backoffice/watch-list',
    {
      config: { idempotencyKey: true },
      schema: {
        tags: ['Back office'],
        summary: 'Put a person, a unit or a case on the watch list',
        body: ZWatchMarkBody,
        response: {
          201: json(ZWatchMark, 'The mark'),
          400: error(400, 'No reason, or an end date in the past.'),
          403: error(403, 'Needs a back-office role that may change cases.'),
          404: error(404, 'No such person, unit or case.'),
        },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return idempotent(request, reply, caseDeps.db, 201, (db) => addWatchMark({ db }, actor, request.body));
    },
  );
  api.post(
    '/api/v1/backoffice/watch-list/:id/end',
    {
      schema: {
        tags: ['Back office'],
        summary: 'End a watch-list mark today (ending it again changes nothing)',
        params: ZWatchMarkParams,
        response: {
          200: json(ZWatchMark, 'The mark'),
          403: error(403, 'Needs a back-office role that may change cases.'),
          404: error(404, 'No such mark.'),
        },
      },
    },
    async (request) => endWatchMark(caseDeps, requireActor(request), request.params.id),
  );
  api.get(
    '/api/v1/automation/metrics',
    {
      schema: {
        tags: ['Benefits'],
        summary: 'Automation per service and step: handled without a person, excluded, failed, minutes saved',
        description: 'Cases submitted from `from` to `to` (default: the last twelve months).',
        querystring: ZAutomationMetricsQuery,
        response: {
          200: json(ZAutomationMetrics, 'The figures'),
          403: error(403, 'Needs a benefits or catalogue role.'),
        },
      },
    },
    async (request) => {
      const to = request.query.to ?? todayInDenmark();
      const from = request.query.from ?? addDays(to, -365);
      return automationMetrics(caseDeps, requireActor(request), { from, to });
    },
  );
}
