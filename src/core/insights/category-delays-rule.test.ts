import { describe, expect, it } from 'vitest';
import { buildInsightInput } from '#test/kpi-builders';
import { categoryDelaysRule } from './category-delays-rule.ts';

describe('categoryDelaysRule', () => {
  const categoryOnTime = {
    from: '2026-W44',
    to: '2026-W47',
    overall: { rate: 0.85, onTime: 34, late: 6 },
    categories: [
      { category: 'invoices', rate: 0.65, onTime: 13, late: 7 }, // exactly 20 points below
      { category: 'travel', rate: 0.7, onTime: 7, late: 3 }, // 15 points below
      { category: 'email', rate: 0.5, onTime: 1, late: 1 }, // 35 points below
    ],
  };

  it('flags every category 20 points or more below the overall rate, largest gap first', () => {
    const out = categoryDelaysRule(buildInsightInput({ categoryOnTime }));
    expect(out.map((i) => i.id === 'category_delays' && [i.data.category, i.data.gapPoints])).toEqual([
      ['email', expect.closeTo(35, 9)],
      ['invoices', expect.closeTo(20, 9)],
    ]);
    expect(out[1]).toMatchObject({
      severity: 'attention',
      data: { rate: 0.65, overall: 0.85, onTime: 13, late: 7, from: '2026-W44', to: '2026-W47' },
    });
  });

  it('is quiet without any decided task', () => {
    expect(categoryDelaysRule(buildInsightInput())).toEqual([]);
  });
});
