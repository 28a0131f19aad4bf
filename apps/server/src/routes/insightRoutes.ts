import type { FastifyInstance } from 'fastify';
import type { Database } from '@indgang/db';
import { boardTable, boardTeams, DomainError, teamBoard, type WorkCalendar } from '@indgang/domain';
import {
  ZBinary,
  ZBoardTeams,
  ZBoardExportParams,
  ZBoardExportQuery,
  ZTeamBoard,
  ZTeamBoardParams,
} from '@indgang/schemas';
import { requireActor } from '../http/authenticate';
import { error, json, type ApiTypeProvider } from '../http/contract';
import { CSV, fileName, XLSX } from '../http/download';
import { tableCsv, tableWorkbook } from '../insights/writeTable';

const tags = ['Insights'];
const forbidden = error(403, 'Needs a team lead, process owner, administrator or auditor role.');
const noTeam = error(404, 'No such team whose board the user may see.');

/** Production control: a team's board of today, and its tables as CSV and Excel. */
export function insightRoutes(app: FastifyInstance, deps: { database: Database; calendar: WorkCalendar }) {
  const caseDeps = { db: deps.database.db, calendar: deps.calendar };
  const api = app.withTypeProvider<ApiTypeProvider>();

  api.get(
    '/api/v1/insights/teams',
    {
      schema: {
        tags,
        summary: 'The teams whose board the user may open',
        description:
          "A team lead's own teams first; every team for process owners, administrators and auditors.",
        response: { 200: json(ZBoardTeams, 'The teams'), 403: forbidden },
      },
    },
    async (request) => boardTeams(caseDeps, requireActor(request)),
  );

  api.get(
    '/api/v1/insights/teams/:teamId/board',
    {
      schema: {
        tags,
        summary: "A team's board of today",
        description:
          "Incoming and resolved today, the backlog by service and step, overdue and due soon, the oldest waiting cases, returns by reason and the automated share over 30 days; each caseworker's output for the team's own lead only. Counted from the cases when asked.",
        params: ZTeamBoardParams,
        response: { 200: json(ZTeamBoard, 'The board'), 403: forbidden, 404: noTeam },
      },
    },
    async (request) => teamBoard(caseDeps, requireActor(request), request.params),
  );

  api.get(
    '/api/v1/insights/teams/:teamId/board/:table.:format',
    {
      schema: {
        tags,
        summary: "One of the board's tables as CSV or Excel",
        params: ZBoardExportParams,
        querystring: ZBoardExportQuery,
        response: {
          200: {
            description: 'The table (as an attachment)',
            content: { 'text/csv': { schema: ZBinary }, [XLSX]: { schema: ZBinary } },
          },
          403: forbidden,
          404: noTeam,
        },
      },
    },
    async (request, reply) => {
      const { teamId, table, format } = request.params;
      const board = await teamBoard(caseDeps, requireActor(request), { teamId });
      if (table === 'caseworkers' && !board.caseworkers)
        throw new DomainError('forbidden', 'forbidden', {
          da: 'Sagsbehandlernes produktion vises kun for teamets egen teamleder.',
          en: "The caseworkers' output is shown only to the team's own team lead.",
        });
      const written = boardTable(board, table, request.query.lang);
      const name = `${written.title} ${board.today}`;
      if (format === 'csv') {
        reply.type(CSV).header('content-disposition', fileName(name, 'csv'));
        return tableCsv(written);
      }
      reply.type(XLSX).header('content-disposition', fileName(name, 'xlsx'));
      return tableWorkbook(written);
    },
  );
}
