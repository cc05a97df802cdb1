/**
 * The words a report's exports share (PDF, text and HTML summaries): target status and a change
 * from the previous range, signed, in the metric's own terms (a rate's change in points).
 */
import { formatMetricValue, metricKind } from '#shared/format/metric-format';

export const STATUS_LABELS = { met: 'Target met', near: 'Near target', below: 'Below target' } as const;

export function formatChange(metric: string, change: number | null): string {
  if (change === null) return '—';
  if (change === 0) return 'no change';
  const sign = change > 0 ? '+' : '−';
  const size = formatMetricValue(metric, Math.abs(change));
  return `${sign}${metricKind(metric) === 'rate' ? size.replace('%', 'pts') : size}`;
}
