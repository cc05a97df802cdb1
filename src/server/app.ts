/**
 * `createApp(deps)`: the whole HTTP surface, without listening (tests call `app.request()`).
 * Order matters: security headers and error shaping wrap everything; foreign-origin changes are
 * refused and body limits enforced before anything reads the body; the caller is identified, then
 * each route's own matrix check runs before its input is validated.
 */
import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '#src/errors';
import type { AppDeps, AppEnv } from './app-env.ts';
import { authenticate } from './middleware/authenticate.ts';
import { isSecure } from './middleware/cookies.ts';
import { rejectForeignOrigin } from './middleware/csrf.ts';
import { errorJson, onError } from './middleware/error-handler.ts';
import { rateLimit } from './middleware/rate-limit.ts';
import { securityHeaders } from './middleware/security-headers.ts';
import { newOpenApiApp, type TandemApp } from './openapi-app.ts';
import { registerPages } from './pages/pages.ts';
import { registerArchiveRoutes } from './routes/archive.ts';
import { registerAssignmentRoutes } from './routes/assignments.ts';
import { registerAssistantRoutes } from './routes/assistants.ts';
import { registerAuditRoute } from './routes/audit.ts';
import { registerAuthRoutes } from './routes/auth.ts';
import { registerCheckinRoutes } from './routes/checkins.ts';
import { registerClientRoutes } from './routes/clients.ts';
import { registerConnectionRoutes } from './routes/connections.ts';
import { registerDemoRoute } from './routes/demo.ts';
import { registerDevelopmentRoutes } from './routes/development.ts';
import { registerDocsRoutes } from './routes/docs.ts';
import { registerEventRoutes } from './routes/events.ts';
import { registerHealthRoute } from './routes/health.ts';
import { registerHookRoutes } from './routes/hooks.ts';
import { registerIdentityRoutes } from './routes/identities.ts';
import { registerImportRoutes } from './routes/imports.ts';
import { registerIngestRoute } from './routes/ingest.ts';
import { registerKpiRoutes } from './routes/kpis.ts';
import { registerMemberRoutes } from './routes/members.ts';
import { registerMetricsRoute } from './routes/metrics.ts';
import { registerNotificationRoutes } from './routes/notifications.ts';
import { registerOverviewRoute } from './routes/overview.ts';
import { registerQualityRoutes } from './routes/quality.ts';
import { registerQuarterlyReviewRoutes } from './routes/quarterly-reviews.ts';
import { registerReportRoutes } from './routes/reports.ts';
import { registerReviewRoutes } from './routes/reviews.ts';
import { registerSetupRoute } from './routes/setup.ts';
import { registerSurveyRoutes } from './routes/surveys.ts';
import { registerTokenRoutes } from './routes/tokens.ts';
import { registerWebhookEndpointRoutes } from './routes/webhook-endpoints.ts';
import { registerWorkspaceRoutes } from './routes/workspaces.ts';
import { DEFAULT_WEB_ROOT, staticWeb } from './static-web.ts';

export const API_VERSION = '0.1.0';

/** A survey link's token sits in its path (SPEC §8); the request log keeps the path without it. */
const LINK_TOKEN_PATH = /^(\/s\/|\/api\/v1\/public\/surveys\/)[^/]+/;
export function withoutLinkToken(path: string): string {
  return path.replace(LINK_TOKEN_PATH, '$1[token]');
}

const INGEST_PATH = /^\/api\/v1\/workspaces\/[^/]+\/events\/?$/;
/** Import uploads and commits (SPEC §10): the archive limit; each format's own cap is checked later. */
const IMPORT_PATH = /^\/api\/v1\/workspaces\/[^/]+\/imports(\/[^/]+\/commit)?\/?$/;

/** 413 before parsing: the declared length is checked first, a streamed body is cut at the limit. */
function limits(deps: AppDeps): MiddlewareHandler<AppEnv> {
  const make = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: () => {
        throw new AppError(
          'payload_too_large',
          `The request body is over the ${maxSize} byte limit of this route`,
          {
            limit: maxSize,
          },
        );
      },
    });
  const json = make(deps.limits.jsonBytes);
  const ndjson = make(deps.limits.ndjsonBytes);
  const archive = make(deps.limits.archiveBytes);
  return (c, next) => {
    const path = c.req.path;
    if (c.req.method === 'POST' && INGEST_PATH.test(path)) return ndjson(c, next);
    if (c.req.method === 'POST' && path === '/api/v1/workspaces/restore') return archive(c, next);
    if (c.req.method === 'POST' && IMPORT_PATH.test(path)) return archive(c, next);
    return json(c, next);
  };
}

export interface CreateAppOptions {
  /** The built web app (default dist/web); without one, the plain server pages answer the links. */
  webRoot?: string;
}

export function createApp(deps: AppDeps, options: CreateAppOptions = {}): TandemApp {
  const webRoot = options.webRoot ?? DEFAULT_WEB_ROOT;
  const app = newOpenApiApp();
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    c.set('requestId', randomUUID());
    c.set('auth', null);
    c.set('member', null);
    const started = performance.now();
    await next();
    deps.logger.info(
      {
        requestId: c.get('requestId'),
        method: c.req.method,
        path: withoutLinkToken(c.req.path),
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      'request',
    );
  });
  app.use('*', securityHeaders(isSecure(deps.publicUrl)));
  app.onError(onError);
  app.notFound((c) => errorJson(c, 'not_found', 'No such route'));
  app.use('*', rejectForeignOrigin);
  app.use('*', limits(deps));
  const limiter = rateLimit(deps.rateLimits);
  app.use('/api/*', limiter.perIp);
  app.use('*', authenticate);
  app.use('/api/*', limiter.perCaller);

  registerHealthRoute(app);
  registerDocsRoutes(app, API_VERSION);
  registerPages(app, webRoot);
  registerAuthRoutes(app);
  registerSetupRoute(app);
  registerMemberRoutes(app);
  registerArchiveRoutes(app);
  registerWorkspaceRoutes(app);
  registerDemoRoute(app);
  registerClientRoutes(app);
  registerAssistantRoutes(app);
  registerAssignmentRoutes(app);
  registerIdentityRoutes(app);
  registerIngestRoute(app);
  registerImportRoutes(app);
  registerEventRoutes(app);
  registerMetricsRoute(app);
  registerKpiRoutes(app);
  registerOverviewRoute(app);
  registerCheckinRoutes(app);
  registerReviewRoutes(app);
  registerDevelopmentRoutes(app);
  registerQualityRoutes(app);
  registerReportRoutes(app);
  registerSurveyRoutes(app);
  registerQuarterlyReviewRoutes(app);
  registerAuditRoute(app);
  registerTokenRoutes(app);
  registerNotificationRoutes(app);
  registerConnectionRoutes(app);
  registerHookRoutes(app);
  registerWebhookEndpointRoutes(app);
  app.use('*', staticWeb({ root: webRoot }));
  return app;
}
