/**
 * Serves the built web app (dist/web, `npm run build:web`) beside the API: hashed assets with a
 * year-long immutable cache, everything else revalidated, and the SPA fallback — any GET that is
 * not under /api, /hooks or /healthz and is not a file answers index.html, so a deep link
 * (`/w/acme/kpis/k1`) opens the app. Text assets are gzipped once and kept in memory.
 *
 * Mount after the API routes: `app.use('*', staticWeb())`.
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Context, MiddlewareHandler } from 'hono';

/** The built app of this checkout (`npm run build:web`). */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../dist/web', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt', '.map']);

/** Paths the API, webhooks and health check own; never answered with the app. */
const SERVER_PREFIXES = ['/api/', '/hooks/'];
const SERVER_PATHS = new Set(['/api', '/hooks', '/healthz']);

/** Mantine sets CSS variables in style tags, hence 'unsafe-inline' for styles only. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

interface CachedFile {
  body: Uint8Array;
  gzipped: Uint8Array | null;
  type: string;
  mtimeMs: number;
}

export interface StaticWebOptions {
  /** The built app; default `dist/web` of this checkout. */
  root?: string;
}

function isServerPath(path: string): boolean {
  return SERVER_PATHS.has(path) || SERVER_PREFIXES.some((p) => path.startsWith(p));
}

/** The file under root that a URL path names, or null when it escapes root. */
function fileFor(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const full = normalize(join(root, decoded));
  return full === root || full.startsWith(root + sep) ? full : null;
}

/**
 * Whether the web app is built under root. The plain server pages for setup, invitation and
 * password links step aside for the app's own screens when it is (src/server/pages/pages.ts).
 */
export function webAppBuilt(root: string = DEFAULT_WEB_ROOT): boolean {
  return existsSync(join(resolve(root), 'index.html'));
}

/** Hono middleware serving the web app; passes API, webhook and health paths on untouched. */
export function staticWeb(options: StaticWebOptions = {}): MiddlewareHandler {
  const root = resolve(options.root ?? DEFAULT_WEB_ROOT);
  const cache = new Map<string, CachedFile>();

  async function load(file: string): Promise<CachedFile | null> {
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(file);
    } catch {
      return null;
    }
    if (!info.isFile()) return null;
    const hit = cache.get(file);
    if (hit && hit.mtimeMs === info.mtimeMs) return hit;
    const body = new Uint8Array(await readFile(file));
    const ext = extname(file).toLowerCase();
    const entry: CachedFile = {
      body,
      gzipped:
        COMPRESSIBLE.has(ext) && body.byteLength > 1024 ? new Uint8Array(gzipSync(body, { level: 9 })) : null,
      type: TYPES[ext] ?? 'application/octet-stream',
      mtimeMs: info.mtimeMs,
    };
    cache.set(file, entry);
    return entry;
  }

  function send(c: Context, file: CachedFile, cacheControl: string): Response {
    const gzip = file.gzipped !== null && /\bgzip\b/.test(c.req.header('accept-encoding') ?? '');
    const body = gzip && file.gzipped ? file.gzipped : file.body;
    const headers: Record<string, string> = {
      'Content-Type': file.type,
      'Cache-Control': cacheControl,
      'X-Content-Type-Options': 'nosniff',
      'Content-Length': String(body.byteLength),
      Vary: 'Accept-Encoding',
    };
    if (gzip) headers['Content-Encoding'] = 'gzip';
    if (file.type.startsWith('text/html')) {
      headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY;
      headers['Referrer-Policy'] = 'same-origin';
    }
    const payload = c.req.method === 'HEAD' ? null : body;
    return new Response(payload as BodyInit | null, { status: 200, headers });
  }

  return async (c, next) => {
    const method = c.req.method;
    const path = c.req.path;
    if ((method !== 'GET' && method !== 'HEAD') || isServerPath(path)) return next();

    const file = fileFor(root, path);
    if (file && path !== '/' && !path.endsWith('/')) {
      const found = await load(file);
      if (found) {
        const hashed = path.startsWith('/assets/');
        return send(c, found, hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      }
      // A missing asset is a 404, not the app: a stale tab asking for an old chunk must fail clearly.
      if (path.startsWith('/assets/') || extname(path) !== '') return next();
    }

    const index = await load(join(root, 'index.html'));
    if (!index) {
      // Only a browser navigation learns how to build the app; any other request gets the server's 404.
      if (!(c.req.header('accept') ?? '').includes('text/html')) return next();
      return c.text(
        'The web app is not built yet. Run `npm run build:web` (npm start does it for you).',
        503,
      );
    }
    return send(c, index, 'no-cache');
  };
}
