/**
 * "Show the working" in words: each SPEC §4 metric's formula with one period's counts filled in.
 * The counts come from the engine (GET /metrics); this only puts them into a sentence.
 */
import { formatMetricValue } from '../../format/metric-format.ts';

type Counts = Record<string, unknown>;
const n = (c: Counts, k: string): string => {
  const v = c[k];
  return typeof v === 'number' ? String(Math.round(v * 100) / 100) : '—';
};

export const METRIC_EVENT_TYPE: Record<string, string> = {
  on_time_rate: 'task',
  quality_score: 'rating',
  proactivity: 'proactive',
  response_time: 'request',
  doc_quality: 'docReview',
  goal_alignment: 'goal',
  csat: 'survey',
  priority_time_share: 'timeEntry',
  manual: 'manualValue',
};

export function workingFormula(metric: string, c: Counts): string {
  const value = typeof c.value === 'number' ? formatMetricValue(metric, c.value) : 'no value';
  switch (metric) {
    case 'on_time_rate':
      return `on time ÷ (on time + late) = ${n(c, 'onTime')} ÷ (${n(c, 'onTime')} + ${n(c, 'late')}) = ${value}; ${n(c, 'pending')} pending left out`;
    case 'quality_score':
      return `mean score of ${n(c, 'count')} ratings = ${value}`;
    case 'doc_quality':
      return `mean of (clarity + completeness) ÷ 2 over ${n(c, 'count')} reviews = ${value}`;
    case 'proactivity':
      return `proactive actions counted = ${value}`;
    case 'response_time':
      return `mean working time to first response over ${n(c, 'answered')} answered requests = ${value} (median ${formatMetricValue(metric, typeof c.median === 'number' ? c.median : null)}, p90 ${formatMetricValue(metric, typeof c.p90 === 'number' ? c.p90 : null)}); ${n(c, 'unanswered')} unanswered`;
    case 'goal_alignment':
      return `(met + ½ × partly met) ÷ (met + partly met + not met) = (${n(c, 'met')} + ½ × ${n(c, 'partiallyMet')}) ÷ (${n(c, 'met')} + ${n(c, 'partiallyMet')} + ${n(c, 'notMet')}) = ${value}`;
    case 'csat':
      return `responses scoring 4 or 5 ÷ all ${n(c, 'count')} responses = ${value} (mean score ${n(c, 'mean')})`;
    case 'priority_time_share':
      return `priority hours ÷ tracked hours = ${n(c, 'priorityHours')} ÷ ${n(c, 'totalHours')} = ${value}`;
    default:
      return `value = ${value}`;
  }
}
