/**
 * Every failure becomes `{"error":{"code","message",…}}` with the status of the one code table
 * (src/errors.ts). Unexpected errors are logged with the request id and answered as a bare 500 —
 * no stack trace, no internals ever reach the client.
 */

import type { Context, ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError, ERROR_STATUS, type ErrorCode } from '#src/errors';
import type { AppEnv } from '../app-env.ts';

const BY_STATUS: Partial<Record<number, ErrorCode>> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

export function errorJson(
  c: Context,
  code: ErrorCode,
  message: string,
  details?: Record<string, unknown>,
): Response {
  const status = ERROR_STATUS[code] as ContentfulStatusCode;
  return c.json({ error: { ...(details ?? {}), code, message } }, status);
}

/** PostgreSQL class 22 (data exception): bad input that got past validation, not a server fault. */
function dataException(err: unknown): boolean {
  let e: unknown = err;
  for (let i = 0; i < 3 && e; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('22')) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

export const onError: ErrorHandler<AppEnv> = (err, c) => {
  if (err instanceof AppError) {
    const res = errorJson(c, err.code, err.message, err.details);
    const wait = err.details?.retryAfter;
    if (err.code === 'rate_limited' && typeof wait === 'number') res.headers.set('Retry-After', String(wait));
    return res;
  }
  if (err instanceof HTTPException) {
    const code = BY_STATUS[err.status] ?? (err.status >= 500 ? 'internal' : 'bad_request');
    const message =
      code === 'payload_too_large'
        ? 'The request body is larger than this route accepts'
        : code === 'unsupported_media_type'
          ? 'Unsupported Content-Type for this route'
          : err.message || code;
    return errorJson(c, code, message);
  }
  if (dataException(err))
    return errorJson(
      c,
      'validation_failed',
      'A value cannot be stored (for example a NUL character or an out-of-range number)',
    );
  c.get('deps')?.logger.error({ err, requestId: c.get('requestId'), path: c.req.path }, 'unhandled error');
  return errorJson(c, 'internal', 'Something went wrong on the server', { requestId: c.get('requestId') });
};
