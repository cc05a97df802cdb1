import { describe, expect, it } from 'vitest';
import { buildAssistant, buildProactive, buildRating, buildTask, ms } from '#test/builders';
import { buildKpi } from '#test/kpi-builders';
import type { PreparedData } from '../compute.ts';
import type { TandemEvent } from '../events/event-types.ts';
import { type PreparedRow, prepareEvent } from '../metrics/prepared-event.ts';
import { buildInsightInput } from './insight-input.ts';
import { insightsFor } from './insights-for.ts';

function data(events: TandemEvent[]): PreparedData {
  return {
    assistants: new Map([['ava', buildAssistant({ timezone: 'UTC' })]]),
    rows: events.map(prepareEvent).filter((r): r is PreparedRow => r !== null),
  };
}

describe('buildInsightInput', () => {
  it('judges each complete month since the start against the target in force on its first day', () => {
    const tasks = ['2026-08-20', '2026-09-16', '2026-10-14', '2026-11-18'].map((d) =>
      buildTask({ dueDate: d, completedAt: `${d}T09:00:00Z`, createdAt: '2026-08-01T08:00:00Z' }),
    );
    const kpi = buildKpi({
      startDate: '2026-08-03',
      targets: [{ value: 0.9, effectiveFrom: '2026-08-17', setAt: '2026-08-17T09:00:00Z', setBy: 'manager' }],
    });
    const input = buildInsightInput(data(tasks), {
      assistant: 'ava',
      kpis: [kpi],
      asOf: ms('2026-12-02T12:00:00Z'),
    });
    expect(input.months.get('k1')).toEqual([
      { period: '2026-08', value: 1, target: null, status: null },
      { period: '2026-09', value: 1, target: 0.9, status: 'met' },
      { period: '2026-10', value: 1, target: 0.9, status: 'met' },
      { period: '2026-11', value: 1, target: 0.9, status: 'met' },
    ]);
    expect(insightsFor(input).map((i) => i.id)).toContain('raise_bar');
  });

  describe('a weekly count KPI judged per week of each month (SPEC §5 raise the bar)', () => {
    // Proactivity, weekly, target 3 a week from 2026-08-17; asOf 2026-12-02 (UTC): complete months
    // August (no target on its 1st) to November. `n` proactive actions on days 1…n of each month.
    const kpi = buildKpi({
      metric: 'proactivity',
      startDate: '2026-08-03',
      targets: [{ value: 3, effectiveFrom: '2026-08-17', setAt: '2026-08-17T09:00:00Z', setBy: 'manager' }],
    });
    const actions = (counts: Record<string, number>) =>
      Object.entries(counts).flatMap(([month, n]) =>
        Array.from({ length: n }, (_, i) =>
          buildProactive({ occurredAt: `${month}-${String(i + 1).padStart(2, '0')}T12:00:00Z` }),
        ),
      );
    const judge = (counts: Record<string, number>) =>
      buildInsightInput(data(actions(counts)), {
        assistant: 'ava',
        kpis: [kpi],
        asOf: ms('2026-12-02T12:00:00Z'),
      });

    it('fires when each month’s count per week meets the weekly target', () => {
      // Sep 13 ÷ (30/7) ≈ 3.03, Oct 14 ÷ (31/7) ≈ 3.16, Nov 13 ÷ (30/7) ≈ 3.03: all ≥ 3.
      const input = judge({ '2026-08': 12, '2026-09': 13, '2026-10': 14, '2026-11': 13 });
      expect(input.months.get('k1')).toEqual([
        { period: '2026-08', value: 12 / (31 / 7), target: null, status: null },
        { period: '2026-09', value: 13 / (30 / 7), target: 3, status: 'met' },
        { period: '2026-10', value: 14 / (31 / 7), target: 3, status: 'met' },
        { period: '2026-11', value: 13 / (30 / 7), target: 3, status: 'met' },
      ]);
      expect(insightsFor(input).map((i) => i.id)).toContain('raise_bar');
    });

    it('does not fire on monthly totals above the weekly target', () => {
      // 9 a month is ≥ 3 as a total, but 9 ÷ (30/7) = 2.1 and 9 ÷ (31/7) ≈ 2.03 a week: below.
      const input = judge({ '2026-09': 9, '2026-10': 9, '2026-11': 9 });
      expect(input.months.get('k1')?.map((m) => m.status)).toEqual([null, 'below', 'below', 'below']);
      expect(insightsFor(input).map((i) => i.id)).not.toContain('raise_bar');
    });

    it('does not fire while one month is only near', () => {
      // October 13 ÷ (31/7) = 91/31 ≈ 2.94: within 5 % of 3 (≥ 2.85), near, not met.
      const input = judge({ '2026-09': 13, '2026-10': 13, '2026-11': 13 });
      expect(input.months.get('k1')?.map((m) => m.status)).toEqual([null, 'met', 'near', 'met']);
      expect(insightsFor(input).map((i) => i.id)).not.toContain('raise_bar');
    });
  });

  it('reads the weekly quality trend over the complete weeks', () => {
    // One rating a week, 5 → 4.5 → 4 → 3.5: a perfect declining line (p = 0).
    const ratings = ['2026-10-28', '2026-11-04', '2026-11-11', '2026-11-18'].map((d, i) =>
      buildRating({ ratedAt: `${d}T12:00:00Z`, score: 5 - 0.5 * i }),
    );
    const input = buildInsightInput(data(ratings), {
      assistant: 'ava',
      kpis: [],
      asOf: ms('2026-11-25T12:00:00Z'),
    });
    expect(input.qualityTrend).toEqual({
      trend: { direction: 'declining', slope: -0.5, p: 0 },
      from: '2026-W44',
      to: '2026-W47',
    });
    expect(insightsFor(input).map((i) => i.id)).toEqual(['quality_declining']);
  });

  it('takes today in the assistant’s zone', () => {
    const input = buildInsightInput(
      { assistants: new Map([['ava', buildAssistant({ timezone: 'Pacific/Auckland' })]]), rows: [] },
      { assistant: 'ava', kpis: [], asOf: ms('2026-11-22T12:00:00Z') },
    );
    expect(input.today).toBe('2026-11-23');
  });
});
