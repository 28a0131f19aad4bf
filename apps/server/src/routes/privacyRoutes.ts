import type { FastifyInstance } from 'fastify';
import type { Database } from '@indgang/db';
import {
  exportPersonData,
  listLegalHolds,
  placeLegalHold,
  releaseLegalHold,
  retentionOverview,
} from '@indgang/domain';
import {
  ZBinary,
  ZCreated,
  ZIdParams,
  ZLegalHoldBody,
  ZLegalHolds,
  ZOk,
  ZPersonDataExport,
  ZRetentionOverview,
} from '@indgang/schemas';
import { requireActor } from '../http/authenticate';
import { error, json, media, type ApiTypeProvider, OK } from '../http/contract';
import { idempotent } from '../http/idempotent';
import { renderPersonExportPdf } from '../privacy/renderPersonExportPdf';

const attachment = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;
const tags = ['Privacy'];
const needsPrivacy = error(403, 'Needs the permission to handle data protection (`privacy.manage`).');
const noPerson = error(404, 'No such person.');

/** Data protection: a person's data on request (GDPR art. 15), legal holds, and the retention rules. */
export function privacyRoutes(app: FastifyInstance, deps: { database: Database }) {
  const db = deps.database.db;
  const api = app.withTypeProvider<ApiTypeProvider>();

  api.get(
    '/api/v1/privacy/persons/:id/export',
    {
      schema: {
        tags,
        summary: 'Everything held about a person (GDPR art. 15), as JSON',
        description: 'Audited.',
        params: ZIdParams,
        response: {
          200: json(ZPersonDataExport, 'The data (as an attachment)'),
          403: needsPrivacy,
          404: noPerson,
        },
      },
    },
    async (request, reply) => {
      const data = await exportPersonData({ db }, requireActor(request), request.params.id, 'json');
      reply.header('content-disposition', attachment(`indsigt-${data.person.id}.json`));
      return data;
    },
  );
  api.get(
    '/api/v1/privacy/persons/:id/export.pdf',
    {
      schema: {
        tags,
        summary: 'Everything held about a person (GDPR art. 15), as PDF',
        description: 'Audited.',
        params: ZIdParams,
        response: {
          200: media('application/pdf', ZBinary, 'The data (as an attachment)'),
          403: needsPrivacy,
          404: noPerson,
        },
      },
    },
    async (request, reply) => {
      const data = await exportPersonData({ db }, requireActor(request), request.params.id, 'pdf');
      reply
        .type('application/pdf')
        .header('content-disposition', attachment(`indsigt-${data.person.id}.pdf`));
      return renderPersonExportPdf(data);
    },
  );

  api.get(
    '/api/v1/privacy/retention',
    {
      schema: {
        tags,
        summary: 'The retention rule of each service',
        description:
          "Each service's KLE classification and retention rule, its anonymised cases, and the last run.",
        response: { 200: json(ZRetentionOverview, 'The rules'), 403: needsPrivacy },
      },
    },
    async (request) => retentionOverview({ db }, requireActor(request)),
  );
  api.get(
    '/api/v1/privacy/legal-holds',
    {
      schema: {
        tags,
        summary: 'The legal holds in force',
        response: { 200: json(ZLegalHolds, 'The holds, newest first'), 403: needsPrivacy },
      },
    },
    async (request) => listLegalHolds({ db }, requireActor(request)),
  );
  api.post(
    '/api/v1/privacy/legal-holds',
    {
      config: { writes: true, idempotencyKey: true },
      schema: {
        tags,
        summary: 'Place a legal hold on a case or a person',
        description: 'Retention leaves held data alone until the hold is released.',
        body: ZLegalHoldBody,
        response: {
          201: json(ZCreated, 'The hold'),
          403: needsPrivacy,
          404: error(404, 'No such case or person.'),
        },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return idempotent(request, reply, db, 201, (tx) => placeLegalHold({ db: tx }, actor, request.body));
    },
  );
  api.delete(
    '/api/v1/privacy/legal-holds/:id',
    {
      config: { writes: true },
      schema: {
        tags,
        summary: 'Release a legal hold',
        params: ZIdParams,
        response: {
          200: json(ZOk, 'Released'),
          403: needsPrivacy,
          404: error(404, 'No such hold in force.'),
        },
      },
    },
    async (request) => {
      await releaseLegalHold({ db }, requireActor(request), request.params.id);
      return OK;
    },
  );
}
