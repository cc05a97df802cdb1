import { describe, expect, it } from 'vitest';
import { planSummary } from './plan-summary.ts';

// Numbers keep their unit on one line with a non-breaking space (format-number.ts).

const movement = {
  fromWeek: '2026-W44',
  from: 0.72,
  toWeek: '2026-W48',
  to: 0.81,
  target: 0.9,
  improved: true,
};

describe("a plan's summary (SPEC §8: progress beside the KPI's movement)", () => {
  it('puts progress and movement side by side in the metric unit', () => {
    expect(planSummary({ metric: 'on_time_rate', progress: { done: 2, total: 3 }, movement })).toBe(
      '2 of 3 items done · from 72\u00a0% (2026-W44) to 81\u00a0% (2026-W48), target 90\u00a0%: better',
    );
  });
  it('says plainly when there is nothing to compare', () => {
    expect(planSummary({ metric: null, progress: { done: 0, total: 0 }, movement: null })).toBe(
      'no items yet · no measure to follow',
    );
    expect(
      planSummary({
        metric: 'quality_score',
        progress: { done: 1, total: 1 },
        movement: { ...movement, from: null, fromWeek: null, to: 3.5, target: 4, improved: null },
      }),
    ).toBe('1 of 1 item done · now 3.5\u00a0/\u00a05 (2026-W48), no value before the start');
  });
});
