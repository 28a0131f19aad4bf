import type { FastifyInstance } from 'fastify';
import type { Database } from '@indgang/db';
import {
  listDecisionTables,
  listRecentDecisions,
  readDecisionTable,
  saveDecisionRevision,
  testDecisionOnCase,
  testDecisionTable,
} from '@indgang/domain';
import {
  ZCaseDecisionTest,
  ZCaseDecisionTestParams,
  ZDecisionOutcome,
  ZDecisionRevisionBody,
  ZDecisionRevisionSaved,
  ZDecisionTableDetail,
  ZDecisionTableList,
  ZDecisionTableParams,
  ZDecisionTableQuery,
  ZDecisionTestBody,
  ZRecentDecisions,
} from '@indgang/schemas';
import { requireActor } from '../http/authenticate';
import { error, json, type ApiTypeProvider } from '../http/contract';
import type { RateLimits } from '../http/rateLimits';

const tags = ['Decision tables'];
const needsRead = error(
  403,
  'Needs `catalog.manage` (configurator, process owner) or `audit.read` (auditor).',
);
const noTable = error(404, 'No such decision table (or revision).');
const unreadable = error(
  400,
  'The DMN file is refused: what is wrong, by rule and column, in Danish and English (`decision_*`); nothing is saved.',
);

/** Decision tables: their versions as tables, new revisions, and tests before a revision takes effect. */
export function decisionRoutes(app: FastifyInstance, deps: { database: Database; limits: RateLimits }) {
  const db = deps.database.db;
  const api = app.withTypeProvider<ApiTypeProvider>();

  api.get(
    '/api/v1/decision-tables',
    {
      schema: {
        tags,
        summary: 'The decision tables',
        description:
          'Each with its newest revision, its versions by effective dates, and how many case decisions it made.',
        response: { 200: json(ZDecisionTableList, 'The tables'), 403: needsRead },
      },
    },
    async (request) => listDecisionTables({ db }, requireActor(request)),
  );

  api.get(
    '/api/v1/decision-tables/:id',
    {
      schema: {
        tags,
        summary: 'A decision table in a revision',
        description:
          "Every version's inputs, outputs, hit policy and rules (each rule's cells and description).",
        params: ZDecisionTableParams,
        querystring: ZDecisionTableQuery,
        response: { 200: json(ZDecisionTableDetail, 'The table'), 403: needsRead, 404: noTable },
      },
    },
    async (request) =>
      readDecisionTable({ db }, requireActor(request), request.params.id, request.query.revision),
  );

  api.post(
    '/api/v1/decision-tables/:id/revisions',
    {
      bodyLimit: 2_500_000,
      config: { writes: true, rateLimit: deps.limits.upload },
      schema: {
        tags,
        summary: 'Save a DMN 1.3 file as the next revision',
        description:
          'The file is read whole first; the same file as the newest revision saves nothing (`changed: false`). Decisions from then on use it, each version by its effective dates. Audited.',
        params: ZDecisionTableParams,
        body: ZDecisionRevisionBody,
        response: {
          200: json(ZDecisionRevisionSaved, 'Saved'),
          400: unreadable,
          403: error(403, 'Needs the permission to manage the catalogue (`catalog.manage`).'),
          404: noTable,
          409: error(409, 'Another revision was saved at the same moment.'),
        },
      },
    },
    async (request) =>
      saveDecisionRevision({ db }, requireActor(request), request.params.id, request.body.xml),
  );

  api.post(
    '/api/v1/decision-tables/:id/test',
    {
      schema: {
        tags,
        summary: 'Test a table on sample inputs',
        description:
          'With a saved revision (the newest without `revision`) or a file not yet saved (`xml`): the outputs, the version that applied and the rules that fired. Nothing is recorded.',
        params: ZDecisionTableParams,
        body: ZDecisionTestBody,
        response: {
          200: json(ZDecisionOutcome, 'What the table decides'),
          400: error(400, 'The inputs or the file cannot be decided on: why, in Danish and English.'),
          403: needsRead,
          404: noTable,
          422: error(
            422,
            'The table cannot decide on these inputs (e.g. two rules of a UNIQUE table match).',
          ),
        },
      },
    },
    async (request) => testDecisionTable({ db }, requireActor(request), request.params.id, request.body),
  );

  api.get(
    '/api/v1/decision-tables/:id/cases/:caseId',
    {
      schema: {
        tags,
        summary: 'Which rule fired for a past case, and what the table decides now',
        description:
          "The decision recorded for the case (revision, version, rules) beside the newest revision's decision on the same inputs (the case's answers when the table never decided it). Only cases in reach; audited.",
        params: ZCaseDecisionTestParams,
        response: {
          200: json(ZCaseDecisionTest, 'Then and now'),
          403: needsRead,
          404: error(404, 'No such table or case in reach.'),
        },
      },
    },
    async (request) =>
      testDecisionOnCase({ db }, requireActor(request), request.params.id, request.params.caseId),
  );

  api.get(
    '/api/v1/decision-tables/:id/decisions',
    {
      schema: {
        tags,
        summary: 'The newest decisions a table made',
        description: 'For cases in reach: case number, when, revision and the rules that fired.',
        params: ZDecisionTableParams,
        response: { 200: json(ZRecentDecisions, 'The decisions'), 403: needsRead },
      },
    },
    async (request) => listRecentDecisions({ db }, requireActor(request), request.params.id),
  );
}
