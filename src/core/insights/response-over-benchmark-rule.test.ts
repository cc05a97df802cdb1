import { describe, expect, it } from 'vitest';
import { buildInsightInput } from '#test/kpi-builders';
import { ROLE_TEMPLATES } from '../kpis/role-templates.ts';
import { responseOverBenchmarkRule } from './response-over-benchmark-rule.ts';

const role = ROLE_TEMPLATES.executive_assistant; // 30 working minutes
const weeks = (a: number | null, b: number | null) => [
  { period: '2026-W46', value: a },
  { period: '2026-W47', value: b },
];

describe('responseOverBenchmarkRule', () => {
  it('fires when both of the last 2 weeks are above the role benchmark', () => {
    expect(responseOverBenchmarkRule(buildInsightInput({ role, responseWeeks: weeks(35, 31) }))).toEqual([
      {
        id: 'response_over_benchmark',
        severity: 'attention',
        assistant: 'ava',
        data: {
          role: 'executive_assistant',
          benchmarkMinutes: 30,
          weeks: [
            { period: '2026-W46', value: 35 },
            { period: '2026-W47', value: 31 },
          ],
        },
      },
    ]);
  });

  it('is quiet at the benchmark, for one week only, without answers or without a role', () => {
    expect(responseOverBenchmarkRule(buildInsightInput({ role, responseWeeks: weeks(35, 30) }))).toEqual([]);
    expect(responseOverBenchmarkRule(buildInsightInput({ role, responseWeeks: weeks(null, 45) }))).toEqual(
      [],
    );
    expect(responseOverBenchmarkRule(buildInsightInput({ responseWeeks: weeks(90, 90) }))).toEqual([]);
  });
});
