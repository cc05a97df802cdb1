/**
 * Invalid input answers 400 with the path of each offending field (issue 4 §5): an unknown field is
 * named by its own path — a mass-assignment attempt shows exactly which field was refused — and a
 * single event's §3 validation error has the same `issues[]` shape as every other 400.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeTeam, STORE_KINDS, startTestServer, type Team, type TestServer } from './test-store.ts';

interface Bad {
  error: { code: string; field?: string; issues: { path: string; message: string }[] };
}

describe.each(STORE_KINDS)('field paths of 400 answers on %s', (kind) => {
  let t: TestServer;
  let team: Team;
  beforeAll(async () => {
    t = await startTestServer(kind);
    team = await makeTeam(t, 'paths');
  });
  afterAll(async () => t?.close());

  it('names an unknown field by its own path', async () => {
    const res = await call(
      t,
      'PATCH',
      `/api/v1/workspaces/${team.ws}/members/${team.members.viewer.userId}`,
      {
        token: team.owner.token,
        json: { role: 'manager', isAdmin: true, plan: 'pro' },
      },
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as Bad;
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.issues.map((i) => i.path)).toEqual(['body.isAdmin', 'body.plan']);
    const after = await call(t, 'GET', `/api/v1/workspaces/${team.ws}/members`, { token: team.owner.token });
    const viewer = ((await after.json()) as { userId: string; role: string }[]).find(
      (m) => m.userId === team.members.viewer.userId,
    );
    expect(viewer?.role).toBe('viewer');
  });

  it('gives a single event the same issues[] shape', async () => {
    const res = await call(t, 'POST', `/api/v1/workspaces/${team.ws}/events/task`, {
      token: team.owner.token,
      json: {
        type: 'task',
        id: 'T1',
        assistant: 'a1',
        title: 't',
        labels: [],
        createdAt: 'yesterday',
        selfInitiated: false,
        priority: false,
      },
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as Bad;
    expect(body.error.field).toBe('createdAt');
    expect(body.error.issues.map((i) => i.path)).toEqual(['body.createdAt']);
  });
});
