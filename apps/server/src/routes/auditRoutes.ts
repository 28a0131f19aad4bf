import type { FastifyInstance } from 'fastify';
import type { Database } from '@indgang/db';
import { appendAudit, listAudit, requirePermission, sealAuditChain, verifyAuditChain } from '@indgang/domain';
import { ZAuditQuery } from '@indgang/schemas';
import { requireActor } from '../http/authenticate';
import { parseInput } from '../http/parseInput';

export function auditRoutes(app: FastifyInstance, deps: { database: Database }) {
  const db = deps.database.db;

  app.get('/api/v1/audit', async (request) => {
    const query = parseInput(ZAuditQuery, request.query, 'query');
    return listAudit({ db }, requireActor(request), query);
  });

  app.get('/api/v1/audit/verify', async (request) => {
    const actor = requireActor(request);
    requirePermission(actor, 'audit.read');
    await sealAuditChain(db);
    const result = await verifyAuditChain(db);
    await db.transaction((tx) => appendAudit(tx, { actorUserId: actor.userId, action: 'audit.verify', entityType: 'audit_log', details: { ok: result.ok, entries: result.entries } }));
    return result;
  });
}
