/** proactivity — count of proactive events with occurredAt in the bucket (SPEC §4). */
import type { MetricContext } from './metric-context.ts';
import type { ProactiveRow } from './prepared-event.ts';

export type ProactivityResult = {
  value: number;
};

/** The bucket a proactive event counts in, or null when it is after asOf. */
export function classifyProactive(row: ProactiveRow, ctx: MetricContext): string | null {
  return row.atMs <= ctx.asOf ? ctx.time.bucketOf(row.atMs, ctx.period) : null;
}

/** proactivity per bucket: the value is the count. */
export function proactivity(
  rows: readonly ProactiveRow[],
  ctx: MetricContext,
): Map<string, ProactivityResult> {
  const out = new Map<string, ProactivityResult>();
  for (const r of rows) {
    const b = classifyProactive(r, ctx);
    if (b === null) continue;
    const acc = out.get(b);
    if (acc) acc.value++;
    else out.set(b, { value: 1 });
  }
  return out;
}
