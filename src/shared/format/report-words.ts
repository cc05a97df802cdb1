/**
 * The words a report's exports share (PDF, text and HTML summaries): target status and a change
 * from the previous range, signed, in the metric's own terms (a rate's change in points).
 */
import { formatMetricValue, metricKind } from './metric-format.ts';

export const STATUS_LABELS = { met: 'Target met', near: 'Near target', below: 'Below target' } as const;

export function formatChange(metric: string, change: number | null): string {
  if (change === null) return '—';
  if (change === 0) return 'no change';
  const sign = change > 0 ? '+' : '−';
  const kind = metricKind(metric);
  // A score's change is a difference of points on the 1–5 scale, not a score out of 5.
  if (kind === 'score') return `${sign}${Math.abs(change).toFixed(2)}`;
  const size = formatMetricValue(metric, Math.abs(change));
  return `${sign}${kind === 'rate' ? size.replace('%', 'pts') : size}`;
}

/** The heading of a report's metric lines: one assistant's metrics, or every assistant's pooled. */
export function metricsHeading(scope: string): string {
  return scope === 'assistant' ? 'All metrics' : 'All assistants of the report';
}
