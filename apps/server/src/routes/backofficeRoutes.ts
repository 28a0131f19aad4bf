import type { FastifyInstance } from 'fastify';
import type { Database } from '@indgang/db';
import { addCaseNote, assignCase, getBackofficeCase, listQueue, listTeams, messageSubmitter, pickNextCase, resolveCase, returnCase, returnStatistics, type WorkCalendar } from '@indgang/domain';
import { ZAssignBody, ZCaseMessageBody, ZCaseParams, ZNoteBody, ZQueueQuery, ZResolveBody, ZReturnBody, ZTeamParams } from '@indgang/schemas';
import { requireActor } from '../http/authenticate';
import { parseInput } from '../http/parseInput';

/** The shared service centre's workbench: queues, the case view and what a caseworker does. */
export function backofficeRoutes(app: FastifyInstance, deps: { database: Database; calendar: WorkCalendar; jobs: { wake(): Promise<unknown> } }) {
  const caseDeps = { db: deps.database.db, calendar: deps.calendar };
  const afterChange = <T>(result: T) => { void deps.jobs.wake(); return result; };
  const caseId = (params: unknown) => parseInput(ZCaseParams, params, 'params').id;

  app.get('/api/v1/backoffice/queue', async (request) => listQueue(caseDeps, requireActor(request), parseInput(ZQueueQuery, request.query, 'query')));
  app.get('/api/v1/backoffice/teams', async (request) => listTeams(caseDeps, requireActor(request)));
  app.get('/api/v1/backoffice/returns', async (request) => returnStatistics(caseDeps, requireActor(request)));
  app.post('/api/v1/backoffice/queue/:teamId/next', async (request) => {
    const { teamId } = parseInput(ZTeamParams, request.params, 'params');
    return { case: await pickNextCase(caseDeps, requireActor(request), teamId) };
  });
  app.get('/api/v1/backoffice/cases/:id', async (request) => getBackofficeCase(caseDeps, requireActor(request), caseId(request.params)));
  app.post('/api/v1/backoffice/cases/:id/assign', async (request) =>
    assignCase(caseDeps, requireActor(request), caseId(request.params), parseInput(ZAssignBody, request.body, 'body')));
  app.post('/api/v1/backoffice/cases/:id/notes', async (request) =>
    addCaseNote(caseDeps, requireActor(request), caseId(request.params), parseInput(ZNoteBody, request.body, 'body')));
  app.post('/api/v1/backoffice/cases/:id/messages', async (request) =>
    afterChange(await messageSubmitter(caseDeps, requireActor(request), caseId(request.params), parseInput(ZCaseMessageBody, request.body, 'body'))));
  app.post('/api/v1/backoffice/cases/:id/return', async (request) =>
    afterChange(await returnCase(caseDeps, requireActor(request), caseId(request.params), parseInput(ZReturnBody, request.body, 'body'))));
  app.post('/api/v1/backoffice/cases/:id/resolve', async (request) =>
    afterChange(await resolveCase(caseDeps, requireActor(request), caseId(request.params), parseInput(ZResolveBody, request.body, 'body'))));
}
