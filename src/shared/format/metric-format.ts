/**
 * A metric's value in words for people: rates as `92 %`, scores as `4.3 / 5`, response times as
 * `1 h 25 min` of working time, counts as counts (SPEC §4 metric ids).
 */
import { formatCount, formatMinutes, formatPercent, formatPlain, formatScore } from './format-number.ts';

export type MetricKind = 'rate' | 'score' | 'minutes' | 'count' | 'number';

const KINDS: Record<string, MetricKind> = {
  on_time_rate: 'rate',
  csat: 'rate',
  goal_alignment: 'rate',
  priority_time_share: 'rate',
  quality_score: 'score',
  doc_quality: 'score',
  response_time: 'minutes',
  proactivity: 'count',
};

export const METRIC_NAMES: Record<string, string> = {
  on_time_rate: 'Task completion rate',
  quality_score: 'Quality score',
  proactivity: 'Proactivity index',
  response_time: 'Response time',
  doc_quality: 'Documentation quality',
  goal_alignment: 'Goal alignment',
  csat: 'Client satisfaction',
  priority_time_share: 'Time on priorities',
  manual: 'Manual KPI',
};

export function metricKind(metric: string): MetricKind {
  return KINDS[metric] ?? (metric.endsWith('_count') || metric.startsWith('tasks_') ? 'count' : 'number');
}

export function formatMetricValue(metric: string, value: number | null | undefined): string {
  switch (metricKind(metric)) {
    case 'rate':
      return formatPercent(value);
    case 'score':
      return formatScore(value);
    case 'minutes':
      return formatMinutes(value);
    case 'count':
      return formatCount(value);
    default:
      return formatPlain(value);
  }
}
