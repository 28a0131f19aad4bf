import type { FastifyInstance } from 'fastify';
import type { Database } from '@indgang/db';
import {
  exportCatalog,
  importCatalog,
  listServices,
  openServiceForm,
  saveDraft,
  type WorkCalendar,
} from '@indgang/domain';
import {
  ZCatalogBundle,
  ZCatalogExport,
  ZCatalogImportResult,
  ZCatalogQuery,
  ZDraftBody,
  ZDraftSaved,
  ZServiceForm,
  ZServiceList,
  ZServiceParams,
} from '@indgang/schemas';
import { requireActor } from '../http/authenticate';
import { error, json, validatedByOperation, type ApiTypeProvider } from '../http/contract';
import type { RateLimits } from '../http/rateLimits';

const tags = ['Catalogue'];
const noService = error(404, 'No such active service for this user.');
const needsCatalogManage = error(403, 'Needs the permission to manage the catalogue (`catalog.manage`).');

export function catalogRoutes(
  app: FastifyInstance,
  deps: { database: Database; limits: RateLimits; calendar: WorkCalendar },
) {
  const db = deps.database.db;
  const api = app.withTypeProvider<ApiTypeProvider>();

  api.get(
    '/api/v1/catalog/services',
    {
      schema: {
        tags,
        summary: 'The services the user may request',
        description:
          'With `q`, found by full-text search (Danish, and English where a service has English texts). Each says how often it was used in her units and by herself.',
        querystring: ZCatalogQuery,
        response: { 200: json(ZServiceList, "The services, and the user's persona") },
      },
    },
    async (request) => listServices({ db }, requireActor(request), request.query.q),
  );

  api.get(
    '/api/v1/catalog/services/:id',
    {
      schema: {
        tags,
        summary: "A service's form",
        description:
          "The service's current definition, the user's persona it adapts to, her draft, and the payroll runs ahead when the form has dates from which pay changes.",
        params: ZServiceParams,
        response: { 200: json(ZServiceForm, 'The service'), 404: noService },
      },
    },
    async (request) =>
      openServiceForm({ db, calendar: deps.calendar }, requireActor(request), request.params.id),
  );

  api.put(
    '/api/v1/catalog/services/:id/draft',
    {
      config: { writes: true },
      schema: {
        tags,
        summary: 'Save a draft of the form',
        description: 'What the user has filled in so far; a draft is her own and is not validated.',
        params: ZServiceParams,
        body: ZDraftBody,
        response: { 200: json(ZDraftSaved, 'Saved'), 404: noService },
      },
    },
    async (request) => saveDraft({ db }, requireActor(request), request.params.id, request.body.answers),
  );

  api.get(
    '/api/v1/catalog/export',
    {
      schema: {
        tags,
        summary: 'The catalogue as a file',
        description:
          'The current version of every active service, the return reasons and the reply templates.',
        response: { 200: json(ZCatalogExport, 'The catalogue (as an attachment)'), 403: needsCatalogManage },
      },
    },
    async (request, reply) => {
      const bundle = await exportCatalog({ db }, requireActor(request));
      reply.header('content-disposition', 'attachment; filename="indgang-katalog.json"');
      return bundle;
    },
  );

  api.post(
    '/api/v1/catalog/import',
    {
      bodyLimit: 5 * 1024 * 1024,
      config: { rateLimit: deps.limits.upload },
      schema: {
        tags,
        summary: 'Install a catalogue file',
        description:
          'New service versions are added, versions installed with the same content are left alone; the whole file is checked first. Audited.',
        body: validatedByOperation(ZCatalogBundle),
        response: {
          200: json(ZCatalogImportResult, 'Installed'),
          400: error(400, 'The file is invalid (`catalog_invalid`, each problem by its place).'),
          403: needsCatalogManage,
          409: error(409, 'A version is installed already with other content: raise its version.'),
        },
      },
    },
    async (request) => importCatalog({ db }, requireActor(request), request.body),
  );
}
