/** completion_low (SPEC §7): on_time_rate of the last complete week below 75 %. */
import type { InsightRule } from './insight.ts';

export const COMPLETION_LOW_THRESHOLD = 0.75;

/** Flags a last complete week whose on-time rate is under 75 %. */
export const completionLowRule: InsightRule = (input) => {
  const w = input.lastWeekOnTime;
  if (w === null || w.value === null || !(w.value < COMPLETION_LOW_THRESHOLD)) return [];
  return [
    {
      id: 'completion_low',
      severity: 'attention',
      assistant: input.assistant,
      data: {
        period: w.period,
        value: w.value,
        onTime: w.onTime,
        late: w.late,
        threshold: COMPLETION_LOW_THRESHOLD,
      },
    },
  ];
};
