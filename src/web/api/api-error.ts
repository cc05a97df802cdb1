/**
 * An API failure as the server reports it (SPEC §13: `{"error":{"code","message",…}}`), or a
 * network failure with code `network`. Screens show `message` where the failure happened and
 * branch only on `code` and `status`, never on message text.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(status: number, code: string, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** The server has no such route (yet) or the thing does not exist for this caller. */
  get isNotFound(): boolean {
    return this.status === 404;
  }

  get isUnauthenticated(): boolean {
    return this.status === 401;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Turns a non-2xx response body into an ApiError, whatever shape the body has. */
export function apiErrorFrom(status: number, body: unknown): ApiError {
  const err = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  const code = typeof err?.code === 'string' ? err.code : status === 404 ? 'not_found' : `http_${status}`;
  const message =
    typeof err?.message === 'string' && err.message !== ''
      ? err.message
      : status === 404
        ? 'This is not available on this server.'
        : status >= 500
          ? 'The server had a problem. Please try again in a moment.'
          : `The request failed (HTTP ${status}).`;
  const { code: _c, message: _m, ...details } = err ?? {};
  return new ApiError(status, code, message, details);
}

/** A readable sentence for any thrown value. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error && e.message) return e.message;
  return 'Something went wrong.';
}
