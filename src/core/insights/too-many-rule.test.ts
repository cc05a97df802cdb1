import { describe, expect, it } from 'vitest';
import { buildInsightInput, buildKpi } from '#test/kpi-builders';
import { tooManyRule } from './too-many-rule.ts';

const kpis = (statuses: Array<'active' | 'proposed' | 'retired'>) =>
  statuses.map((status, i) => buildKpi({ id: `k${i}`, status }));

describe('tooManyRule', () => {
  it('says five is enough when six are proposed or active', () => {
    const out = tooManyRule(
      buildInsightInput({ kpis: kpis(['active', 'active', 'active', 'active', 'proposed', 'proposed']) }),
    );
    expect(out).toEqual([
      {
        id: 'too_many',
        severity: 'info',
        assistant: 'ava',
        data: { count: 6, active: 4, proposed: 2, recommendedMax: 5 },
      },
    ]);
  });

  it('does not count retired KPIs', () => {
    expect(
      tooManyRule(
        buildInsightInput({ kpis: kpis(['active', 'active', 'active', 'active', 'active', 'retired']) }),
      ),
    ).toEqual([]);
  });
});
