import type { FastifyInstance } from 'fastify';
import type { Database } from '@indgang/db';
import { readLookupFile } from '@indgang/domain';
import { ZAttachmentReadQuery, ZBinary, ZLookupParams } from '@indgang/schemas';
import { requireActor } from '../http/authenticate';
import { error, type ApiTypeProvider } from '../http/contract';

/** The types a browser shows as a page of their own; anything else is only saved. */
const VIEWABLE = new Set(['application/pdf', 'image/jpeg', 'image/png']);
/** What a shown document may do: nothing (a PDF's scripts and links to elsewhere stay inert). */
const VIEW_HEADERS = {
  'content-security-policy':
    "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'",
  'x-frame-options': 'SAMEORIGIN',
};

/**
 * A lookup's file (a document read from the personnel file): opened or saved by the one who asked,
 * while its answer is kept, without asking the system again.
 */
export function lookupFileRoutes(app: FastifyInstance, deps: { database: Database }) {
  const api = app.withTypeProvider<ApiTypeProvider>();
  api.get(
    '/api/v1/lookups/:id/file',
    {
      schema: {
        tags: ['Lookups'],
        summary: 'Open or save the file a lookup answered',
        description:
          'For the asker alone, for as long as the answer is kept (15 minutes); the read itself was audited when it was asked. ' +
          '`view=inline` shows a PDF or an image as a page of its own; everything else, and everything without it, is saved.',
        params: ZLookupParams,
        querystring: ZAttachmentReadQuery,
        response: {
          200: {
            description: 'The file',
            content: Object.fromEntries(
              [...VIEWABLE, 'application/octet-stream'].map((type) => [type, { schema: ZBinary }]),
            ),
          },
          404: error(404, 'No such lookup for this user, no file in it, or its answer was deleted.'),
        },
      },
    },
    async (request, reply) => {
      const file = await readLookupFile({ db: deps.database.db }, requireActor(request), request.params.id);
      const inline = request.query.view === 'inline' && VIEWABLE.has(file.contentType);
      reply.header(
        'content-type',
        VIEWABLE.has(file.contentType) ? file.contentType : 'application/octet-stream',
      );
      reply.header(
        'content-disposition',
        `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      );
      if (inline) reply.headers(VIEW_HEADERS);
      return file.content;
    },
  );
}
