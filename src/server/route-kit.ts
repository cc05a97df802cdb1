/**
 * Declares an API route: its OpenAPI description plus the authorization middleware of its row in
 * the permission matrix. A route with no row cannot be declared, so none can slip through
 * unprotected.
 */
import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import { z } from 'zod';
import { ErrorResponse } from '#shared/api-schemas';
import { authorize } from './middleware/authorize.ts';
import { ROUTE_POLICIES } from './policies/permission-matrix.ts';

const errors = {
  400: { description: 'Invalid input (field paths in `error.issues`)' },
  401: { description: 'Not signed in' },
  403: { description: 'The role may not do this' },
  404: { description: 'Not found (or in another workspace)' },
} as const;

export function policyKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${path}`;
}

export function route<R extends RouteConfig>(r: R): R {
  const key = policyKey(r.method, r.path);
  const policy = ROUTE_POLICIES[key];
  if (!policy) throw new Error(`Route ${key} has no row in the permission matrix`);
  const errorResponses = Object.fromEntries(
    Object.entries(errors).map(([status, e]) => [
      status,
      { ...e, content: { 'application/json': { schema: ErrorResponse } } },
    ]),
  );
  // Routes without query parameters still refuse unknown ones: nothing is silently ignored.
  const request = r.request?.query ? r.request : { ...r.request, query: z.strictObject({}) };
  return createRoute({
    ...r,
    request,
    ...(policy === 'public' ? {} : { security: [{ bearer: [] }, { session: [] }] }),
    responses: { ...errorResponses, ...r.responses },
    middleware: [authorize(policy)],
  }) as R;
}
