import { describe, expect, it } from 'vitest';
import type { GoalEvent } from '#core/events/event-types';
import { buildAssistant, buildGoal, prepared } from '#test/builders';
import { computeMetrics } from '../compute.ts';
import type { Period } from '../time/calendar.ts';
import { classifyGoal, goalAlignment } from './goal-alignment.ts';

describe('classifyGoal', () => {
  it.each<[string, Partial<GoalEvent>, Period, string | null]>([
    // A goal counts in the bucket that contains its period's last day (SPEC §4).
    ['a Q4 goal counts in December (31 Dec is its last day)', { period: '2026-Q4' }, 'month', '2026-12'],
    ['a Q4 goal counts in Q4', { period: '2026-Q4' }, 'quarter', '2026-Q4'],
    ['a November goal counts in November', { period: '2026-11' }, 'month', '2026-11'],
    ['a November goal counts in Q4', { period: '2026-11' }, 'quarter', '2026-Q4'],
    ['a March goal counts in Q1', { period: '2026-03' }, 'quarter', '2026-Q1'],
    ['a Q1 goal counts in March', { period: '2026-Q1' }, 'month', '2026-03'],
    ['an open goal counts nowhere', { period: '2026-11', status: 'open' }, 'month', null],
    ['a goal counts nowhere in a week period', { period: '2026-11' }, 'week', null],
  ])('%s', (_name, goal, period, expected) => {
    expect(classifyGoal(prepared(buildGoal(goal)), period)).toBe(expected);
  });
});

describe('goalAlignment', () => {
  const goals = [
    buildGoal({ period: '2026-Q4', status: 'met' }),
    buildGoal({ period: '2026-11', status: 'partially_met' }),
    buildGoal({ period: '2026-11', status: 'not_met' }),
    buildGoal({ period: '2026-12', status: 'open' }),
    buildGoal({ period: '2026-10', status: 'met' }),
  ].map((e) => prepared(e));

  it('reports (met + ½·partially met) / decided per month', () => {
    // Oct: met 1 → 1. Nov: partially 1, not met 1 → 0.5 / 2 = 0.25.
    // Dec: the Q4 goal (met) → 1; the open December goal counts nowhere.
    expect(Object.fromEntries(goalAlignment(goals, 'month'))).toEqual({
      '2026-10': { value: 1, met: 1, partiallyMet: 0, notMet: 0 },
      '2026-11': { value: 0.25, met: 0, partiallyMet: 1, notMet: 1 },
      '2026-12': { value: 1, met: 1, partiallyMet: 0, notMet: 0 },
    });
  });

  it('pools month and quarter goals into the quarter', () => {
    // Q4: met 2 (Q4 goal, October goal), partially 1, not met 1 → (2 + 0.5) / 4 = 0.625.
    expect(Object.fromEntries(goalAlignment(goals, 'quarter'))).toEqual({
      '2026-Q4': { value: 0.625, met: 2, partiallyMet: 1, notMet: 1 },
    });
  });

  it('reports nothing for a week period', () => {
    expect(goalAlignment(goals, 'week').size).toBe(0);
  });

  it('reports no bucket when every goal is open', () => {
    expect(goalAlignment([prepared(buildGoal({ status: 'open' }))], 'month').size).toBe(0);
  });

  it('takes goals as given, whatever asOf is', () => {
    const out = computeMetrics(
      { assistants: [buildAssistant()], events: [buildGoal({ period: '2026-12', status: 'met' })] },
      { period: 'month', asOf: Date.parse('2026-01-01T00:00:00Z'), metrics: ['goal_alignment'] },
    );
    expect(out).toEqual([
      {
        assistant: 'ava',
        metric: 'goal_alignment',
        period: '2026-12',
        value: 1,
        met: 1,
        partiallyMet: 0,
        notMet: 0,
      },
    ]);
  });
});
