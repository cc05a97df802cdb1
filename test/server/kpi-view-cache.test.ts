/**
 * The KPI summaries and insights the overview and home read are kept between requests
 * (assistant-views.ts, kpi-view-cache.ts); issue 10 item 4: a kept answer always equals a full
 * computation on the same data at the same asOf. Property-style: for generated datasets (two
 * assistants in Europe/Berlin and America/New_York, both DST changes inside the asOf window), many
 * asOf values — random ones, local midnights, and event instants (deadlines, completions,
 * responses) exactly and 1 ms either side — are each asked twice in a shuffled order through the
 * server's caching services, and each answer is compared with the full SPEC §6 analysis (forecast
 * included) of every KPI over the whole workspace's rows, loaded from the store without any cache.
 * Then the data changes through the use cases — new events, a zone and schedule change, a day
 * off, a process change, a new target, a retired KPI — and the same asOf values are asked again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreparedData } from '#core/compute';
import { describeInsight, valueScaleOf } from '#core/insights/insight-catalogue';
import { kpiDefinitionOf } from '#core/insights/insight-input';
import { assistantInsights } from '#core/insights/insights-for';
import { baselineWindow } from '#core/kpis/baseline';
import { targetOn } from '#core/kpis/kpi';
import type { Direction, KpiMetric } from '#core/kpis/kpi-definition';
import { localDate } from '#core/kpis/local-date';
import { targetStatus } from '#core/kpis/target-status';
import type { MetricFilter } from '#core/metrics/metric-registry';
import { analyzeKpiDetail } from '#core/stats/analyze-kpi';
import { AssistantTime } from '#core/time/assistant-time';
import type { Period } from '#core/time/calendar';
import { updateAssistant } from '#services/assistants/manage-assistants';
import { demoRandom } from '#services/demo/demo-random';
import { insightsOf, kpiSummaries } from '#services/kpis/kpi-analysis';
import { listKpis, type NamedKpi } from '#services/kpis/kpi-record';
import { agreeTargetUseCase, proposeTargetUseCase } from '#services/kpis/kpi-targets';
import {
  addProcessChangeUseCase,
  agreeKpiUseCase,
  proposeKpiUseCase,
  retireKpiUseCase,
} from '#services/kpis/manage-kpis';
import { loadComputeData } from '#services/metrics/load-compute-data';
import type { Actor } from '#services/service-context';
import { type GeneratedData, generateKpiData, ndjson } from './generated-kpi-data.ts';
import { call, makeTeam, STORE_KINDS, startTestServer, type Team, type TestServer } from './test-store.ts';

const DAY = 86_400_000;
const DATA_FROM = Date.parse('2026-07-06T00:00:00Z');
const DATA_UNTIL = Date.parse('2026-11-17T00:00:00Z');
// Europe/Berlin leaves summer time on 2026-10-25, America/New_York on 2026-11-01.
const WINDOW_FROM = Date.parse('2026-10-20T00:00:00Z');
const WINDOW_TO = Date.parse('2026-11-10T00:00:00Z');

interface KpiSpec {
  id: string;
  assistant: 'a1' | 'a2';
  metric: KpiMetric;
  direction: Direction;
  period?: Period;
  filter?: MetricFilter;
  target?: number;
  agree?: false;
}

const KPIS: KpiSpec[] = [
  { id: 'ontime', assistant: 'a1', metric: 'on_time_rate', direction: 'higher', target: 0.8 },
  {
    id: 'admin',
    assistant: 'a1',
    metric: 'on_time_rate',
    direction: 'higher',
    period: 'month',
    filter: { category: 'admin' },
    target: 0.9,
  },
  { id: 'response', assistant: 'a1', metric: 'response_time', direction: 'lower', target: 60 },
  { id: 'quality', assistant: 'a1', metric: 'quality_score', direction: 'higher' },
  { id: 'proactive', assistant: 'a1', metric: 'proactivity', direction: 'higher', target: 2 },
  { id: 'csat-idea', assistant: 'a1', metric: 'csat', direction: 'higher', agree: false },
  { id: 'priority', assistant: 'a2', metric: 'priority_time_share', direction: 'higher', target: 0.3 },
  { id: 'done', assistant: 'a2', metric: 'tasks_completed', direction: 'higher' },
  { id: 'csat', assistant: 'a2', metric: 'csat', direction: 'higher', target: 0.6 },
  {
    id: 'travel',
    assistant: 'a2',
    metric: 'on_time_rate',
    direction: 'higher',
    filter: { category: 'travel' },
  },
  { id: 'monthly-proactive', assistant: 'a2', metric: 'proactivity', direction: 'higher', period: 'month' },
];

/** What kpiSummaries and insightsOf must answer: the full analysis over every row of the workspace. */
async function fullComputation(t: TestServer, ws: string, asOf: number) {
  const data: PreparedData = await loadComputeData(t.deps.db, ws, 'all');
  const kpis = await listKpis(t.deps.db, ws);
  const todayOf = (a: string) => {
    const def = data.assistants.get(a);
    if (!def) throw new Error(`no assistant ${a}`);
    return localDate(asOf, new AssistantTime(def).zoneAt(asOf));
  };
  const summaries = kpis.map((k) => {
    const today = todayOf(k.assistant);
    const target = targetOn(k, today);
    const b = k.startDate ? baselineWindow(k.startDate) : null;
    const base = {
      kpi: k,
      baselineEnds: b?.lastDay ?? null,
      inBaseline: b !== null && today < b.targetsFrom,
      target,
    };
    if (k.status !== 'active') return { ...base, latest: null, status: null, trend: null, recent: [] };
    const a = analyzeKpiDetail(data, kpiDefinitionOf(k, today), asOf);
    const latest = a.series.at(-1) ?? null;
    return {
      ...base,
      latest,
      status: latest ? targetStatus(latest.value, target, k.direction) : null,
      trend: a.trend,
      recent: a.series.slice(-12),
    };
  });
  const byId = new Map(kpis.map((k) => [k.id, k]));
  const insights = [...data.assistants.keys()].sort().flatMap((a) =>
    assistantInsights(data, { assistant: a, kpis, asOf }).map((i) => {
      const k = i.kpi === undefined ? undefined : byId.get(i.kpi);
      // Values are written in the KPI's own unit (SPEC §9), as the product does.
      return { ...i, ...describeInsight(i, k?.name, k === undefined ? undefined : valueScaleOf(k.metric)) };
    }),
  );
  return { summaries, insights };
}

