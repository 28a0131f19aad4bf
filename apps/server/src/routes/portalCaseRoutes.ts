import type { FastifyInstance } from 'fastify';
import type { Database } from '@indgang/db';
import {
  countWaitingCases,
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
  ZAttachmentReadQuery,
  ZBinary,
  ZCaseCounts,
  ZCaseListQuery,
  ZCaseParams,
  ZOk,
  ZPortalCase,
  ZPortalCaseList,
  ZPortalMessageAnswer,
  ZPortalMessageBody,
  ZReopenBody,
  ZSubmitBody,
  ZSubmitted,
  ZUploaded,
} from '@indgang/schemas';
import { requireActor } from '../http/authenticate';
import { error, json, type ApiTypeProvider, OK } from '../http/contract';
import { idempotent, idempotentInline } from '../http/idempotent';
import type { RateLimits } from '../http/rateLimits';

const FILE_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];
/** The types a case view previews in the page; anything else is only downloaded. */
const PREVIEW_TYPES = new Set(['application/pdf', 'image/jpeg', 'image/png']);
const PREVIEW_HEADERS = {
  'content-security-policy':
    "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'",
  'x-frame-options': 'SAMEORIGIN',
};
const tags = ['Portal cases'];
const noCase = error(404, 'No such case that the user may follow.');

