import type { FastifyInstance } from 'fastify';
import type { Database } from '@indgang/db';
import { appendAudit, getDraft, installCatalog, latestServices, listServices, parseCatalogBundle, personaFor, requirePermission, saveDraft, serviceVersion } from '@indgang/domain';
import { audienceMatches, ZCatalogQuery, ZDraftBody, ZServiceParams } from '@indgang/schemas';
import { asc } from 'drizzle-orm';
import { replyTemplates, returnReasons } from '@indgang/db';
import { requireActor, requireWritable } from '../http/authenticate';
import { parseInput } from '../http/parseInput';
import { DomainError } from '@indgang/domain';

export function catalogRoutes(app: FastifyInstance, deps: { database: Database }) {
  const db = deps.database.db;

  app.get('/api/v1/catalog/services', async (request) => {
    const { q } = parseInput(ZCatalogQuery, request.query, 'query');
    return listServices({ db }, requireActor(request), q);
  });

  app.get('/api/v1/catalog/services/:id', async (request) => {
    const actor = requireActor(request);
    const { id } = parseInput(ZServiceParams, request.params, 'params');
    const definition = await serviceVersion(db, id);
    const persona = await personaFor(db, actor);
    if (!audienceMatches(definition.audience, persona)) throw new DomainError('not_found', 'not_found', { da: 'Servicen findes ikke, eller du har ikke adgang.', en: 'The service does not exist, or you have no access.' });
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

  app.post('/api/v1/catalog/import', { bodyLimit: 5 * 1024 * 1024 }, async (request) => {
    const actor = requireActor(request);
    requirePermission(actor, 'catalog.manage');
    const bundle = parseCatalogBundle(request.body);
    return db.transaction(async (tx) => {
      const result = await installCatalog(tx, bundle);
      await appendAudit(tx, { actorUserId: actor.userId, action: 'catalog.import', entityType: 'catalog', details: result });
      return result;
    });
  });
}
