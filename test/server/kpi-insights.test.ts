/**
 * SPEC §7 insights through the API from data built by hand, on every store; and a manual KPI's
 * values imported from a spreadsheet (SPEC §4 manual, §10) in its series.
 *
 * a1 works in Europe/Berlin (CEST, UTC+2, all through this window), Mon–Fri 09:00–17:00, in the
 * executive assistant role (response benchmark 30 working minutes). asOf is Wednesday
 * 2026-10-14 12:00Z: the last complete week is 2026-W41 (Oct 5–11), the last complete month 09.
 *
 * KPIs, agreed by both sides on these dates (the clock at the second agreement):
 * - quality (quality_score) on 2026-06-01; target 4 agreed on 06-15 (the baseline's end) from 06-15.
 * - proactive (proactivity) on 2026-09-07: baseline 09-07 … 09-20, no target.
 * - ontime (on_time_rate) on 2026-10-05: in its first 28 days until 11-01.
 * - three more proposed, not agreed: six open KPIs.
 *
 * Worked by hand:
 * - completion_low: W41 has 2 admin tasks on time and 2 travel tasks late: 2 / 4 = 0.5 < 0.75.
 * - category_delays: W38–W41 overall 8 on time of 10 = 0.8; travel 0 of 2 = 0 → 80 points below.
 * - response_over_benchmark: one request a week in W40 and W41, received Tue 09:00 local and
 *   answered 10:00 local: 60 working minutes > 30, both weeks.
 * - month_one: ontime started 10-05; 10-05 + 27 days = 11-01.
 * - baseline_ready: proactive events 2 in W37 and 4 in W38; the baseline buckets W37, W38 give a
 *   mean of 3 per week; suggested target max(ceil(3 × 1.15), 3 + 1) = 4.
 * - raise_bar: one rating each Wednesday from W19 (2026-05-06), 4 in even weeks from W19 and 5 in
 *   odd ones. July (W27–W31: 4,5,4,5,4) = 22/5 = 4.4; August (W32–W35: 5,4,5,4) = 4.5; September
 *   (W36–W40: 5,4,5,4,5) = 23/5 = 4.6: all ≥ 4, three complete months met.
 * - signal: the first 20 weekly values (W19–W38) alternate 4 and 5: centre 4.5, mR̄ = 1, limits
 *   4.5 ± 2.66 = [1.84, 7.16], clamped to the 1–5 scale: [1.84, 5]. W41's single rating is 1 < 1.84:
 *   `outside`, below, on the worse side.
 * - too_many: 3 active + 3 proposed = 6 > 5.
 * - review_due: first agreement 2026-06-01; on 10-14 (135 days later) the last check-in fell on
 *   06-01 + 9 × 14 days = 10-05, the last monthly review on 10-01, the last quarterly on 09-01.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postImport } from './import-helpers.ts';
import { ASOF, insightEvents as events } from './insight-scenario.ts';
import { call, makeTeam, STORE_KINDS, startTestServer, type Team, type TestServer } from './test-store.ts';

interface InsightBody {
  id: string;
  severity: string;
  kpi?: string;
  data: Record<string, unknown>;
  title: string;
  message: string;
}

const SUPPORT = 'What support do you need?';

describe.each(STORE_KINDS)('insights through the API on %s', (kind) => {
  let t: TestServer;
  let team: Team;
  let base: string;
  const manager = () => team.members.manager.token;
  const assistant = () => team.members.assistant.token;
  const post = async (path: string, token: string, json?: unknown) => {
    const res = await call(t, 'POST', `${base}${path}`, { token, ...(json !== undefined ? { json } : {}) });
    expect(res.status, `${path}: ${await res.clone().text()}`).toBeLessThan(300);
    return res;
  };
  const agreeOn = async (at: string, id: string, metric: string) => {
    t.clock.now = Date.parse(at);
    await post('/kpis', manager(), { id, assistant: 'a1', metric, direction: 'higher' });
    await post(`/kpis/${id}/agree`, assistant());
  };
  const insights = async () => {
    const res = await call(t, 'GET', `${base}/insights?assistant=a1`, { token: assistant() });
    expect(res.status).toBe(200);
    return (await res.json()) as InsightBody[];
  };

  beforeAll(async () => {
    t = await startTestServer(kind);
    t.clock.now = Date.parse(ASOF);
    team = await makeTeam(t, 'kpi-insights');
    base = `/api/v1/workspaces/${team.ws}`;
    const patched = await call(t, 'PATCH', `${base}/assistants/a1`, {
      token: team.owner.token,
      json: { role: 'executive_assistant' },
    });
    expect(patched.status).toBe(200);
    const ingest = await call(t, 'POST', `${base}/events`, { token: team.owner.token, body: events() });
    expect(ingest.status, await ingest.clone().text()).toBe(200);

    await agreeOn('2026-06-01T10:00:00Z', 'quality', 'quality_score');
    t.clock.now = Date.parse('2026-06-15T10:00:00Z');
    await post('/kpis/quality/targets', manager(), { value: 4 });
    await post('/kpis/quality/targets/agree', assistant());
    await agreeOn('2026-09-07T10:00:00Z', 'proactive', 'proactivity');
    await agreeOn('2026-10-05T10:00:00Z', 'ontime', 'on_time_rate');
    t.clock.now = Date.parse(ASOF);
    for (const metric of ['csat', 'response_time', 'tasks_completed'])
      await post('/kpis', manager(), {
        assistant: 'a1',
        metric,
        direction: metric === 'response_time' ? 'lower' : 'higher',
      });
  }, 60_000);
  afterAll(async () => t?.close());

  it('returns each rule’s insight with its data, below-target ones opening with the support question', async () => {
    const all = await insights();
    const one = (id: string) => {
      const found = all.filter((i) => i.id === id);
      expect(found, id).toHaveLength(1);
      return found[0] as InsightBody;
    };
    expect(one('completion_low')).toMatchObject({
      severity: 'attention',
      data: { period: '2026-W41', value: 0.5, onTime: 2, late: 2, threshold: 0.75 },
    });
    const delays = one('category_delays');
    expect(delays).toMatchObject({
      severity: 'attention',
      data: { category: 'travel', rate: 0, onTime: 0, late: 2, from: '2026-W38', to: '2026-W41' },
    });
    expect(delays.data.overall).toBeCloseTo(0.8, 12);
    expect(delays.data.gapPoints).toBeCloseTo(80, 9);
    expect(one('response_over_benchmark')).toMatchObject({
      severity: 'attention',
      data: {
        role: 'executive_assistant',
        benchmarkMinutes: 30,
        weeks: [
          { period: '2026-W40', value: 60 },
          { period: '2026-W41', value: 60 },
        ],
      },
    });
    expect(one('month_one')).toMatchObject({
      kpi: 'ontime',
      data: { startDate: '2026-10-05', until: '2026-11-01', healthyFrom: 0.85, healthyTo: 0.9, target: null },
    });
    expect(one('baseline_ready')).toMatchObject({
      kpi: 'proactive',
      data: {
        baselineEnds: '2026-09-20',
        baseline: 3,
        suggestedTarget: 4,
        rule: 'baseline × 1.15 rounded up to a whole number, at least one more than the baseline',
      },
    });
    const bar = one('raise_bar');
    expect(bar).toMatchObject({ kpi: 'quality', severity: 'positive', data: { target: 4 } });
    const months = bar.data.months as { period: string; value: number; target: number }[];
    expect(months.map((m) => [m.period, m.target])).toEqual([
      ['2026-07', 4],
      ['2026-08', 4],
      ['2026-09', 4],
    ]);
    expect(months.map((m) => m.value)).toEqual([expect.closeTo(4.4, 12), 4.5, expect.closeTo(4.6, 12)]);
    const signal = one('signal');
    expect(signal).toMatchObject({
      kpi: 'quality',
      severity: 'attention',
      data: {
        period: '2026-W41',
        rule: 'outside',
        side: 'below',
        favourable: false,
        value: 1,
        centre: 4.5,
        upper: 5,
      },
    });
    expect(signal.data.lower).toBeCloseTo(1.84, 12);
    expect(one('too_many')).toMatchObject({ data: { count: 6, active: 3, proposed: 3, recommendedMax: 5 } });
    expect(
      all.filter((i) => i.id === 'review_due').map((i) => [i.data.kind, i.data.dueOn, i.data.agreedOn]),
    ).toEqual([
      ['check_in', '2026-10-05', '2026-06-01'],
      ['monthly_review', '2026-10-01', '2026-06-01'],
      ['quarterly_review', '2026-09-01', '2026-06-01'],
    ]);
    // Every below-target insight opens with the support question, and only those (SPEC §7).
    const attention = all.filter((i) => i.severity === 'attention').map((i) => i.id);
    expect(attention).toEqual(
      expect.arrayContaining(['completion_low', 'category_delays', 'response_over_benchmark', 'signal']),
    );
    for (const i of all) expect(i.message.startsWith(SUPPORT), i.id).toBe(i.severity === 'attention');
  });

  it('keeps counting reviews from the first agreement after that KPI is retired', async () => {
    await post('/kpis/quality/retire', manager());
    const due = (await insights()).filter((i) => i.id === 'review_due');
    expect(due.map((i) => i.data.agreedOn)).toEqual(['2026-06-01', '2026-06-01', '2026-06-01']);
  });

  it('shows a manual KPI’s values imported from a spreadsheet in its series', async () => {
    // Three months of a client NPS kept in a spreadsheet, mapped column by column (SPEC §10).
    const csv = 'Row,KPI,Month,NPS\nr1,nps,2026-07,40\nr2,nps,2026-08,45\nr3,nps,2026-09,52.5\n';
    const fields = {
      format: 'csv',
      file: new TextEncoder().encode(csv),
      fileName: 'nps.csv',
      assistant: 'a1',
      options: {
        eventType: 'manualValue',
        columns: { externalId: 'Row', kpi: 'KPI', period: 'Month', value: 'NPS' },
      },
    };
    const preview = await postImport(t, `${base}/imports`, team.owner.token, fields);
    expect(preview.status, await preview.clone().text()).toBe(201);
    const job = ((await preview.json()) as { job: { id: string }; counts: Record<string, number> }).job.id;
    const commit = await postImport(t, `${base}/imports/${job}/commit`, team.owner.token, fields);
    expect(commit.status, await commit.clone().text()).toBe(200);

    await post('/kpis', manager(), {
      id: 'nps',
      assistant: 'a1',
      metric: 'manual',
      period: 'month',
      direction: 'higher',
    });
    const res = await call(t, 'GET', `${base}/kpis/nps/analysis?asOf=${encodeURIComponent(ASOF)}`, {
      token: manager(),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { analysis: { series: { period: string; value: number | null }[] } };
    // The last complete month on 10-14 is September: the series is the three imported values.
    expect(body.analysis.series).toEqual([
      { period: '2026-07', value: 40 },
      { period: '2026-08', value: 45 },
      { period: '2026-09', value: 52.5 },
    ]);
  });
});
