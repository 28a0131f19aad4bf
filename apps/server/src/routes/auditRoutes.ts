import type { FastifyInstance } from 'fastify';
import type { Database } from '@indgang/db';
import { checkAuditTrail, listAudit, type AnchorFiles } from '@indgang/domain';
import { ZAuditCheck, ZAuditEntries, ZAuditQuery } from '@indgang/schemas';
import { requireActor } from '../http/authenticate';
import { error, json, type ApiTypeProvider } from '../http/contract';

const tags = ['Audit'];
const needsAuditRead = error(403, 'Needs the permission to read the audit trail (`audit.read`).');

export function auditRoutes(
  app: FastifyInstance,
  deps: { database: Database; config: { audit: AnchorFiles } },
) {
  const db = deps.database.db;
  const api = app.withTypeProvider<ApiTypeProvider>();

  api.get(
    '/api/v1/audit',
    {
      schema: {
        tags,
        summary: 'The audit trail, newest first',
        description: 'Filtered by action, actor or person; page with `beforeSeq`. Reading it is audited too.',
        querystring: ZAuditQuery,
        response: { 200: json(ZAuditEntries, 'The entries'), 403: needsAuditRead },
      },
    },
    async (request) => listAudit({ db }, requireActor(request), request.query),
  );

  api.get(
    '/api/v1/audit/verify',
    {
      schema: {
        tags,
        summary: 'Verify the audit chain',
        description:
          'Seals what is final, then follows the hash chain and checks it against the signed anchors, naming the first break.',
        response: { 200: json(ZAuditCheck, 'The result of the check'), 403: needsAuditRead },
      },
    },
    async (request) => checkAuditTrail({ db, anchors: deps.config.audit }, requireActor(request)),
  );
}
