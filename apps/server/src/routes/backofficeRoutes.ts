import type { FastifyInstance } from 'fastify';
import type { Database } from '@indgang/db';
import {
  addCaseNote,
  assignCase,
  markCaseStage,
  revealCaseAnswers,
  type Actor,
  getBackofficeCase,
  listQueue,
  listTeams,
  messageSubmitter,
  pickNextCase,
  resolveCase,
  returnCase,
  returnStatistics,
  type WorkCalendar,
} from '@indgang/domain';
import {
  ZAssignBody,
  ZBackofficeCase,
  ZCaseChanged,
  type TCaseChanged,
  ZCaseMessageBody,
  ZCaseParams,
  ZNextCase,
  ZNoteBody,
  ZQueue,
  ZQueueQuery,
  ZResolveBody,
  ZReturnBody,
  ZReturnStatistics,
  ZRevealedAnswers,
  ZStageBody,
  ZTeamParams,
  ZTeams,
} from '@indgang/schemas';
import type { z } from 'zod';
import { requireActor } from '../http/authenticate';
import { error, json, type ApiTypeProvider } from '../http/contract';
import { idempotent } from '../http/idempotent';

const tags = ['Back office'];
const backoffice = error(403, 'Needs a back-office role (caseworker, anchor person, team lead).');
const noCase = error(404, 'No such case in the back office.');
const changed = (description: string) => ({
  200: json(ZCaseChanged, description),
  403: backoffice,
  404: noCase,
  409: error(409, 'The case changed since it was read (stale `expectedVersion`) or is resolved.'),
});

/** The shared service centre's workbench: queues, the case view and what a caseworker does. */
export function backofficeRoutes(
  app: FastifyInstance,
  deps: { database: Database; calendar: WorkCalendar; jobs: { wake(): Promise<unknown> } },
) {
  const caseDeps = { db: deps.database.db, calendar: deps.calendar };
  const api = app.withTypeProvider<ApiTypeProvider>();
  const afterChange = <T>(result: T) => {
    void deps.jobs.wake();
    return result;
  };

  /** A caseworker's action on a case, declared with its body and run once per Idempotency-Key. */
  const action = <B extends z.ZodType, T extends TCaseChanged>(
    path: string,
    summary: string,
    body: B,
    operation: (d: typeof caseDeps, actor: Actor, id: string, input: z.output<B>) => Promise<T>,
    options: { wakesJobs?: boolean; answer?: string } = {},
  ) =>
    api.post(
      `/api/v1/backoffice/cases/:id/${path}`,
      {
        config: { idempotencyKey: true },
        schema: {
          tags,
          summary,
          params: ZCaseParams,
          body,
          response: changed(options.answer ?? "The case's new version"),
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const { id } = request.params;
        const input = request.body as z.output<B>;
        const result = await idempotent(request, reply, caseDeps.db, 200, (db) =>
          operation({ ...caseDeps, db }, actor, id, input),
        );
        return options.wakesJobs ? afterChange(result) : result;
      },
    );

  api.get(
    '/api/v1/backoffice/queue',
    {
      schema: {
        tags,
        summary: "A team's queue",
        description: 'Open cases (or those of `status`), most urgent first, with who has them.',
        querystring: ZQueueQuery,
        response: { 200: json(ZQueue, 'The cases (at most 500)'), 403: backoffice },
      },
    },
    async (request) => listQueue(caseDeps, requireActor(request), request.query),
  );
  api.get(
    '/api/v1/backoffice/teams',
    {
      schema: {
        tags,
        summary: "The service centre's teams",
        response: { 200: json(ZTeams, 'The teams'), 403: backoffice },
      },
    },
    async (request) => listTeams(caseDeps, requireActor(request)),
  );
  api.get(
    '/api/v1/backoffice/returns',
    {
      schema: {
        tags,
        summary: 'Returned cases counted by reason, service and unit',
        response: { 200: json(ZReturnStatistics, 'The counts'), 403: backoffice },
      },
    },
    async (request) => returnStatistics(caseDeps, requireActor(request)),
  );
  api.post(
    '/api/v1/backoffice/queue/:teamId/next',
    {
      config: { idempotencyKey: true },
      schema: {
        tags,
        summary: 'Take the next case of a queue',
        description: 'The most urgent unassigned case of the team, assigned to the user.',
        params: ZTeamParams,
        response: { 200: json(ZNextCase, 'The case taken, if any'), 403: backoffice },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return idempotent(request, reply, caseDeps.db, 200, async (db) => ({
        case: await pickNextCase({ ...caseDeps, db }, actor, request.params.teamId),
      }));
    },
  );
  api.get(
    '/api/v1/backoffice/cases/:id',
    {
      schema: {
        tags,
        summary: 'Everything about a case, for the caseworker',
        description: 'Sensitive answers are masked (see reveal). Reading the case is audited.',
        params: ZCaseParams,
        response: { 200: json(ZBackofficeCase, 'The case'), 403: backoffice, 404: noCase },
      },
    },
    async (request) => getBackofficeCase(caseDeps, requireActor(request), request.params.id),
  );
  // A POST, because it is an audited act, not a read a link or a prefetch may trigger.
  api.post(
    '/api/v1/backoffice/cases/:id/reveal',
    {
      schema: {
        tags,
        summary: "Reveal a case's CPR numbers and other sensitive answers",
        description: 'For those with the CPR permission; audited as a CPR read naming the fields.',
        params: ZCaseParams,
        response: {
          200: json(ZRevealedAnswers, 'The sensitive answers in full'),
          403: error(403, 'Needs a back-office role and the CPR permission (`person.readCpr`).'),
          404: noCase,
        },
      },
    },
    async (request) => revealCaseAnswers(caseDeps, requireActor(request), request.params.id),
  );
  action('assign', 'Assign the case, or take it over', ZAssignBody, assignCase);
  action('notes', 'Add an internal note', ZNoteBody, addCaseNote);
  action('messages', 'Write to the submitter', ZCaseMessageBody, messageSubmitter, { wakesJobs: true });
  action('return', 'Return the case for missing information', ZReturnBody, returnCase, { wakesJobs: true });
  action('stages', 'Mark a stage of the process as reached', ZStageBody, markCaseStage, {
    answer: "The case's new version and the stages reached",
  });
  action('resolve', 'Resolve the case with an outcome and a reply', ZResolveBody, resolveCase, {
    wakesJobs: true,
  });
}
