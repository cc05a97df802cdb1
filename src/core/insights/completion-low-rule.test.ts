import { describe, expect, it } from 'vitest';
import { buildInsightInput } from '#test/kpi-builders';
import { completionLowRule } from './completion-low-rule.ts';

const week = (value: number | null, onTime: number, late: number) => ({
  period: '2026-W47',
  value,
  onTime,
  late,
});

describe('completionLowRule', () => {
  it('fires below 75 % in the last complete week', () => {
    expect(completionLowRule(buildInsightInput({ lastWeekOnTime: week(0.7, 7, 3) }))).toEqual([
      {
        id: 'completion_low',
        severity: 'attention',
        assistant: 'ava',
        data: { period: '2026-W47', value: 0.7, onTime: 7, late: 3, threshold: 0.75 },
      },
    ]);
  });

  it('is quiet at exactly 75 %, without a value, or without the week', () => {
    expect(completionLowRule(buildInsightInput({ lastWeekOnTime: week(0.75, 3, 1) }))).toEqual([]);
    expect(completionLowRule(buildInsightInput({ lastWeekOnTime: week(null, 0, 0) }))).toEqual([]);
    expect(completionLowRule(buildInsightInput())).toEqual([]);
  });
});
