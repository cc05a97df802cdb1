/**
 * Every read an owner has of one workspace, for comparing a store with the copy restored from its
 * archive (SPEC §13: restore gives identical API answers): each GET route of the permission matrix
 * that reads the workspace, and page walks that follow the API's own `next` cursors.
 */
import { expect } from 'vitest';
import { call, type TestServer } from './test-store.ts';

/**
 * Paths under /api/v1/workspaces/{ws}; `{job}` is an import job of the workspace, `{checkin}` a
 * check-in, `{review}` a signed review and `{plan}` a development plan (SPEC §8). The audit log is
 * walked on its own: a restore adds its own entry on top.
 */
export const WORKSPACE_READS = [
  '',
  'members',
  'invitations',
  'clients',
  'assistants',
  'assistants/a1',
  'assignments',
  'identities',
  'events',
  'events?type=task',
  'events/task/T1',
  'metrics?asOf=2026-11-20T00:00:00Z',
  'metrics?period=month&asOf=2026-12-01T00:00:00Z',
  'imports',
  'imports/{job}',
  'import-options/trello',
  'import-options/clockify',
  'import-options/asana',
  'kpis',
  'kpis/k1',
  'kpis/k1/targets',
  'kpis/k1/suggested-target',
  'kpis/k1/analysis',
  'insights',
  'role-templates',
  'tokens',
  'checkins?assistant=a1',
  'checkins/{checkin}',
  'reviews',
  'reviews/{review}',
  'reviews/{review}.md',
  'development?assistant=a1',
  'development-plans/{plan}',
];

export interface Answer {
  path: string;
  status: number;
  body: unknown;
}

async function read(t: TestServer, path: string, token: string): Promise<Answer> {
  const res = await call(t, 'GET', path, { token });
  const type = res.headers.get('content-type') ?? '';
  return { path, status: res.status, body: type.includes('json') ? await res.json() : await res.text() };
}

/** The answer of every read, the workspace list included. */
export async function readEverything(
  t: TestServer,
  ws: string,
  ids: { job: string; checkin: string; review: string; plan: string },
  token: string,
): Promise<Answer[]> {
  const out = [await read(t, '/api/v1/workspaces', token)];
  for (const r of WORKSPACE_READS) {
    const filled = r.replace(
      /\{(job|checkin|review|plan)\}/g,
      (_, k: 'job' | 'checkin' | 'review' | 'plan') => ids[k],
    );
    const path = `/api/v1/workspaces/${ws}${r === '' ? '' : `/${filled}`}`;
    out.push(await read(t, path, token));
  }
  return out;
}

export interface Walk {
  /** The cursor each page was fetched with (null for the first). */
  cursors: (string | null)[];
  pages: { next: string | null; [field: string]: unknown }[];
}

/** Follows `next` from the first page to the last; `path` carries the page size. */
export async function walk(t: TestServer, path: string, token: string): Promise<Walk> {
  const out: Walk = { cursors: [], pages: [] };
  let cursor: string | null = null;
  do {
    const url: string = cursor === null ? path : `${path}&cursor=${encodeURIComponent(cursor)}`;
    const res = await call(t, 'GET', url, { token });
    expect(res.status, url).toBe(200);
    const page = (await res.json()) as Walk['pages'][number];
    out.cursors.push(cursor);
    out.pages.push(page);
    cursor = page.next;
  } while (cursor !== null && out.pages.length < 100);
  return out;
}
