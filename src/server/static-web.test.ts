import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staticWeb } from './static-web.ts';

let root: string;
let app: Hono;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'tandem-web-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Tandem</title><div id="root"></div>');
  writeFileSync(join(root, 'assets', 'main-abc123.js'), `console.log(${JSON.stringify('x'.repeat(4000))});`);
  app = new Hono();
  app.get('/api/v1/ping', (c) => c.json({ ok: true }));
  app.use('*', staticWeb({ root }));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('staticWeb', () => {
  it('serves a hashed asset with a year-long immutable cache', async () => {
    const res = await app.request('/assets/main-abc123.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-type')).toContain('javascript');
  });

  it('gzips text assets for a browser that accepts it', async () => {
    const res = await app.request('/assets/main-abc123.js', { headers: { 'Accept-Encoding': 'gzip, br' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const text = gunzipSync(new Uint8Array(await res.arrayBuffer())).toString('utf8');
    expect(text.startsWith('console.log(')).toBe(true);
  });

  it('answers a deep link with index.html, revalidated and with a content security policy', async () => {
    const res = await app.request('/w/acme/kpis/k1');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).toContain('<div id="root">');
  });

  it('leaves API, webhook and health paths to the server', async () => {
    expect((await app.request('/api/v1/ping')).status).toBe(200);
    expect((await app.request('/api/v1/nothing-here')).status).toBe(404);
    expect((await app.request('/hooks/trello')).status).toBe(404);
    expect((await app.request('/healthz')).status).toBe(404);
  });

  it('answers a missing asset with 404 rather than the app', async () => {
    expect((await app.request('/assets/old-chunk-999.js')).status).toBe(404);
    expect((await app.request('/favicon.png')).status).toBe(404);
  });

  it('never serves a file outside its root', async () => {
    const res = await app.request('/..%2f..%2fetc%2fpasswd');
    expect(res.status === 404 || (await res.text()).includes('<div id="root">')).toBe(true);
  });

  it('ignores writes', async () => {
    expect((await app.request('/w/acme', { method: 'POST' })).status).toBe(404);
  });

  it('says how to build the app when it is missing', async () => {
    const empty = new Hono();
    empty.use('*', staticWeb({ root: join(root, 'nope') }));
    const res = await empty.request('/', { headers: { Accept: 'text/html,application/xhtml+xml' } });
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('npm run build:web');
    expect((await empty.request('/anything')).status).toBe(404);
  });
});
