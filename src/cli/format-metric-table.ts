/** The readable table `tandem compute` prints without --json: one row per record, counts inline. */
import type { MetricRecord } from '#core/compute';

function fmt(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'number')
    return Number.isInteger(v) ? String(v) : v.toFixed(4).replace(/0+$/, '').replace(/\.$/, '');
  return String(v);
}

/** Formats metric records as an aligned text table. */
export function formatMetricTable(records: readonly MetricRecord[]): string {
  if (records.length === 0) return 'No metric has a reported bucket.\n';
  const rows = records.map((r) => {
    const { assistant, metric, period, value, ...counts } = r;
    const detail = Object.entries(counts)
      .map(([k, v]) => `${k}=${fmt(v)}`)
      .join(' ');
    return [assistant, metric, period, fmt(value), detail];
  });
  const head = ['assistant', 'metric', 'period', 'value', 'counts'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] as number)))
      .join('  ')
      .trimEnd();
  return `${[line(head), ...rows.map(line)].join('\n')}\n`;
}
