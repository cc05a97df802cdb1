/**
 * The one way the web app talks to the server: same-origin fetch with the session cookie, JSON in
 * and out, the CSRF token on every change (the server requires it on cookie-authenticated
 * writes), and errors as ApiError.
 */
import { ApiError, apiErrorFrom } from './api-error.ts';
import { forgetEarlyReads, takeEarlyRead } from './early-reads.ts';

let csrfToken: string | null = null;

/** Remembers the session's CSRF token (from the session answer) for later writes. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

function currentCsrf(): string | null {
  return csrfToken ?? readCookie('tandem_csrf') ?? readCookie('__Host-tandem_csrf');
}

export type Query = Record<string, string | number | boolean | null | undefined | readonly string[]>;

/** `/api/v1/…` with the query's defined values appended. */
export function apiUrl(path: string, query?: Query): string {
  const url = new URL(path.startsWith('/') ? path : `/api/v1/${path}`, window.location.origin);
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) for (const item of v) url.searchParams.append(k, String(item));
    else url.searchParams.set(k, String(v));
  }
  return url.pathname + url.search;
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  /** A JSON body, or a ready body (FormData, Blob, string) with its own content type. */
  json?: unknown;
  body?: BodyInit;
  contentType?: string;
  signal?: AbortSignal;
}

async function parseBody(res: Response): Promise<unknown> {
  const type = res.headers.get('content-type') ?? '';
  if (res.status === 204) return null;
  if (type.includes('json')) {
    try {
      return await res.json();
    } catch {
      return null;
    }
  }
  return await res.text();
}

/** Sends one request and resolves to the parsed JSON answer; rejects with ApiError. */
export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? (opts.json !== undefined || opts.body !== undefined ? 'POST' : 'GET');
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: BodyInit | undefined = opts.body;
  if (opts.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.json);
  } else if (opts.contentType) {
    headers['Content-Type'] = opts.contentType;
  }
  if (method !== 'GET') {
    forgetEarlyReads();
    const token = currentCsrf();
    if (token) headers['X-CSRF-Token'] = token;
  }
  const url = apiUrl(path, opts.query);
  let res: Response;
  try {
    // A read the page started before the app's code arrived (early-reads.ts), or a new request.
    const early = method === 'GET' && body === undefined ? takeEarlyRead(url) : undefined;
    res = await (early ??
      fetch(url, {
        method,
        headers,
        body: body ?? null,
        credentials: 'same-origin',
        // The server's pages say Referrer-Policy: no-referrer, under which a browser sends
        // `Origin: null`; the CSRF check needs the real origin, which same-origin keeps.
        referrerPolicy: 'same-origin',
        signal: opts.signal ?? null,
      }));
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(
      0,
      'network',
      'Tandem could not reach the server. Check your connection and try again.',
    );
  }
  const parsed = await parseBody(res);
  if (!res.ok) throw apiErrorFrom(res.status, parsed);
  return parsed as T;
}

/** Fetches a file (an export) and hands it to the browser as a download. */
export async function download(path: string, fallbackName: string, opts: RequestOptions = {}): Promise<void> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = {};
  if (method !== 'GET') {
    const token = currentCsrf();
    if (token) headers['X-CSRF-Token'] = token;
  }
  if (opts.json !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(apiUrl(path, opts.query), {
    method,
    headers,
    credentials: 'same-origin',
    referrerPolicy: 'same-origin',
    body: opts.json !== undefined ? JSON.stringify(opts.json) : null,
  });
  if (!res.ok) throw apiErrorFrom(res.status, await parseBody(res));
  const disposition = res.headers.get('content-disposition') ?? '';
  const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
