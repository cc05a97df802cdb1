/**
 * response_over_benchmark (SPEC §7, §9): mean response time above the role's benchmark in each of
 * the last 2 complete weeks.
 */
import type { InsightRule } from './insight.ts';

export const BENCHMARK_WEEKS = 2;

/** Flags two weeks running over the benchmark of the assistant's role template. */
export const responseOverBenchmarkRule: InsightRule = (input) => {
  const role = input.role;
  if (role === null) return [];
  const weeks = input.responseWeeks.slice(-BENCHMARK_WEEKS);
  if (weeks.length < BENCHMARK_WEEKS) return [];
  const over: Array<{ period: string; value: number }> = [];
  for (const w of weeks) {
    if (w.value === null || !(w.value > role.responseBenchmarkMinutes)) return [];
    over.push({ period: w.period, value: w.value });
  }
  return [
    {
      id: 'response_over_benchmark',
      severity: 'attention',
      assistant: input.assistant,
      data: { role: role.id, benchmarkMinutes: role.responseBenchmarkMinutes, weeks: over },
    },
  ];
};
