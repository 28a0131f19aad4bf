import type { FastifyInstance } from 'fastify';
import type { Database } from '@indgang/db';
import { checkAuditTrail, listAudit, type AnchorFiles } from '@indgang/domain';
import { ZAuditQuery } from '@indgang/schemas';
import { requireActor } from '../http/authenticate';
import { parseInput } from '../http/parseInput';

export function auditRoutes(
  app: FastifyInstance,
  deps: { database: Database; config: { audit: AnchorFiles } },
) {
  const db = deps.database.db;

  app.get('/api/v1/audit', async (request) => {
    const query = parseInput(ZAuditQuery, request.query, 'query');
    return listAudit({ db }, requireActor(request), query);
  });

  app.get('/api/v1/audit/verify', async (request) =>
    checkAuditTrail({ db, anchors: deps.config.audit }, requireActor(request)),
  );
}
