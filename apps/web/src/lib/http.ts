import { isErrorEnvelope, type ErrorBody } from '@kepai/contracts';

/** A refusal from the api, with its code, ready to be shown in plain words. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody | null,
  ) {
    super(body?.message ?? `HTTP ${status}`);
    this.name = 'ApiError';
  }
}

/** The readable `csrf` cookie the api set at sign-in; echoed on every state-changing request. */
export function csrfToken(): string | null {
  const match = /(?:^|;\s*)csrf=([^;]+)/.exec(document.cookie);
  return match ? decodeURIComponent(match[1]) : null;
}

async function send<T>(method: string, path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set('accept', 'application/json');
  if (method !== 'GET') {
    const csrf = csrfToken();
    if (csrf !== null) headers.set('x-csrf-token', csrf);
  }
  const response = await fetch(`/api/v1${path}`, {
    ...init,
    method,
    credentials: 'same-origin',
    headers,
  });
  if (response.status === 204) return undefined as T;
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, isErrorEnvelope(body) ? body.error : null);
  return body as T;
}

/** Query string from an object, leaving out undefined, null and empty values. */
export function queryString(
  params: Record<string, string | number | boolean | undefined | null>,
): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

export function getJson<T>(path: string, init?: RequestInit): Promise<T> {
  return send<T>('GET', path, init);
}

function withJson(body: unknown, init?: RequestInit): RequestInit {
  const headers = new Headers(init?.headers);
  if (body === undefined) return { ...init, headers };
  headers.set('content-type', 'application/json');
  return { ...init, headers, body: JSON.stringify(body) };
}

export function postJson<T>(path: string, body?: unknown, init?: RequestInit): Promise<T> {
  return send<T>('POST', path, withJson(body, init));
}

export function patchJson<T>(path: string, body: unknown, init?: RequestInit): Promise<T> {
  return send<T>('PATCH', path, withJson(body, init));
}

export function deleteJson<T = void>(path: string, init?: RequestInit): Promise<T> {
  return send<T>('DELETE', path, init);
}

/** multipart/form-data upload of one file in the field "file". */
export function postFile<T>(path: string, file: File): Promise<T> {
  const form = new FormData();
  form.append('file', file);
  return send<T>('POST', path, { body: form });
}
