/**
 * Setting KPIs up through the API, on every store: an assistant created from a role template has
 * its KPIs proposed (SPEC §8 week 1, §9), idempotently; the workspace setting that raises the
 * active-KPI limit (SPEC §5); activity metrics labelled with their outcome counterpart (SPEC §4,
 * §7 activity_metric); process changes and manual values that must match the KPI's period (§4, §6).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeTeam, STORE_KINDS, startTestServer, type Team, type TestServer } from './test-store.ts';

interface KpiBody {
  id: string;
  name: string;
  metric: string;
  status: string;
  proposedBy: string;
  agreed: { manager?: string; assistant?: string };
  activityMetric: { metric: string; name: string; counterpart: string; counterpartName: string } | null;
}
interface Advice {
  id: string;
  kpi?: string;
  title: string;
  data: Record<string, unknown>;
}
interface Change {
  kpi: KpiBody;
  advice: Advice[];
}
interface FromTemplate {
  proposed: Change[];
  skipped: { key: string; kpi: string }[];
}
interface ErrorBody {
  error: { code: string; limit?: number; labels?: string[]; change?: string };
}

describe.each(STORE_KINDS)('KPI setup through the API on %s', (kind) => {
  let t: TestServer;
  let team: Team;
  let base: string;
  const owner = () => team.owner.token;
  const req = async <T>(method: string, path: string, token: string, json?: unknown) => {
    const res = await call(t, method, `${base}${path}`, { token, ...(json !== undefined ? { json } : {}) });
    return { status: res.status, body: (await res.json()) as T };
  };
  const kpisOf = async (assistant: string) =>
    (await req<{ kpi: KpiBody }[]>('GET', `/kpis?assistant=${assistant}`, owner())).body.map((s) => s.kpi);

  beforeAll(async () => {
    t = await startTestServer(kind);
    t.clock.now = Date.parse('2026-11-23T12:00:00Z');
    team = await makeTeam(t, 'kpi-setup');
    base = `/api/v1/workspaces/${team.ws}`;
  });
  afterAll(async () => t?.close());

  it('proposes the role template’s KPIs when an assistant is created from it, audited, once', async () => {
    const created = await req<unknown>('POST', '/assistants', owner(), {
      id: 'ea',
      timezone: 'Europe/Berlin',
      role: 'executive_assistant',
    });
    expect(created.status).toBe(201);
    // SPEC §9 executive assistant, in the template's order; the owner speaks for the manager side.
    const kpis = await kpisOf('ea');
    expect(kpis.map((k) => [k.name, k.metric, k.status, k.proposedBy])).toEqual([
      ['Task completion rate', 'on_time_rate', 'proposed', 'manager'],
      ['Quality score', 'quality_score', 'proposed', 'manager'],
      ['Response time (working minutes)', 'response_time', 'proposed', 'manager'],
      ['Proactivity index', 'proactivity', 'proposed', 'manager'],
      ['Follow-up closure rate', 'on_time_rate', 'proposed', 'manager'],
    ]);
    expect(kpis.every((k) => k.agreed.manager !== undefined && k.agreed.assistant === undefined)).toBe(true);
    const audit = (await (await call(t, 'GET', `${base}/audit?limit=50`, { token: owner() })).json()) as {
      entries: { action: string; target: string }[];
    };
    const proposals = audit.entries.filter((e) => e.action === 'kpi.propose').map((e) => e.target);
    expect(proposals.sort()).toEqual(kpis.map((k) => k.id).sort());

    // The same template again proposes nothing: every suggestion is already open.
    const again = await req<FromTemplate>('POST', '/kpis/from-template', owner(), {
      assistant: 'ea',
      role: 'executive_assistant',
    });
    expect(again.status).toBe(201);
    expect(again.body.proposed).toEqual([]);
    expect(again.body.skipped.map((s) => s.key)).toEqual([
      'on_time_rate',
      'quality_score',
      'response_time',
      'proactivity',
      'follow_up_closure_rate',
    ]);
    // Another template adds only what differs (client satisfaction), and a sixth open KPI is too many.
    const va = await req<FromTemplate>('POST', '/kpis/from-template', owner(), {
      assistant: 'ea',
      role: 'virtual_assistant',
    });
    expect(va.body.proposed.map((c) => c.kpi.metric)).toEqual(['csat']);
    expect(va.body.skipped).toHaveLength(4);
    expect(va.body.proposed[0]?.advice.map((a) => a.id)).toEqual(['too_many']);
    expect(await kpisOf('ea')).toHaveLength(6);
  });

  it('proposes nothing for an assistant created without a known role', async () => {
    for (const [id, role] of [
      ['plain', undefined],
      ['astro', 'astronaut'],
    ] as const) {
      const created = await req<unknown>('POST', '/assistants', owner(), {
        id,
        timezone: 'Europe/Berlin',
        ...(role ? { role } : {}),
      });
      expect(created.status).toBe(201);
      expect(await kpisOf(id)).toEqual([]);
    }
  });

  it('raises the active-KPI limit through a typed, validated, audited setting', async () => {
    const got = await req<{ settings: unknown }>('GET', '', owner());
    expect(got.body.settings).toEqual({ activeKpiLimit: 5, qualitySampleSize: 3 });
    for (const bad of [
      { activeKpiLimit: 4 },
      { activeKpiLimit: 21 },
      { activeKpiLimit: 5.5 },
      { kpiLimit: 6 },
    ]) {
      const r = await req<ErrorBody>('PATCH', '', owner(), { settings: bad });
      expect(r.status, JSON.stringify(bad)).toBe(400);
      expect(r.body.error.code).toBe('validation_failed');
    }
    expect(
      (await req<ErrorBody>('PATCH', '', team.members.manager.token, { settings: { activeKpiLimit: 6 } }))
        .status,
    ).toBe(403);

    // Six KPIs for a1: at the default limit the sixth activation is refused…
    for (let n = 1; n <= 6; n++)
      expect(
        (
          await req<Change>('POST', '/kpis', team.members.manager.token, {
            id: `lim${n}`,
            assistant: 'a1',
            metric: n % 2 === 0 ? 'quality_score' : 'proactivity',
            direction: 'higher',
          })
        ).status,
      ).toBe(201);
    for (let n = 1; n <= 5; n++)
      expect((await req<Change>('POST', `/kpis/lim${n}/agree`, team.members.assistant.token)).status).toBe(
        200,
      );
    const refused = await req<ErrorBody>('POST', '/kpis/lim6/agree', team.members.assistant.token);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'kpi_limit_reached', limit: 5 });

    // …and succeeds once the workspace raises the limit to 6.
    const raised = await req<{ settings: unknown }>('PATCH', '', owner(), {
      settings: { activeKpiLimit: 6 },
    });
    expect(raised.status).toBe(200);
    expect(raised.body.settings).toEqual({ activeKpiLimit: 6, qualitySampleSize: 3 });
    const sixth = await req<Change>('POST', '/kpis/lim6/agree', team.members.assistant.token);
    expect(sixth.status).toBe(200);
    expect(sixth.body.kpi.status).toBe('active');

    const audit = (await (await call(t, 'GET', `${base}/audit?limit=100`, { token: owner() })).json()) as {
      entries: { action: string; before: { settings: unknown }; after: { settings: unknown } }[];
    };
    const update = audit.entries.find((e) => e.action === 'workspace.update');
    expect(update?.before.settings).toEqual({ activeKpiLimit: 5, qualitySampleSize: 3 });
    expect(update?.after.settings).toEqual({ activeKpiLimit: 6, qualitySampleSize: 3 });

    // null returns the setting to its default; the OpenAPI document states the range.
    const reset = await req<{ settings: unknown }>('PATCH', '', owner(), {
      settings: { activeKpiLimit: null },
    });
    expect(reset.body.settings).toEqual({ activeKpiLimit: 5, qualitySampleSize: 3 });
    const doc = (await (await call(t, 'GET', '/api/v1/openapi.json')).json()) as {
      components: {
        schemas: Record<string, { properties: Record<string, { minimum?: number; maximum?: number }> }>;
      };
      paths: Record<string, unknown>;
    };
    expect(doc.components.schemas.WorkspaceSettings?.properties.activeKpiLimit).toMatchObject({
      minimum: 5,
      maximum: 20,
    });
    expect(Object.keys(doc.paths)).toContain('/api/v1/workspaces/{ws}/kpis/{id}/targets/agree');
  });

  it('labels a KPI on an activity metric and advises its outcome counterpart', async () => {
    const proposed = await req<Change>('POST', '/kpis', owner(), {
      id: 'done',
      assistant: 'a2',
      name: 'Tasks done',
      metric: 'tasks_completed',
      direction: 'higher',
    });
    expect(proposed.status).toBe(201);
    // SPEC §4: tasks completed counts effort; the outcome is on-time completion (on_time_rate).
    const label = {
      metric: 'tasks_completed',
      name: 'Tasks completed',
      counterpart: 'on_time_rate',
      counterpartName: 'Task completion rate',
    };
    expect(proposed.body.kpi.activityMetric).toMatchObject(label);
    expect(proposed.body.advice.map((a) => [a.id, a.kpi, a.title])).toEqual([
      ['activity_metric', 'done', 'Tasks completed is an activity metric'],
    ]);
    expect((await req<KpiBody>('GET', '/kpis/done', owner())).body.activityMetric).toMatchObject(label);
    const outcome = await req<Change>('POST', '/kpis', owner(), {
      assistant: 'a2',
      metric: 'on_time_rate',
      direction: 'higher',
    });
    expect(outcome.body.kpi.activityMetric).toBeNull();
    expect(outcome.body.advice).toEqual([]);
    expect((await kpisOf('a2')).map((k) => k.activityMetric?.counterpart ?? null)).toEqual([
      'on_time_rate',
      null,
    ]);
    const insights = await req<Advice[]>('GET', '/insights?assistant=a2', owner());
    expect(insights.body.filter((i) => i.id === 'activity_metric').map((i) => i.kpi)).toEqual(['done']);
  });

  it('refuses a week as a process change of a monthly KPI, and manual values of another period', async () => {
    await req<Change>('POST', '/kpis', owner(), {
      id: 'goals',
      assistant: 'a2',
      metric: 'goal_alignment',
      direction: 'higher',
    });
    // 2026-W40 runs 2026-09-28 … 2026-10-04: it straddles September and October.
    const week = await req<ErrorBody>('POST', '/kpis/goals/process-changes', owner(), { at: '2026-W40' });
    expect(week.status).toBe(400);
    expect(week.body.error).toMatchObject({ code: 'validation_failed', change: '2026-W40' });
    expect(
      (await req<Change>('POST', '/kpis/goals/process-changes', owner(), { at: '2026-10' })).status,
    ).toBe(200);
    expect(
      (await req<Change>('POST', '/kpis/goals/process-changes', owner(), { at: '2026-10-01' })).status,
    ).toBe(200);

    const values = ['2026-W47', '2026-W48'].map((period) =>
      JSON.stringify({
        type: 'manualValue',
        id: `mv-${period}`,
        assistant: 'a2',
        kpi: 'nps',
        period,
        value: 40,
      }),
    );
    const ingest = await call(t, 'POST', `${base}/events`, {
      token: owner(),
      body: `${values.join('\n')}\n`,
    });
    expect(ingest.status).toBe(200);
    const monthly = await req<ErrorBody>('POST', '/kpis', owner(), {
      id: 'nps',
      assistant: 'a2',
      metric: 'manual',
      period: 'month',
      direction: 'higher',
    });
    expect(monthly.status).toBe(400);
    expect(monthly.body.error).toMatchObject({ code: 'validation_failed', labels: ['2026-W47', '2026-W48'] });
    const weekly = await req<Change>('POST', '/kpis', owner(), {
      id: 'nps',
      assistant: 'a2',
      metric: 'manual',
      direction: 'higher',
    });
    expect(weekly.status).toBe(201);
    const toMonthly = await req<ErrorBody>('PATCH', '/kpis/nps', owner(), { period: 'month' });
    expect(toMonthly.status).toBe(400);
  });
});