/** The portal: submit, follow, answer and reopen cases; upload and fetch files. */
export function portalCaseRoutes(
  app: FastifyInstance,
  deps: {
    database: Database;
    calendar: WorkCalendar;
    jobs: { wake(): Promise<unknown> };
    limits: RateLimits;
    config: { uploadLimits: UploadLimits; demo: boolean };
  },
) {
  const caseDeps = {
    db: deps.database.db,
    calendar: deps.calendar,
    cache: createCatalogCache(),
    uploadLimits: deps.config.uploadLimits,
    // The demo's made-up people have CPR numbers with day 00; only a demo accepts such numbers.
    testCpr: deps.config.demo,
  };
  const afterChange = () => {
    void deps.jobs.wake();
  };
  const api = app.withTypeProvider<ApiTypeProvider>();

  api.post(
    '/api/v1/cases',
    {
      config: { writes: true, idempotencyKey: true },
      schema: {
        tags,
        summary: 'Submit a case',
        description:
          "The answers are checked against the service's current version and the submitter's reach; a receipt is mailed. " +
          'A likely duplicate of an open case answers 409 with the open case in `data`, unless `confirmNotDuplicate` is set.',
        body: ZSubmitBody,
        response: {
          201: json(ZSubmitted, 'The case, its number, deadline and team'),
          400: error(400, 'The answers or documents have errors (each by its field).'),
          404: error(404, 'No such service, or a unit or person out of reach.'),
          409: error(409, 'A likely duplicate of an open case (`possible_duplicate`).'),
        },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const sent = await idempotentInline(request, reply, caseDeps.db, 201, (claim) =>
        submitCase(caseDeps, actor, request.body, claim),
      );
      afterChange();
      return sent;
    },
  );

  api.get(
    '/api/v1/cases',
    {
      schema: {
        tags,
        summary: "The user's cases, or her units' cases",
        description:
          '`view=mine`: the cases she submitted; `view=units`: those of the units she leads. One page, filtered and ordered as asked (newest first by default), with the number of matching cases.',
        querystring: ZCaseListQuery,
        response: { 200: json(ZPortalCaseList, 'One page of the cases') },
      },
    },
    async (request) => listPortalCases(caseDeps, requireActor(request), request.query),
  );

  api.get(
    '/api/v1/cases/counts',
    {
      schema: {
        tags,
        summary: 'What waits on the user, counted',
        description:
          "Her cases returned to her or waiting for her answer, her cases in progress, her units' cases waiting on their submitters (a leader or deputy), and her teams' open cases (a caseworker).",
        response: { 200: json(ZCaseCounts, 'The counts') },
      },
    },
    async (request) => countWaitingCases(caseDeps, requireActor(request)),
  );

  api.get(
    '/api/v1/cases/:id',
    {
      schema: {
        tags,
        summary: 'One case as the portal shows it',
        description:
          'Answers (sensitive ones masked), documents and the public timeline; never internal notes. Audited.',
        params: ZCaseParams,
        response: { 200: json(ZPortalCase, 'The case'), 404: noCase },
      },
    },
    async (request) => getPortalCase(caseDeps, requireActor(request), request.params.id),
  );

  api.post(
    '/api/v1/cases/:id/messages',
    {
      config: { writes: true, idempotencyKey: true },
      schema: {
        tags,
        summary: 'Write to the case, or answer it',
        description:
          'A follow-up joins the case. When the case waits on the submitter this is the answer: it goes back to the caseworker and the clock resumes.',
        params: ZCaseParams,
        body: ZPortalMessageBody,
        response: {
          200: json(ZPortalMessageAnswer, "The case's new version and status"),
          404: noCase,
          409: error(409, 'The case is resolved: reopen it first.'),
        },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const sent = await idempotent(request, reply, caseDeps.db, 200, (db) =>
        postPortalMessage({ ...caseDeps, db }, actor, request.params.id, request.body),
      );
      afterChange();
      return sent;
    },
  );

  api.post(
    '/api/v1/cases/:id/reopen',
    {
      config: { writes: true, idempotencyKey: true },
      schema: {
        tags,
        summary: 'Reopen a resolved case',
        description: 'Within the configured number of working days after it was resolved.',
        params: ZCaseParams,
        body: ZReopenBody,
        response: {
          200: json(ZOk, 'Reopened'),
          404: noCase,
          409: error(409, 'The case cannot be reopened (`reopen_not_allowed`).'),
        },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return idempotent(request, reply, caseDeps.db, 200, async (db) => {
        await reopenCase({ ...caseDeps, db }, actor, request.params.id, request.body.reason);
        return OK;
      });
    },
  );

  // File bodies are read only on the upload route: elsewhere a file type is refused before 20 MB are read.
  void app.register(async (files) => {
    for (const type of FILE_TYPES) {
      files.addContentTypeParser(
        type,
        { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES },
        (_request, body, done) => done(null, body),
      );
    }
    files.withTypeProvider<ApiTypeProvider>().post(
      '/api/v1/attachments',
      {
        bodyLimit: MAX_ATTACHMENT_BYTES,
        config: { rateLimit: deps.limits.upload, writes: true, idempotencyKey: true },
        schema: {
          tags,
          summary: 'Upload a file',
          description:
            'A PDF, JPEG or PNG as the body, its name in `fileName`. It joins a case when the case or a message names it.',
          querystring: ZAttachmentQuery,
          body: { content: Object.fromEntries(FILE_TYPES.map((type) => [type, { schema: ZBinary }])) },
          response: {
            201: json(ZUploaded, 'The file'),
            400: error(
              400,
              "Not an accepted file type, empty, over the user's or the case's limits, or not what its type says.",
            ),
          },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const mimeType = (request.headers['content-type'] ?? '').split(';')[0]!.trim();
        const content = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        return idempotent(request, reply, deps.database.db, 201, (db) =>
          uploadAttachment({ db, uploadLimits: caseDeps.uploadLimits }, actor, {
            fileName: request.query.fileName,
            mimeType,
            content,
          }),
        );
      },
    );
  });

  api.get(
    '/api/v1/attachments/:id',
    {
      schema: {
        tags,
        summary: 'Download a file, or show it in the page',
        description:
          'For its uploader, for those who may see its case, and for the back office. Audited. ' +
          '`view=inline` answers a PDF or an image for a preview in the case view (in a frame of this site only); ' +
          'every other file, and every file without it, is a download.',
        params: ZCaseParams,
        querystring: ZAttachmentReadQuery,
        response: {
          200: {
            description: 'The file, as uploaded',
            content: Object.fromEntries(FILE_TYPES.map((type) => [type, { schema: ZBinary }])),
          },
          404: error(404, 'No such file that the user may see.'),
        },
      },
    },
    async (request, reply) => {
      const file = await readAttachment({ db: deps.database.db }, requireActor(request), request.params.id);
      const inline = request.query.view === 'inline' && PREVIEW_TYPES.has(file.mimeType);
      reply.header('content-type', file.mimeType);
      reply.header(
        'content-disposition',
        `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      );
      // A preview is framed by the case view of this site and by nothing else; the file itself may
      // load nothing (a PDF's scripts and links to elsewhere stay inert).
      if (inline) reply.headers(PREVIEW_HEADERS);
      return file.content;
    },
  );
}
