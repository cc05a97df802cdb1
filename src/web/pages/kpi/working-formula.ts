/**
 * "Show the working" in words: each SPEC §4 metric's formula with one period's counts filled in.
 * The counts come from the engine (GET /metrics); this only puts them into a sentence.
 */
import { formatScore } from '../../format/format-number.ts';
import { formatMetricValue, metricKind } from '../../format/metric-format.ts';
import { formatWorkingField } from './working-counts.ts';

type Counts = Record<string, unknown>;
const n = (c: Counts, k: string): string => formatWorkingField(k, c[k]);

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
  const raw = typeof c.value === 'number' ? c.value : null;
  // Scores keep two decimals here, so that the reader can check the mean against the ratings.
  const value =
    raw === null
      ? 'no value'
      : metricKind(metric) === 'score'
        ? formatScore(raw, { decimals: 2 })
        : formatMetricValue(metric, raw);
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
      return `mean working time to first response over ${n(c, 'answered')} answered requests = ${value} (median ${n(c, 'median')}, 9 in 10 within ${n(c, 'p90')}); ${n(c, 'unanswered')} unanswered`;
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
