import { describe, expect, it } from 'vitest';
import {
  assertKpiFilter,
  assertProcessChange,
  assertProcessChanges,
  isKpiMetric,
  kpiPeriod,
  kpiPoolKind,
  kpiScale,
  measureKey,
} from './kpi-definition.ts';

describe('kpiPeriod', () => {
  it.each([
    ['on_time_rate', undefined, 'week'],
    ['goal_alignment', undefined, 'month'],
    ['doc_quality', undefined, 'month'],
    ['manual', undefined, 'week'],
    ['tasks_completed', undefined, 'week'],
    ['doc_quality', 'quarter', 'quarter'],
  ] as const)('gives %s with period %s the period %s', (metric, period, expected) => {
    expect(kpiPeriod({ metric, period })).toBe(expected);
  });
});

describe('kpiScale and kpiPoolKind', () => {
  it.each([
    ['on_time_rate', 'rate', 'pooled'],
    ['csat', 'rate', 'pooled'],
    ['quality_score', 'score', 'pooled'],
    ['response_time', 'minutes', 'pooled'],
    ['proactivity', 'count', 'sum'],
    ['hours_logged', 'count', 'sum'],
    ['manual', 'unbounded', 'pooled'],
  ] as const)('reads %s on the %s scale, %s', (metric, scale, kind) => {
    expect(kpiScale({ metric })).toBe(scale);
    expect(kpiPoolKind({ metric })).toBe(kind);
  });

  it('takes a manual KPI’s declared scale', () => {
    expect(kpiScale({ metric: 'manual', scale: 'rate' })).toBe('rate');
  });
});

describe('assertKpiFilter', () => {
  it('accepts a filter the metric can take', () => {
    expect(() =>
      assertKpiFilter({ metric: 'on_time_rate', filter: { category: 'follow-up' } }),
    ).not.toThrow();
    expect(() => assertKpiFilter({ metric: 'messages_sent', filter: { channel: 'email' } })).not.toThrow();
  });

  it('refuses a channel on on_time_rate and any filter on a manual KPI', () => {
    expect(() => assertKpiFilter({ metric: 'on_time_rate', filter: { channel: 'email' } })).toThrow(
      expect.objectContaining({
        code: 'invalid_filter',
        details: { metric: 'on_time_rate', filter: 'channel' },
      }),
    );
    expect(() => assertKpiFilter({ metric: 'manual', filter: { client: 'acme' } })).toThrow(
      expect.objectContaining({ code: 'invalid_filter' }),
    );
  });
});

describe('isKpiMetric', () => {
  it('knows §4 metrics, activity metrics and manual', () => {
    expect(['csat', 'issues_resolved', 'manual'].every(isKpiMetric)).toBe(true);
    expect(isKpiMetric('keystrokes')).toBe(false);
  });
});

describe('assertProcessChange (SPEC §6 phases)', () => {
  it('refuses a week label on a monthly or quarterly KPI, naming the period to give instead', () => {
    // 2026-W40 runs Mon 2026-09-28 … Sun 2026-10-04: half in September, half in October.
    expect(() => assertProcessChange({ id: 'g', metric: 'goal_alignment' }, '2026-W40')).toThrow(
      expect.objectContaining({
        code: 'validation_failed',
        details: { kpi: 'g', change: '2026-W40', period: 'month' },
        message: expect.stringContaining('give the month or the date'),
      }),
    );
    expect(() =>
      assertProcessChanges({
        id: 'q',
        metric: 'csat',
        period: 'quarter',
        processChanges: ['2026-10', '2026-W45'],
      }),
    ).toThrow(
      expect.objectContaining({
        code: 'validation_failed',
        details: expect.objectContaining({ change: '2026-W45' }),
      }),
    );
  });

  it('accepts dates, labels of the KPI period or a longer one, and any label on a weekly KPI', () => {
    expect(() => assertProcessChange({ id: 'g', metric: 'goal_alignment' }, '2026-10-01')).not.toThrow();
    expect(() => assertProcessChange({ id: 'g', metric: 'goal_alignment' }, '2026-10')).not.toThrow();
    expect(() => assertProcessChange({ id: 'g', metric: 'goal_alignment' }, '2026-Q4')).not.toThrow();
    expect(() => assertProcessChange({ id: 'w', metric: 'on_time_rate' }, '2026-W40')).not.toThrow();
  });
});

describe('measureKey', () => {
  it('is equal for the same metric and filter, whatever the key order', () => {
    const a = measureKey({ metric: 'on_time_rate', filter: { category: 'x', client: 'c' } });
    expect(measureKey({ metric: 'on_time_rate', filter: { client: 'c', category: 'x' } })).toBe(a);
    expect(measureKey({ metric: 'on_time_rate' })).toBe(measureKey({ metric: 'on_time_rate', filter: {} }));
    expect(measureKey({ metric: 'on_time_rate' })).not.toBe(a);
    expect(measureKey({ metric: 'csat' })).not.toBe(measureKey({ metric: 'on_time_rate' }));
  });
});
