export interface ApiErrorBody { code: string; message: { da: string; en: string }; fields: Array<{ path: string; row?: number; column?: string; message: { da: string; en: string } }> }

export class ApiError extends Error {
  constructor(readonly status: number, readonly body: ApiErrorBody) { super(body.message.en); }
}

let csrfToken = 'indgang';

/** The CSRF token of the current session; sent on every state-changing request. */
export function setCsrfToken(token: string | undefined) { csrfToken = token ?? 'indgang'; }

export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  if (init.body !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
  if (init.method && init.method !== 'GET') headers.set('x-csrf-token', csrfToken);
  const response = await fetch(path, { ...init, headers, credentials: 'same-origin' });
  const body = response.headers.get('content-type')?.includes('application/json') ? await response.json() : null;
  if (!response.ok) {
    throw new ApiError(response.status, body?.error ?? { code: 'http', message: { da: `Serverfejl (${response.status}).`, en: `Server error (${response.status}).` }, fields: [] });
  }
  return body as T;
}

export const csrfHeader = () => ({ 'x-csrf-token': csrfToken });
