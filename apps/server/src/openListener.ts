import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

export interface Listener {
  server: Server;
  /** The address it listens on, e.g. http://127.0.0.1:3100. */
  address: string;
  /** Why the platform is not serving yet, shown by /health and to users meanwhile. */
  waiting(reason: string): void;
  /** Hands every further request to the application. */
  serve(handler: Handler): void;
  close(): Promise<void>;
}

const STARTING = {
  da: 'Indgang starter og venter på databasen. Prøv igen om lidt.',
  en: 'Indgang is starting and waiting for its database. Please try again shortly.',
};

/**
 * Listens at once, before the database is ready, so that a load balancer and the operator see a
 * clear 503 with the reason (on /health) instead of a refused connection while start-up waits.
 */
export async function openListener(host: string, port: number): Promise<Listener> {
  let reason = 'starting';
  let handler: Handler = (request, response) => {
    const path = (request.url ?? '/').split('?')[0]!;
    response.setHeader('retry-after', '5');
    response.setHeader('cache-control', 'no-store');
    if (path === '/health' || path.startsWith('/api/') || path.startsWith('/auth/')) {
      response.writeHead(503, { 'content-type': 'application/json; charset=utf-8' });
      response.end(
        JSON.stringify(
          path === '/health'
            ? { status: 'starting', reason }
            : { error: { code: 'starting', message: STARTING, fields: [] } },
        ),
      );
      return;
    }
    response.writeHead(503, { 'content-type': 'text/html; charset=utf-8' });
    response.end(
      `<!doctype html><html lang="da"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5"><title>Indgang starter</title></head><body><main><h1>Indgang starter</h1><p>${STARTING.da}</p><p lang="en">${STARTING.en}</p></main></body></html>`,
    );
  };
  const server = createServer((request, response) => handler(request, response));
  // Requests Node refuses before any handler (overlong headers, broken HTTP) get the same bilingual JSON.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return socket.destroy();
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const body = JSON.stringify({
      error: {
        code: tooLarge ? 'headers_too_large' : 'bad_request',
        message: tooLarge
          ? { da: 'Adressen eller hovederne er for lange.', en: 'The address or the headers are too long.' }
          : { da: 'Forespørgslen kunne ikke læses.', en: 'The request could not be read.' },
        fields: [],
      },
    });
    socket.end(
      `HTTP/1.1 ${tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request'}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { address: ip, port: actualPort } = server.address() as AddressInfo;
  return {
    server,
    address: `http://${ip.includes(':') ? `[${ip}]` : ip}:${actualPort}`,
    waiting: (text) => {
      reason = text;
    },
    serve: (next) => {
      handler = next;
    },
    // Stops taking connections, lets requests in flight finish, and closes idle keep-alive ones.
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
