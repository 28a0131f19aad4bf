import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { ConnectorError, type ConnectorCall } from '@indgang/domain';

/** Where a client sends its calls: the real endpoint or the simulator's, with the same shape. */
export interface ResolvedEndpoint {
  url: string;
  username?: string;
  password?: string;
  cert?: string;
  key?: string;
  ca?: string;
  timeoutMs: number;
}

export interface ConnectorResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  text(): string;
  json<T>(): T;
}

/**
 * One HTTP call to a municipal system, the way every client makes it: basic credentials or a client
 * certificate from the configuration, the call's key in `Idempotency-Key` (systems that honour it
 * answer a retry with the first answer), a time limit (the endpoint's, or the job's when sooner).
 * No answer in time is a `timeout`, a lost connection or a 5xx answer a `transient` ConnectorError;
 * any other answer (4xx too, and a SOAP fault when asked) is returned for the client to read in the
 * system's own words.
 */
export function connectorRequest(
  endpoint: ResolvedEndpoint,
  init: {
    method: string;
    path: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    /**
     * A SOAP 1.1 service answers its faults with 500 and a Fault body (an unknown CPR number too):
     * such an answer is returned for the client to read, which tells a refusal from a failure.
     */
    soapFaults?: boolean;
  },
  call: ConnectorCall,
): Promise<ConnectorResponse> {
  const url = new URL(
    init.path.replace(/^\//, ''),
    endpoint.url.endsWith('/') ? endpoint.url : `${endpoint.url}/`,
  );
  const headers: Record<string, string> = { 'idempotency-key': call.key, ...init.headers };
  if (endpoint.username)
    headers.authorization = `Basic ${Buffer.from(`${endpoint.username}:${endpoint.password ?? ''}`).toString('base64')}`;
  if (init.body !== undefined) headers['content-length'] = String(Buffer.byteLength(init.body));
  const signal = AbortSignal.any([call.signal, AbortSignal.timeout(endpoint.timeoutMs)]);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new ConnectorError('timeout', 'timeout', `No answer from ${url.host}`));
      return;
    }
    const req = send(
      url,
      {
        method: init.method,
        headers,
        signal,
        ...(url.protocol === 'https:' ? { cert: endpoint.cert, key: endpoint.key, ca: endpoint.ca } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', (error) => reject(failure(error, signal, url)));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          const status = res.statusCode ?? 0;
          if ((status >= 500 && !(init.soapFaults && status === 500)) || status === 429) {
            reject(new ConnectorError('transient', `http_${status}`, `${url.host} answered ${status}`));
            return;
          }
          resolve({
            status,
            headers: res.headers,
            body,
            text: () => body.toString('utf8'),
            json: <T>() => JSON.parse(body.toString('utf8')) as T,
          });
        });
      },
    );
    req.on('error', (error) => reject(failure(error, signal, url)));
    req.end(init.body);
  });
}

function failure(error: Error, signal: AbortSignal, url: URL): ConnectorError {
  if (signal.aborted) return new ConnectorError('timeout', 'timeout', `No answer from ${url.host} in time`);
  const code = (error as NodeJS.ErrnoException).code ?? 'connection';
  return new ConnectorError(
    'transient',
    code.toLowerCase(),
    `The connection to ${url.host} failed (${code})`,
  );
}
