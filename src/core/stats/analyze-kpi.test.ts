import { describe, expect, it } from 'vitest';
import { buildAssistant, buildManualValue, buildProactive, buildTask, ms } from '#test/builders';
import type { PreparedData } from '../compute.ts';
import type { TandemEvent } from '../events/event-types.ts';
import { type PreparedRow, prepareEvent } from '../metrics/prepared-event.ts';
import { analyzeKpi, analyzeKpis } from './analyze-kpi.ts';

const T_90_7DF = 1.415; // published t table: two-sided 0.20, df 7

function data(events: TandemEvent[]): PreparedData {
  const rows = events.map(prepareEvent).filter((r): r is PreparedRow => r !== null);
  return { assistants: new Map([['ava', buildAssistant({ timezone: 'UTC' })]]), rows };
}

/** Wednesday 12:00 UTC of ISO week `week` of 2026 (W36 starts Monday 2026-08-31). */
function wednesdayOf(week: number): string {
  const t = Date.UTC(2026, 7, 31) + ((week - 36) * 7 + 2) * 86_400_000 + 12 * 3_600_000;
  return new Date(t).toISOString();
}

function proactiveWeeks(counts: number[], firstWeek: number): TandemEvent[] {
  return counts.flatMap((n, i) =>
    Array.from({ length: n }, () => buildProactive({ occurredAt: wednesdayOf(firstWeek + i) })),
  );
}

describe('analyzeKpi', () => {
  // W36 … W45 with 2,4,3,3,2,4,0,3,9,3 proactive events; one more on Tuesday 2026-11-10 (W46).
  const events = [
    ...proactiveWeeks([2, 4, 3, 3, 2, 4, 0, 3, 9, 3], 36),
    buildProactive({ occurredAt: '2026-11-10T09:00:00Z' }),
  ];
  const asOf = ms('2026-11-11T12:00:00Z');
  const kpi = { id: 'k1', assistant: 'ava', metric: 'proactivity' as const, direction: 'higher' as const };

  it('builds the series to the last complete week, an empty week of a count metric as 0', () => {
    const a = analyzeKpi(data(events), kpi, asOf);
    expect(a.series.map((p) => p.period)).toEqual([
      '2026-W36',
      '2026-W37',
      '2026-W38',
      '2026-W39',
      '2026-W40',
      '2026-W41',
      '2026-W42',
      '2026-W43',
      '2026-W44',
      '2026-W45',
    ]);
    expect(a.series.map((p) => p.value)).toEqual([2, 4, 3, 3, 2, 4, 0, 3, 9, 3]);
  });

  it('computes limits per phase and starts a phase at a process change (worked by hand)', () => {
    const a = analyzeKpi(data(events), { ...kpi, processChanges: ['2026-W43'] }, asOf);
    // Phase 1, W36–W42: mean 18/7; ranges 2,1,0,1,2,4 → mR̄ 10/6; lower clamps to 0.
    // Phase 2, W43–W45: 3 values, no limits.
    expect(a.phases).toEqual([
      {
        from: '2026-W36',
        centre: expect.closeTo(18 / 7, 12),
        lower: 0,
        upper: expect.closeTo(18 / 7 + (2.66 * 10) / 6, 12),
      },
      { from: '2026-W43', centre: null, lower: null, upper: null },
    ]);
    expect(a.signals).toEqual([]);
  });

  it('forecasts the month from the count seen plus the level for the rest (worked by hand)', () => {
    const a = analyzeKpi(data(events), kpi, asOf);
    // Level: last 8 weeks 3,3,2,4,0,3,9,3 → 27/8 = 3.375; sample variance 45.875/7.
    // November so far: 3 (W45, Nov 4) + 1 (Nov 10) = 4; left: 19.5 days = 19.5/7 weeks.
    const r = 19.5 / 7;
    const half = T_90_7DF * Math.sqrt(45.875 / 7) * Math.sqrt(r + (r * r) / 8);
    expect(a.forecast?.month?.period).toBe('2026-11');
    expect(a.forecast?.month?.value).toBeCloseTo(4 + 3.375 * r, 10);
    expect(a.forecast?.month?.lower).toBeCloseTo(4 + 3.375 * r - half, 2);
    expect(a.forecast?.month?.upper).toBeCloseTo(4 + 3.375 * r + half, 2);
    expect(a.forecast?.quarter?.period).toBe('2026-Q4');
    // Back-test: one-step errors from W40 on, each against the mean of the (up to 8) weeks before.
    const v = [2, 4, 3, 3, 2, 4, 0, 3, 9, 3];
    let err = 0;
    for (let j = 4; j < v.length; j++) {
      const prev = v.slice(Math.max(0, j - 8), j);
      err += Math.abs((v[j] as number) - prev.reduce((s, x) => s + x, 0) / prev.length);
    }
    expect(a.forecast?.backtestMAE).toBeCloseTo(err / 6, 12);
  });

  it('gives a null trend and forecast with fewer than four values', () => {
    const a = analyzeKpi(data(proactiveWeeks([1, 2, 3], 43)), kpi, asOf);
    expect(a.series).toHaveLength(3);
    expect(a.trend).toBeNull();
    expect(a.forecast).toBeNull();
  });

  it('keeps null weeks of a rate in place and applies the filter', () => {
    const tasks = [
      buildTask({ category: 'follow-up', dueDate: '2026-10-21', completedAt: '2026-10-20T10:00:00Z' }),
      buildTask({ category: 'follow-up', dueDate: '2026-11-04', completedAt: '2026-11-06T10:00:00Z' }),
      buildTask({ category: 'other', dueDate: '2026-10-28', completedAt: '2026-10-30T10:00:00Z' }),
    ];
    const a = analyzeKpi(
      data(tasks),
      {
        id: 'fu',
        assistant: 'ava',
        metric: 'on_time_rate',
        filter: { category: 'follow-up' },
        direction: 'higher',
      },
      asOf,
    );
    expect(a.series).toEqual([
      { period: '2026-W43', value: 1 },
      { period: '2026-W44', value: null },
      { period: '2026-W45', value: 0 },
    ]);
  });

  it('reads a manual KPI from its manualValue events', () => {
    const values = [
      buildManualValue({ kpi: 'nps', period: '2026-08', value: 30 }),
      buildManualValue({ kpi: 'nps', period: '2026-10', value: 40 }),
      buildManualValue({ kpi: 'other', period: '2026-09', value: 99 }),
    ];
    const a = analyzeKpi(
      data(values),
      { id: 'nps', assistant: 'ava', metric: 'manual', period: 'month', direction: 'higher' },
      asOf,
    );
    expect(a.series).toEqual([
      { period: '2026-08', value: 30 },
      { period: '2026-09', value: null },
      { period: '2026-10', value: 40 },
    ]);
  });

  it('refuses a filter that cannot apply and an unknown assistant', () => {
    expect(() =>
      analyzeKpi(data([]), { ...kpi, id: 'x', metric: 'on_time_rate', filter: { channel: 'email' } }, asOf),
    ).toThrow(expect.objectContaining({ code: 'invalid_filter' }));
    expect(() => analyzeKpi(data([]), { ...kpi, assistant: 'nobody' }, asOf)).toThrow(
      expect.objectContaining({ code: 'unknown_assistant' }),
    );
  });

  it('lists KPIs by id', () => {
    const out = analyzeKpis(
      data(events),
      [
        { ...kpi, id: 'b' },
        { ...kpi, id: 'a' },
      ],
      asOf,
    );
    expect(out.map((a) => a.kpi)).toEqual(['a', 'b']);
  });
});
