import pino, { type Logger } from 'pino';
import { loggableError } from '@indgang/db';

interface RequestLike {
  method?: string;
  url?: string;
  routeOptions?: { url?: string };
  ip?: string;
  id?: string;
}

/**
 * The process's JSON logger. It never writes a query's parameters, a form's answers or a search
 * text: errors keep their type, code and statement name; requests keep their path without the
 * query string; cookies and CSRF tokens are redacted.
 */
export function createLogger(options: { level: string; enabled?: boolean }): Logger {
  return pino({
    level: options.level,
    enabled: options.enabled !== false,
    redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'],
    serializers: {
      err: loggableError,
      error: loggableError,
      req: (request: RequestLike) => ({
        method: request.method,
        path: request.url?.split('?')[0],
        route: request.routeOptions?.url,
        ip: request.ip,
      }),
      res: (reply: { statusCode?: number }) => ({ statusCode: reply.statusCode }),
    },
  });
}
