import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Database } from '@indgang/db';
import {
  exportServiceProcess,
  listProcessServices,
  readServiceProcess,
  saveServiceProcess,
} from '@indgang/domain';
import {
  ZProcessSaved,
  ZProcessServiceList,
  ZSaveProcessBody,
  ZServiceProcess,
  ZServiceProcessParams,
  ZServiceProcessQuery,
} from '@indgang/schemas';
import { requireActor } from '../http/authenticate';
import { error, json, media, validatedByOperation, type ApiTypeProvider } from '../http/contract';
import type { RateLimits } from '../http/rateLimits';

const tags = ['Processes'];
const BPMN = 'application/xml';
const noService = error(404, 'No such service.');
const needsRead = error(
  403,
  'Needs `catalog.manage` (configurator, process owner) or `audit.read` (auditor).',
);
const needsManage = error(403, 'Needs the permission to manage the catalogue (`catalog.manage`).');
const refused = error(
  400,
  'The process is refused (`process_invalid`): every problem by step (`fields[].path` = `process.steps.<step id>`), in Danish and English; nothing is saved.',
);
const stale = error(409, 'Another version was saved after `baseVersion` (`process_stale`): open the newest.');
const ZBpmnXml = z.string().describe('BPMN 2.0 XML');

/**
 * Processes as diagrams: read a service's process with its checks, download it as BPMN 2.0, and
 * save an edited or uploaded one as a new version of the service.
 */
export function processRoutes(app: FastifyInstance, deps: { database: Database; limits: RateLimits }) {
  const db = deps.database.db;
  const api = app.withTypeProvider<ApiTypeProvider>();

  api.get(
    '/api/v1/processes',
    {
      schema: {
        tags,
        summary: 'The services and their processes',
        response: { 200: json(ZProcessServiceList, 'Each service with its newest version'), 403: needsRead },
      },
    },
    async (request) => listProcessServices({ db }, requireActor(request)),
  );

  api.get(
    '/api/v1/processes/:id',
    {
      schema: {
        tags,
        summary: "A service's process",
        description:
          'The definition in a version (the newest active one without `version`; the default one caseworker task when the service has none), what the checks find, and every version.',
        params: ZServiceProcessParams,
        querystring: ZServiceProcessQuery,
        response: { 200: json(ZServiceProcess, 'The process'), 403: needsRead, 404: noService },
      },
    },
    async (request) =>
      readServiceProcess({ db }, requireActor(request), request.params.id, request.query.version),
  );

  api.get(
    '/api/v1/processes/:id/bpmn',
    {
      schema: {
        tags,
        summary: "A service's process as BPMN 2.0 XML",
        description:
          "Each step as the BPMN element of its kind, Indgang's own settings as `indgang:*` attributes (namespace `urn:indgang:process:1`), with a laid-out diagram: opens in Camunda Modeler and bpmn.io.",
        params: ZServiceProcessParams,
        querystring: ZServiceProcessQuery,
        response: {
          200: media(BPMN, ZBpmnXml, 'The file (as an attachment)'),
          403: needsRead,
          404: noService,
        },
      },
    },
    async (request, reply) => {
      const file = await exportServiceProcess(
        { db },
        requireActor(request),
        request.params.id,
        request.query.version,
      );
      reply
        .type(`${BPMN}; charset=utf-8`)
        .header('content-disposition', `attachment; filename="${file.fileName}"`);
      return file.xml;
    },
  );

  api.put(
    '/api/v1/processes/:id',
    {
      bodyLimit: 2_500_000,
      config: { writes: true, rateLimit: deps.limits.upload },
      schema: {
        tags,
        summary: "Save a service's process as a new version",
        description:
          'As BPMN 2.0 XML (`xml`) or as the JSON definition (`process`). Saved as a new version of the service (running cases keep theirs); the same process as the newest version saves nothing (`changed: false`). Audited.',
        params: ZServiceProcessParams,
        body: validatedByOperation(ZSaveProcessBody),
        response: {
          200: json(ZProcessSaved, 'Saved'),
          400: refused,
          403: needsManage,
          404: noService,
          409: stale,
        },
      },
    },
    async (request) => saveServiceProcess({ db }, requireActor(request), request.params.id, request.body),
  );

  // A BPMN file as it is, e.g. `curl --data-binary @proces.bpmn -H 'content-type: application/xml'`.
  void app.register(async (files) => {
    files.addContentTypeParser(
      ['application/xml', 'text/xml'],
      { parseAs: 'string', bodyLimit: 2_000_000 },
      (_request, body, done) => done(null, body),
    );
    files.withTypeProvider<ApiTypeProvider>().post(
      '/api/v1/processes/:id/bpmn',
      {
        bodyLimit: 2_000_000,
        config: { writes: true, rateLimit: deps.limits.upload },
        schema: {
          tags,
          summary: 'Upload a BPMN 2.0 file as a new version of the service',
          description:
            'The same as saving with `xml`; `baseVersion` names the version the file was made from.',
          params: ZServiceProcessParams,
          querystring: z.object({ baseVersion: z.coerce.number().int().positive() }).strict(),
          body: { content: { [BPMN]: { schema: ZBpmnXml }, 'text/xml': { schema: ZBpmnXml } } },
          response: {
            200: json(ZProcessSaved, 'Saved'),
            400: refused,
            403: needsManage,
            404: noService,
            409: stale,
          },
        },
      },
      async (request) =>
        saveServiceProcess({ db }, requireActor(request), request.params.id, {
          baseVersion: request.query.baseVersion,
          xml: String(request.body ?? ''),
        }),
    );
  });
}
