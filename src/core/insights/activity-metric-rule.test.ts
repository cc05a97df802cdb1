import { describe, expect, it } from 'vitest';
import { buildInsightInput, buildKpi } from '#test/kpi-builders';
import { activityMetricRule } from './activity-metric-rule.ts';

describe('activityMetricRule', () => {
  it('suggests the outcome-based counterpart of an activity KPI', () => {
    const out = activityMetricRule(
      buildInsightInput({ kpis: [buildKpi({ metric: 'tasks_completed', status: 'proposed' })] }),
    );
    expect(out).toEqual([
      {
        id: 'activity_metric',
        severity: 'info',
        assistant: 'ava',
        kpi: 'k1',
        data: expect.objectContaining({
          metric: 'tasks_completed',
          counterpart: 'on_time_rate',
          counterpartName: 'Task completion rate',
        }),
      },
    ]);
  });

  it('is quiet for outcome metrics and retired KPIs', () => {
    expect(activityMetricRule(buildInsightInput({ kpis: [buildKpi()] }))).toEqual([]);
    expect(
      activityMetricRule(
        buildInsightInput({ kpis: [buildKpi({ metric: 'hours_logged', status: 'retired' })] }),
      ),
    ).toEqual([]);
  });
});
