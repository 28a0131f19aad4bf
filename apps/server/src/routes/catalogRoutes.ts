import { asc } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { replyTemplates, returnReasons, type Database } from '@indgang/db';
import {
  appendAudit,
  getDraft,
  installCatalog,
  latestServices,
  listServices,
  parseCatalogBundle,
  requirePermission,
  saveDraft,
  serviceForActor,
} from '@indgang/domain';
import { ZCatalogQuery, ZDraftBody, ZServiceParams } from '@indgang/schemas';
import { requireActor, requireWritable } from '../http/authenticate';
import { parseInput } from '../http/parseInput';
import type { RateLimits } from '../http/rateLimits';

export function catalogRoutes(app: FastifyInstance, deps: { database: Database; limits: RateLimits }) {
  const db = deps.database.db;

  app.get('/api/v1/catalog/services', async (request) => {
    const { q } = parseInput(ZCatalogQuery, request.query, 'query');
    return listServices({ db }, requireActor(request), q);
  });

  app.get('/api/v1/catalog/services/:id', async (request) => {
    const actor = requireActor(request);
    const { id } = parseInput(ZServiceParams, request.params, 'params');
    const { definition, persona } = await serviceForActor({ db }, actor, id);
    return { definition, persona, draft: await getDraft({ db }, actor, id) };
  });

  app.put('/api/v1/catalog/services/:id/draft', async (request) => {
    const actor = requireActor(request);
    requireWritable(actor);
    const { id } = parseInput(ZServiceParams, request.params, 'params');
    const { answers } = parseInput(ZDraftBody, request.body, 'body');
    return saveDraft({ db }, actor, id, answers);
  });

  app.get('/api/v1/catalog/export', async (request, reply) => {
    const actor = requireActor(request);
    requirePermission(actor, 'catalog.manage');
    const bundle = {
      services: await latestServices(db),
      returnReasons: await db.select().from(returnReasons).orderBy(asc(returnReasons.code)),
      replyTemplates: await db.select().from(replyTemplates).orderBy(asc(replyTemplates.id)),
    };
    reply.header('content-disposition', 'attachment; filename="indgang-katalog.json"');
    return bundle;
  });

  app.post(
    '/api/v1/catalog/import',
    { bodyLimit: 5 * 1024 * 1024, config: { rateLimit: deps.limits.upload } },
    async (request) => {
      const actor = requireActor(request);
      requirePermission(actor, 'catalog.manage');
      const bundle = parseCatalogBundle(request.body);
      return db.transaction(async (tx) => {
        const result = await installCatalog(tx, bundle);
        await appendAudit(tx, {
          actorUserId: actor.userId,
          action: 'catalog.import',
          entityType: 'catalog',
          details: result,
        });
        return result;
      });
    },
  );
}
