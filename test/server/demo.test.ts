/**
 * The demo through the API (issue 7): an owner loads it into an empty workspace, then reads it the
 * way the screens do — three assistants in three zones, a §6 signal, the raise_bar and
 * quality_declining insights (SPEC §7), a KPI still proposed, agreed targets — and the audit log
 * holds the load, with the events as one bulk ingest (SPEC §11). A workspace with assistants is
 * refused with 409 workspace_not_empty, and only owners may load it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '#services/auth/api-tokens';
import { createWorkspace } from '#services/workspaces/create-workspace';
import { call, makeTeam, PASSWORD, STORE_KINDS, startTestServer, type TestServer } from './test-store.ts';

interface Summary {
  kpi: { id: string; assistant: string; status: string; proposedBy: string; targets: { value: number }[] };
}
interface Analysis {
  analysis: { signals: { period: string; rule: string; side: string }[] };
}
interface Insight {
  id: string;
  assistant: string;
  kpi?: string;
  title: string;
}

describe.each(STORE_KINDS)('demo data through the API on %s', (kind) => {
  let t: TestServer;
  let ws: string;
  let token: string;
  const get = async <T>(path: string): Promise<T> => {
    const res = await call(t, 'GET', `/api/v1/workspaces/${ws}${path}`, { token });
    expect(res.status, path).toBe(200);
    return (await res.json()) as T;
  };

  beforeAll(async () => {
    t = await startTestServer(kind);
    const created = await createWorkspace(t.deps, {
      name: 'Empty',
      owner: { email: `demo-owner-${kind}@example.com`, password: PASSWORD },
    });
    ws = created.workspace.id;
    token = (await createApiToken(t.deps.db, ws, created.userId, 'owner')).token;
    const res = await call(t, 'POST', `/api/v1/workspaces/${ws}/demo`, { token });
    expect(res.status, await res.clone().text()).toBe(201);
  }, 120_000);
  afterAll(async () => t?.close());

  it('has three assistants in three time zones, with members, clients and assignments', async () => {
    const assistants = await get<{ id: string; timezone: string; name: string }[]>('/assistants');
    expect(assistants).toHaveLength(3);
    expect(new Set(assistants.map((a) => a.timezone))).toEqual(
      new Set(['Asia/Manila', 'Europe/Lisbon', 'America/Bogota']),
    );
    const members = await get<{ role: string }[]>('/members');
    expect(members.map((m) => m.role).sort()).toEqual([
      'assistant',
      'assistant',
      'assistant',
      'coach',
      'manager',
      'owner',
    ]);
    expect((await get<unknown[]>('/clients')).length).toBe(2);
    expect((await get<{ userId: string }[]>('/assignments')).length).toBe(5);
  });

  it('shows a signal, a KPI awaiting the assistant, and agreed targets', async () => {
    const kpis = await get<Summary[]>('/kpis');
    const proposed = kpis.filter((k) => k.kpi.status === 'proposed');
    expect(proposed.map((k) => [k.kpi.id, k.kpi.proposedBy])).toEqual([['ines-csat', 'manager']]);
    const active = kpis.filter((k) => k.kpi.status === 'active');
    expect(active.length).toBe(12);
    expect(active.filter((k) => k.kpi.targets.length > 0).length).toBe(11);
    // Target history: the response-time target was lowered once the inbox rules were in place.
    expect(active.find((k) => k.kpi.id === 'rosa-response')?.kpi.targets.map((x) => x.value)).toEqual([
      45, 24,
    ]);
    const signals: string[] = [];
    for (const k of active) {
      const a = await get<Analysis>(`/kpis/${k.kpi.id}/analysis`);
      for (const s of a.analysis.signals) signals.push(`${k.kpi.id}:${s.rule}:${s.side}`);
    }
    expect(signals).toContain('ines-response:outside:above');
  }, 60_000);

  it('raises the bar on one KPI and flags the declining quality, in coaching words', async () => {
    const insights = await get<Insight[]>('/insights');
    const of = (id: string) => insights.filter((i) => i.id === id).map((i) => i.kpi ?? i.assistant);
    expect(of('raise_bar')).toEqual(['rosa-on-time']);
    expect(of('quality_declining')).toEqual(['ines-quality']);
    expect(of('signal')).toContain('ines-response');
    expect(insights.every((i) => i.title.length > 0)).toBe(true);
  }, 60_000);

  it('audits the load, with the events as one bulk ingest', async () => {
    const page = await get<{ entries: { action: string }[] }>('/audit?limit=500');
    const actions = page.entries.map((e) => e.action);
    expect(actions.filter((a) => a === 'workspace.demo')).toHaveLength(1);
    expect(actions.filter((a) => a === 'events.ingest')).toHaveLength(1);
    expect(actions).toContain('kpi.agree');
    expect(actions).toContain('kpi.process_change');
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await (await call(t, 'GET', '/api/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    const op = doc.paths['/api/v1/workspaces/{ws}/demo']?.post;
    expect(Object.keys(op?.responses ?? {})).toEqual(expect.arrayContaining(['201', '403', '409']));
  });

  it('refuses a workspace that has assistants, and anyone but an owner', async () => {
    const again = await call(t, 'POST', `/api/v1/workspaces/${ws}/demo`, { token });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('workspace_not_empty');
    const team = await makeTeam(t, 'demo');
    const manager = await call(t, 'POST', `/api/v1/workspaces/${team.ws}/demo`, {
      token: team.members.manager.token,
    });
    expect(manager.status).toBe(403);
  });
});
