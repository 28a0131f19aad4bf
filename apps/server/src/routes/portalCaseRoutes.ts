import type { FastifyInstance } from 'fastify';
import type { Database } from '@indgang/db';
import {
  createCatalogCache,
  getPortalCase,
  listPortalCases,
  MAX_ATTACHMENT_BYTES,
  postPortalMessage,
  readAttachment,
  reopenCase,
  submitCase,
  uploadAttachment,
  type UploadLimits,
  type WorkCalendar,
} from '@indgang/domain';
import {
  ZAttachmentQuery,
  ZCaseListQuery,
  ZCaseParams,
  ZPortalMessageBody,
  ZReopenBody,
  ZSubmitBody,
} from '@indgang/schemas';
import { requireActor, requireWritable } from '../http/authenticate';
import { idempotent, idempotentInline } from '../http/idempotent';
import { parseInput } from '../http/parseInput';
import type { RateLimits } from '../http/rateLimits';

const FILE_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];

/** The portal: submit, follow, answer and reopen cases; upload and fetch files. */
export function portalCaseRoutes(
  app: FastifyInstance,
  deps: {
    database: Database;
    calendar: WorkCalendar;
    jobs: { wake(): Promise<unknown> };
    limits: RateLimits;
    config: { uploadLimits: UploadLimits };
  },
) {
  const caseDeps = {
    db: deps.database.db,
    calendar: deps.calendar,
    cache: createCatalogCache(),
    uploadLimits: deps.config.uploadLimits,
  };
  const afterChange = () => {
    void deps.jobs.wake();
  };

  app.post('/api/v1/cases', async (request, reply) => {
    const actor = requireActor(request);
    requireWritable(actor);
    const body = parseInput(ZSubmitBody, request.body, 'body');
    const sent = await idempotentInline(request, reply, caseDeps.db, 201, (claim) =>
      submitCase(caseDeps, actor, body, claim),
    );
    afterChange();
    return sent;
  });

  app.get('/api/v1/cases', async (request) =>
    listPortalCases(caseDeps, requireActor(request), parseInput(ZCaseListQuery, request.query, 'query')),
  );

  app.get('/api/v1/cases/:id', async (request) => {
    const { id } = parseInput(ZCaseParams, request.params, 'params');
    return getPortalCase(caseDeps, requireActor(request), id);
  });

  app.post('/api/v1/cases/:id/messages', async (request, reply) => {
    const actor = requireActor(request);
    requireWritable(actor);
    const { id } = parseInput(ZCaseParams, request.params, 'params');
    const message = parseInput(ZPortalMessageBody, request.body, 'body');
    const sent = await idempotent(request, reply, caseDeps.db, 200, (db) =>
      postPortalMessage({ ...caseDeps, db }, actor, id, message),
    );
    afterChange();
    return sent;
  });

  app.post('/api/v1/cases/:id/reopen', async (request, reply) => {
    const actor = requireActor(request);
    requireWritable(actor);
    const { id } = parseInput(ZCaseParams, request.params, 'params');
    const { reason } = parseInput(ZReopenBody, request.body, 'body');
    return idempotent(request, reply, caseDeps.db, 200, async (db) => {
      await reopenCase({ ...caseDeps, db }, actor, id, reason);
      return { ok: true };
    });
  });

  // File bodies are read only on the upload route: elsewhere a file type is refused before 20 MB are read.
  void app.register(async (files) => {
    for (const type of FILE_TYPES) {
      files.addContentTypeParser(
        type,
        { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES },
        (_request, body, done) => done(null, body),
      );
    }
    files.post(
      '/api/v1/attachments',
      { bodyLimit: MAX_ATTACHMENT_BYTES, config: { rateLimit: deps.limits.upload } },
      async (request, reply) => {
        const actor = requireActor(request);
        requireWritable(actor);
        const { fileName } = parseInput(ZAttachmentQuery, request.query, 'query');
        const mimeType = (request.headers['content-type'] ?? '').split(';')[0]!.trim();
        const content = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        return idempotent(request, reply, deps.database.db, 201, (db) =>
          uploadAttachment({ db, uploadLimits: caseDeps.uploadLimits }, actor, {
            fileName,
            mimeType,
            content,
          }),
        );
      },
    );
  });

  app.get('/api/v1/attachments/:id', async (request, reply) => {
    const { id } = parseInput(ZCaseParams, request.params, 'params');
    const file = await readAttachment({ db: deps.database.db }, requireActor(request), id);
    reply.header('content-type', file.mimeType);
    reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
    return reply.send(file.content);
  });
}
