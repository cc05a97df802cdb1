/**
 * The OpenAPI 3.1 document and a browsable reference (swagger-ui-dist, pinned in package.json and
 * served from node_modules — no CDN, so the page works offline and under a strict CSP).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AppError } from '#src/errors';
import { authorize } from '../middleware/authorize.ts';
import type { TandemApp } from '../openapi-app.ts';
import { ROUTE_POLICIES } from '../policies/permission-matrix.ts';

const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'text/javascript; charset=utf-8',
};

const INIT = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({ url: '/api/v1/openapi.json', dom_id: '#ui', deepLinking: true });
});
`;

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Tandem API reference</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/api/docs/swagger-ui.css"></head>
<body><div id="ui"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`;

let distDir: string | null = null;
function dist(): string {
  if (!distDir) distDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  return distDir;
}

export function registerDocsRoutes(app: TandemApp, version: string): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API token (Authorization: Bearer tdm_…); never in a URL',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'tandem_session',
    description: 'Browser session; changes also need X-CSRF-Token and a same-origin Origin',
  });
  if (ROUTE_POLICIES['GET /api/v1/openapi.json'] !== 'public') throw new Error('openapi route policy');
  app.use('/api/v1/openapi.json', authorize('public'));
  app.doc31('/api/v1/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Tandem API',
      version,
      description:
        'Outcome-based KPIs for remote and virtual assistants. Errors: {"error":{"code","message",…}}.',
    },
  });
  app.get('/api/docs', authorize('public'), (c) => c.html(PAGE));
  app.get('/api/docs/:file', authorize('public'), (c) => {
    const file = c.req.param('file');
    if (file === 'init.js') return c.body(INIT, 200, { 'Content-Type': 'text/javascript; charset=utf-8' });
    const type = ASSETS[file];
    if (!type) throw new AppError('not_found', 'No such file');
    return c.body(readFileSync(join(dist(), file)), 200, {
      'Content-Type': type,
      'Cache-Control': 'public, max-age=86400',
    });
  });
}