describe.each(STORE_KINDS)('kept KPI summaries and insights on %s', (kind) => {
  let t: TestServer;
  afterAll(async () => t?.close());
  beforeAll(async () => {
    t = await startTestServer(kind);
  });

  /** A workspace with the generated data and KPIS agreed on 2026-08-10, targets from 08-24. */
  async function seeded(seed: string): Promise<{ team: Team; owner: Actor; gen: GeneratedData }> {
    const team = await makeTeam(t, 'kpi-views');
    const owner: Actor = {
      userId: team.owner.userId,
      workspaceId: team.ws,
      role: 'owner',
      assistantId: null,
    };
    const self = (a: string): Actor => ({
      userId: `self-${a}`,
      workspaceId: team.ws,
      role: 'assistant',
      assistantId: a,
    });
    const gen = generateKpiData(seed, team.assistants, DATA_FROM, DATA_UNTIL);
    const res = await call(t, 'POST', `/api/v1/workspaces/${team.ws}/events`, {
      token: team.owner.token,
      body: ndjson(gen.events),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    t.clock.now = Date.parse('2026-08-10T10:00:00Z');
    for (const k of KPIS) {
      const { target: _t, agree, ...terms } = k;
      await proposeKpiUseCase(t.deps, owner, terms);
      if (agree !== false) await agreeKpiUseCase(t.deps, self(k.assistant), k.id);
    }
    t.clock.now = Date.parse('2026-08-24T10:00:00Z');
    for (const k of KPIS)
      if (k.target !== undefined) {
        await proposeTargetUseCase(t.deps, owner, k.id, k.target);
        await agreeTargetUseCase(t.deps, self(k.assistant), k.id);
      }
    return { team, owner, gen };
  }

  /**
   * asOf values to ask at: random ones, midnights, and event instants exactly and 1 ms either side,
   * in groups asked in a shuffled order; a group is asked in order, so the instant between its
   * values is crossed while what was kept for the one before is at hand. Every group comes twice:
   * the second ask of a step is answered from what the first kept.
   */
  function sample(seed: string, gen: { instants: readonly number[]; late: readonly number[] }): number[] {
    const rng = demoRandom(seed);
    const inWindow = (xs: readonly number[]) => xs.filter((ms) => ms >= WINDOW_FROM && ms <= WINDOW_TO);
    const groups: number[][] = [
      [WINDOW_FROM],
      [Date.parse('2026-10-24T21:59:59.999Z'), Date.parse('2026-10-24T22:00:00Z')],
      [Date.parse('2026-11-02T04:59:59.999Z'), Date.parse('2026-11-02T05:00:00Z')],
    ];
    for (let i = 0; i < 3; i++)
      groups.push([WINDOW_FROM + Math.floor(rng.next() * (WINDOW_TO - WINDOW_FROM))]);
    for (const list of [inWindow(gen.instants), inWindow(gen.late), inWindow(gen.late), inWindow(gen.late)]) {
      const ms = rng.pick(list);
      groups.push([ms - 1, ms, ms + 1]);
    }
    const twice = [...groups, ...groups];
    for (let i = twice.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [twice[i], twice[j]] = [twice[j] as number[], twice[i] as number[]];
    }
    return twice.flat();
  }

  async function expectKeptEqualsFull(ws: string, asOfs: readonly number[]): Promise<void> {
    for (const asOf of asOfs) {
      const full = await fullComputation(t, ws, asOf);
      const at = new Date(asOf).toISOString();
      expect(await kpiSummaries(t.deps, ws, 'all', asOf), `summaries at ${at}`).toEqual(full.summaries);
      expect(await insightsOf(t.deps, ws, 'all', asOf), `insights at ${at}`).toEqual(full.insights);
    }
  }

  it.each(['first', 'second', 'third'])(
    'equals a full computation for generated dataset %s',
    async (name) => {
      const { team, owner, gen } = await seeded(`kpi-views-${name}`);
      const asOfs = sample(`asof-${name}`, gen);
      await expectKeptEqualsFull(team.ws, asOfs);

      // New events inside the window: deadlines and responses move (the data version changes).
      const more = generateKpiData(`more-${name}`, team.assistants, WINDOW_FROM - 7 * DAY, WINDOW_TO, 'm');
      const res = await call(t, 'POST', `/api/v1/workspaces/${team.ws}/events`, {
        token: team.owner.token,
        body: ndjson(more.events.filter((_, i) => i % 4 === 0)),
      });
      expect(res.status).toBe(200);
      await expectKeptEqualsFull(team.ws, asOfs);

      // a2 moves to Tokyo with evening hours from 10-28; a1 takes 10-29 off (SPEC §2 history).
      await updateAssistant(t.deps, owner, 'a2', {
        change: { from: '2026-10-28', timezone: 'Asia/Tokyo', schedule: { mon: [['13:00', '21:00']] } },
      });
      await updateAssistant(t.deps, owner, 'a1', { daysOff: ['2026-10-29'] });
      await expectKeptEqualsFull(team.ws, asOfs);

      // KPI changes: a process change, a target from inside the window, a retired KPI.
      const self = (a: string): Actor => ({
        userId: `self-${a}`,
        workspaceId: team.ws,
        role: 'assistant',
        assistantId: a,
      });
      await addProcessChangeUseCase(t.deps, owner, 'ontime', '2026-W40');
      await proposeTargetUseCase(t.deps, owner, 'travel', 0.75, '2026-11-02');
      await agreeTargetUseCase(t.deps, self('a2'), 'travel');
      await retireKpiUseCase(t.deps, owner, 'quality');
      await expectKeptEqualsFull(team.ws, asOfs);
    },
    240_000,
  );

  it('answers a repeat within the same asOf step from what it kept', async () => {
    const { team } = await seeded('kpi-views-repeat');
    // Weeks after the last event, an hour apart on the same local day in both zones: one step.
    const first = await kpiSummaries(t.deps, team.ws, 'all', Date.parse('2026-12-16T12:00:00Z'));
    const again = await kpiSummaries(t.deps, team.ws, 'all', Date.parse('2026-12-16T13:00:00Z'));
    const active = first.findIndex((s) => s.kpi.status === 'active');
    expect(first[active]?.recent.length).toBeGreaterThan(0);
    expect(again[active]?.recent).toBe(first[active]?.recent);
    const i1 = await insightsOf(t.deps, team.ws, 'all', Date.parse('2026-12-16T12:00:00Z'));
    const i2 = await insightsOf(t.deps, team.ws, 'all', Date.parse('2026-12-16T13:00:00Z'));
    expect(i1.length).toBeGreaterThan(0);
    expect(i2[0]).toBe(i1[0]);
    // The next local day in Berlin is another step: computed again, to equal values.
    const nextDay = await kpiSummaries(t.deps, team.ws, 'all', Date.parse('2026-12-17T12:00:00Z'));
    expect(nextDay[active]?.recent).not.toBe(first[active]?.recent);
    expect(nextDay[active]?.kpi).toEqual(first[active]?.kpi as NamedKpi);
  }, 120_000);
});
