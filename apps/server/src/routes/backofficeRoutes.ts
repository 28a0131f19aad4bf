import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
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
  ZCaseMessageBody,
  ZCaseParams,
  ZNoteBody,
  ZQueueQuery,
  ZResolveBody,
  ZReturnBody,
  ZStageBody,
  ZTeamParams,
} from '@indgang/schemas';
import { requireActor } from '../http/authenticate';
import { idempotent } from '../http/idempotent';
import { parseInput } from '../http/parseInput';

/** The shared service centre's workbench: queues, the case view and what a caseworker does. */
export function backofficeRoutes(
  app: FastifyInstance,
  deps: { database: Database; calendar: WorkCalendar; jobs: { wake(): Promise<unknown> } },
) {
  const caseDeps = { db: deps.database.db, calendar: deps.calendar };
  const afterChange = <T>(result: T) => {
    void deps.jobs.wake();
    return result;
  };
  const caseId = (params: unknown) => parseInput(ZCaseParams, params, 'params').id;
  /** A caseworker's action on a case, run once per Idempotency-Key. */
  const act = <I, T>(
    request: FastifyRequest,
    reply: FastifyReply,
    input: I,
    operation: (d: typeof caseDeps, actor: Actor, id: string, input: I) => Promise<T>,
  ) => {
    const actor = requireActor(request);
    const id = caseId(request.params);
    return idempotent(request, reply, caseDeps.db, 200, (db) =>
      operation({ ...caseDeps, db }, actor, id, input),
    );
  };

  app.get('/api/v1/backoffice/queue', async (request) =>
    listQueue(caseDeps, requireActor(request), parseInput(ZQueueQuery, request.query, 'query')),
  );
  app.get('/api/v1/backoffice/teams', async (request) => listTeams(caseDeps, requireActor(request)));
  app.get('/api/v1/backoffice/returns', async (request) => returnStatistics(caseDeps, requireActor(request)));
  app.post('/api/v1/backoffice/queue/:teamId/next', async (request, reply) => {
    const { teamId } = parseInput(ZTeamParams, request.params, 'params');
    const actor = requireActor(request);
    return idempotent(request, reply, caseDeps.db, 200, async (db) => ({
      case: await pickNextCase({ ...caseDeps, db }, actor, teamId),
    }));
  });
  app.get('/api/v1/backoffice/cases/:id', async (request) =>
    getBackofficeCase(caseDeps, requireActor(request), caseId(request.params)),
  );
  // A POST, because it is an audited act, not a read a link or a prefetch may trigger.
  app.post('/api/v1/backoffice/cases/:id/reveal', async (request) =>
    revealCaseAnswers(caseDeps, requireActor(request), caseId(request.params)),
  );
  app.post('/api/v1/backoffice/cases/:id/assign', async (request, reply) =>
    act(request, reply, parseInput(ZAssignBody, request.body, 'body'), assignCase),
  );
  app.post('/api/v1/backoffice/cases/:id/notes', async (request, reply) =>
    act(request, reply, parseInput(ZNoteBody, request.body, 'body'), addCaseNote),
  );
  app.post('/api/v1/backoffice/cases/:id/messages', async (request, reply) =>
    afterChange(
      await act(request, reply, parseInput(ZCaseMessageBody, request.body, 'body'), messageSubmitter),
    ),
  );
  app.post('/api/v1/backoffice/cases/:id/return', async (request, reply) =>
    afterChange(await act(request, reply, parseInput(ZReturnBody, request.body, 'body'), returnCase)),
  );
  app.post('/api/v1/backoffice/cases/:id/stages', async (request, reply) =>
    act(request, reply, parseInput(ZStageBody, request.body, 'body'), markCaseStage),
  );
  app.post('/api/v1/backoffice/cases/:id/resolve', async (request, reply) =>
    afterChange(await act(request, reply, parseInput(ZResolveBody, request.body, 'body'), resolveCase)),
  );
}
