import type { TApiError } from '@indgang/schemas';
import { bothLanguages } from '../i18n/messages';

/** What a refused request answers: a stable code, the message in Danish and English, the fields at fault. */
export type ApiErrorBody = TApiError['error'];

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.message.en);
  }
}

let csrfToken = 'indgang';

/** The CSRF token of the current session; sent on every state-changing request. */
export function setCsrfToken(token: string | undefined) {
  csrfToken = token ?? 'indgang';
}

export interface ApiInit extends RequestInit {
  /**
   * The key of one submission. A POST without one gets a fresh key; a form that may be sent again
   * after a failure passes the same key each time, so the server stores it once.
   */
  idempotencyKey?: string;
}

/** Waits before each retry of a POST whose answer was lost; the same key makes the retry safe. */
const RETRY_DELAYS_MS = [400, 1500];

const OFFLINE: ApiErrorBody = {
  code: 'network',
  message: bothLanguages('common.offline'),
  fields: [],
};

/** The error a refused response carries (its bilingual message), for requests made with fetch directly. */
export async function apiErrorFrom(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as Partial<TApiError> | null;
  return new ApiError(
    response.status,
    body?.error ?? {
      code: 'http',
      message: bothLanguages('common.serverError', { status: response.status }),
      fields: [],
    },
  );
}

export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

export async function api<T>(path: string, init: ApiInit = {}): Promise<T> {
  const { idempotencyKey, ...request } = init;
  const headers = new Headers(request.headers);
  if (request.body !== undefined && !headers.has('content-type'))
    headers.set('content-type', 'application/json');
  if (request.method && request.method !== 'GET') headers.set('x-csrf-token', csrfToken);
  const post = request.method === 'POST';
  if (post) headers.set('idempotency-key', idempotencyKey ?? newIdempotencyKey());
  let response: Response | null = null;
  for (let attempt = 0; ; attempt += 1) {
    response = await fetch(path, { ...request, headers, credentials: 'same-origin' }).catch(() => null);
    // A lost answer (no connection) or a database that was briefly away: a POST is sent again with
    // its key; anything else is answered as it is.
    const retry = post && (response === null || response.status === 503) && attempt < RETRY_DELAYS_MS.length;
    if (!retry) break;
    await new Promise((resolve) => setTimeout(resolve, RETRY_DELAYS_MS[attempt]));
  }
  if (!response) throw new ApiError(0, OFFLINE);
  if (!response.ok) throw await apiErrorFrom(response);
  return (
    response.headers.get('content-type')?.includes('application/json') ? await response.json() : null
  ) as T;
}

export const csrfHeader = () => ({ 'x-csrf-token': csrfToken });
