import type { FastifyInstance } from 'fastify';
import type { Database } from '@indgang/db';
import {
  exportPersonData,
  listLegalHolds,
  placeLegalHold,
  releaseLegalHold,
  retentionOverview,
} from '@indgang/domain';
import { ZIdParams, ZLegalHoldBody } from '@indgang/schemas';
import { requireActor, requireWritable } from '../http/authenticate';
import { idempotent } from '../http/idempotent';
import { parseInput } from '../http/parseInput';
import { renderPersonExportPdf } from '../privacy/renderPersonExportPdf';

const attachment = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

/** Data protection: a person's data on request (GDPR art. 15), legal holds, and the retention rules. */
export function privacyRoutes(app: FastifyInstance, deps: { database: Database }) {
  const db = deps.database.db;

  app.get('/api/v1/privacy/persons/:id/export', async (request, reply) => {
    const data = await exportPersonData(
      { db },
      requireActor(request),
      parseInput(ZIdParams, request.params, 'params').id,
      'json',
    );
    return reply.header('content-disposition', attachment(`indsigt-${data.person.id}.json`)).send(data);
  });
  app.get('/api/v1/privacy/persons/:id/export.pdf', async (request, reply) => {
    const data = await exportPersonData(
      { db },
      requireActor(request),
      parseInput(ZIdParams, request.params, 'params').id,
      'pdf',
    );
    return reply
      .type('application/pdf')
      .header('content-disposition', attachment(`indsigt-${data.person.id}.pdf`))
      .send(await renderPersonExportPdf(data));
  });

  app.get('/api/v1/privacy/retention', async (request) => retentionOverview({ db }, requireActor(request)));
  app.get('/api/v1/privacy/legal-holds', async (request) => listLegalHolds({ db }, requireActor(request)));
  app.post('/api/v1/privacy/legal-holds', async (request, reply) => {
    const actor = requireActor(request);
    requireWritable(actor);
    const body = parseInput(ZLegalHoldBody, request.body, 'body');
    return idempotent(request, reply, db, 201, (tx) => placeLegalHold({ db: tx }, actor, body));
  });
  app.delete('/api/v1/privacy/legal-holds/:id', async (request) => {
    const actor = requireActor(request);
    requireWritable(actor);
    await releaseLegalHold({ db }, actor, parseInput(ZIdParams, request.params, 'params').id);
    return { ok: true };
  });
}
