import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '@indgang/db';
import { DomainError, importOrgFile, requirePermission } from '@indgang/domain';
import {
  checkedAtRunTime,
  ZImportQuery,
  ZOrgFileCsv,
  ZOrgFileJson,
  ZOrgImportLine,
  ZOrgImportResult,
} from '@indgang/schemas';
import { requireActor } from '../http/authenticate';
import { error, validatedByOperation, type ApiTypeProvider } from '../http/contract';
import type { RateLimits } from '../http/rateLimits';

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

function importFormat(request: FastifyRequest): 'csv' | 'json' {
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim();
  if (type === 'text/csv') return 'csv';
  if (type === 'application/json') return 'json';
  throw new DomainError('invalid', 'import_content_type', {
    da: 'Send filen som text/csv eller application/json.',
    en: 'Send the file as text/csv or application/json.',
  });
}

/**
 * Organisation import. With `Accept: application/x-ndjson` the answer is a stream of progress
 * lines ending in the result, so the browser can show how far a large import has come.
 */
export function importRoutes(app: FastifyInstance, deps: { database: Database; limits: RateLimits }) {
  const db = deps.database.db;
  // CSV is read only where an organisation file is imported.
  void app.register(async (imports) => {
    imports.addContentTypeParser(
      'text/csv',
      { parseAs: 'string', bodyLimit: MAX_IMPORT_BYTES },
      (_request, body, done) => done(null, body),
    );

    imports.withTypeProvider<ApiTypeProvider>().post(
      '/api/v1/org/imports',
      {
        bodyLimit: MAX_IMPORT_BYTES,
        config: { rateLimit: deps.limits.upload },
        schema: {
          tags: ['Organisation'],
          summary: 'Import the organisation and its people from a file',
          description:
            'Every row is checked first; any error refuses the file with all errors by row and column, and nothing is written. ' +
            'With `Accept: application/x-ndjson` the answer streams progress lines and ends with the result or the error.',
          querystring: ZImportQuery,
          body: {
            content: {
              'text/csv': { schema: validatedByOperation(ZOrgFileCsv) },
              'application/json': { schema: validatedByOperation(ZOrgFileJson) },
            },
          },
          response: {
            200: {
              description: 'The import, written whole',
              content: {
                'application/json': { schema: ZOrgImportResult },
                'application/x-ndjson': {
                  schema: checkedAtRunTime(ZOrgImportLine).describe('One JSON object per line'),
                },
              },
            },
            400: error(400, 'The file cannot be read, is empty, or is neither CSV nor JSON.'),
            403: error(403, 'Needs the permission to import the organisation (`org.import`).'),
            422: error(422, 'The file has errors: all of them by row and column; nothing is written.'),
          },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        requirePermission(actor, 'org.import');
        const format = importFormat(request);
        const { fileName } = request.query;
        const text = format === 'csv' ? String(request.body ?? '') : JSON.stringify(request.body ?? null);
        const input = { format, text, fileName };
        if (!(request.headers.accept ?? '').includes('application/x-ndjson')) {
          return importOrgFile({ db }, actor, input);
        }
        const stream = new PassThrough();
        reply
          .header('content-type', 'application/x-ndjson; charset=utf-8')
          .header('cache-control', 'no-store');
        const line = (value: unknown) => stream.write(`${JSON.stringify(value)}\n`);
        let lastSent = 0;
        void importOrgFile({ db }, actor, input, (progress) => {
          const now = Date.now();
          if (progress.done === progress.total || now - lastSent > 100) {
            lastSent = now;
            line({ progress });
          }
        })
          .then(
            (result) => line({ result }),
            (error: unknown) => {
              if (error instanceof DomainError)
                line({ error: { code: error.code, message: error.text, fields: error.fields } });
              else {
                request.log.error({ err: error }, 'import failed');
                line({
                  error: {
                    code: 'internal',
                    message: {
                      da: 'Importen fejlede uventet; intet er ændret.',
                      en: 'The import failed unexpectedly; nothing was changed.',
                    },
                    fields: [],
                  },
                });
              }
            },
          )
          .finally(() => stream.end());
        return reply.send(stream);
      },
    );
  });
}
