import { describe, expect, it } from 'vitest';
import { buildAssistant, buildRequest, buildTask, ms } from '#test/builders';
import { buildKpi } from '#test/kpi-builders';
import type { PreparedData } from '../compute.ts';
import type { TandemEvent } from '../events/event-types.ts';
import { type PreparedRow, prepareEvent } from '../metrics/prepared-event.ts';
import { assistantInsights } from './insights-for.ts';

const onTime = (category: string, due: string) =>
  buildTask({ category, dueDate: due, completedAt: `${due}T10:00:00Z`, createdAt: '2026-10-20T08:00:00Z' });
const late = (category: string, due: string, doneOn: string) =>
  buildTask({
    category,
    dueDate: due,
    completedAt: `${doneOn}T10:00:00Z`,
    createdAt: '2026-10-20T08:00:00Z',
  });

// Four complete weeks before asOf (Wednesday of W48), in UTC:
// admin 8 on time; invoices 2 on time, 5 late → overall 10/15, invoices 2/7 (38 points below).
// W47 alone: 2 of 4 on time → 50 %. Requests answered after 45 working minutes in W46 and W47.
const events: TandemEvent[] = [
  onTime('admin', '2026-10-28'),
  onTime('admin', '2026-10-28'),
  onTime('invoices', '2026-10-28'),
  late('invoices', '2026-10-28', '2026-10-29'),
  onTime('admin', '2026-11-04'),
  onTime('admin', '2026-11-04'),
  late('invoices', '2026-11-04', '2026-11-05'),
  onTime('admin', '2026-11-11'),
  onTime('admin', '2026-11-11'),
  onTime('invoices', '2026-11-11'),
  late('invoices', '2026-11-11', '2026-11-12'),
  onTime('admin', '2026-11-18'),
  onTime('admin', '2026-11-18'),
  late('invoices', '2026-11-18', '2026-11-19'),
  late('invoices', '2026-11-18', '2026-11-20'),
  buildRequest({ receivedAt: '2026-11-09T10:00:00Z', firstResponseAt: '2026-11-09T10:45:00Z' }),
  buildRequest({ receivedAt: '2026-11-16T10:00:00Z', firstResponseAt: '2026-11-16T10:45:00Z' }),
];

const data: PreparedData = {
  assistants: new Map([['ava', buildAssistant({ timezone: 'UTC', role: 'Executive assistant' })]]),
  rows: events.map(prepareEvent).filter((r): r is PreparedRow => r !== null),
};

describe('assistantInsights', () => {
  const insights = assistantInsights(data, {
    assistant: 'ava',
    kpis: [buildKpi({ startDate: '2026-11-02' })],
    asOf: ms('2026-11-25T12:00:00Z'),
  });

  it('runs every rule, needs-attention first', () => {
    expect(insights.map((i) => i.id)).toEqual([
      'completion_low',
      'category_delays',
      'response_over_benchmark',
      'month_one',
      'baseline_ready',
      'review_due',
    ]);
  });

  it('computes each insight’s data from the events (worked by hand)', () => {
    const byId = new Map(insights.map((i) => [i.id, i]));
    expect(byId.get('completion_low')?.data).toEqual({
      period: '2026-W47',
      value: 0.5,
      onTime: 2,
      late: 2,
      threshold: 0.75,
    });
    expect(byId.get('category_delays')?.data).toEqual({
      category: 'invoices',
      rate: 2 / 7,
      overall: 10 / 15,
      gapPoints: expect.closeTo((10 / 15 - 2 / 7) * 100, 9),
      onTime: 2,
      late: 5,
      from: '2026-W44',
      to: '2026-W47',
    });
    expect(byId.get('response_over_benchmark')?.data).toEqual({
      role: 'executive_assistant',
      benchmarkMinutes: 30,
      weeks: [
        { period: '2026-W46', value: 45 },
        { period: '2026-W47', value: 45 },
      ],
    });
    // Baseline W45 (2 of 3) and W46 (3 of 4): 5/7; suggested 5/7 + (2/7)/4 = 11/14.
    expect(byId.get('baseline_ready')?.data).toEqual({
      baselineEnds: '2026-11-15',
      baseline: expect.closeTo(5 / 7, 12),
      suggestedTarget: expect.closeTo(11 / 14, 12),
      rule: 'baseline + 25 % of the gap to 100 %',
    });
    expect(byId.get('review_due')?.data).toEqual({
      kind: 'check_in',
      dueOn: '2026-11-16',
      agreedOn: '2026-11-02',
      lastHeld: null,
    });
  });

  it('refuses an unknown assistant', () => {
    expect(() => assistantInsights(data, { assistant: 'bob', kpis: [], asOf: 0 })).toThrow(
      expect.objectContaining({ code: 'unknown_assistant' }),
    );
  });
});
