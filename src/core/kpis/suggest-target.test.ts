import { describe, expect, it } from 'vitest';
import { suggestTarget } from './suggest-target.ts';

describe('suggestTarget', () => {
  it.each([
    // rates: baseline + 25 % of the gap to 100 % (SPEC §5)
    ['on_time_rate', 'higher', undefined, 0.8, 0.85],
    ['csat', 'higher', undefined, 0.6, 0.7],
    ['priority_time_share', 'higher', undefined, 0.4, 0.55],
    ['goal_alignment', 'higher', undefined, 1, 1],
    // lower-is-better: baseline × 0.85 (SPEC §5)
    ['response_time', 'lower', undefined, 40, 34],
    // scores: baseline + 25 % of the gap to 5
    ['quality_score', 'higher', undefined, 3.8, 4.1],
    ['doc_quality', 'higher', undefined, 4.2, 4.4],
    // counts: × 1.15 rounded up, at least one more
    ['proactivity', 'higher', undefined, 2.5, 3],
    ['proactivity', 'higher', undefined, 0, 1],
    ['proactivity', 'higher', undefined, 10, 12],
    ['tasks_completed', 'higher', undefined, 20, 23],
    // manual: by its declared scale, else ±10 % of the baseline
    ['manual', 'higher', 'rate', 0.6, 0.7],
    ['manual', 'higher', undefined, 40, 44],
    ['manual', 'lower', undefined, 40, 36],
    ['manual', 'lower', 'score', 3, 2.7],
  ] as const)(
    'suggests for %s (%s is better, scale %s) from %d the target %d',
    (metric, direction, scale, b, expected) => {
      expect(suggestTarget({ metric, direction, ...(scale ? { scale } : {}) }, b).value).toBeCloseTo(
        expected,
        12,
      );
    },
  );

  it('says which rule it applied', () => {
    expect(suggestTarget({ metric: 'on_time_rate', direction: 'higher' }, 0.8).rule).toBe(
      'baseline + 25 % of the gap to 100 %',
    );
  });
});
