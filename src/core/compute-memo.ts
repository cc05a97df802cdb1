/**
 * compute (SPEC §12) behind a memo: every KPI and insight read in one pass asks for records by
 * assistant, metric, filter, period and asOf, and the same request is computed once. KPIs of
 * different assistants on the same metric, or an insight reading a KPI's metric again, then share
 * one computation instead of each running compute over the assistant's rows.
 */
import { type ComputeOptions, computePrepared, type MetricRecord, type PreparedData } from './compute.ts';

/** Records for one compute request; the answer is shared, so callers never change it. */
export type RecordSource = (opts: ComputeOptions) => readonly MetricRecord[];

const sorted = (xs: readonly string[] | undefined): string[] | null => (xs ? [...xs].sort() : null);

function keyOf(o: ComputeOptions): string {
  const filter = o.filter
    ? Object.entries(o.filter)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : 1))
    : [];
  // compute sorts assistants and metrics itself, so their order does not change the answer.
  return JSON.stringify([o.period, o.asOf, filter, sorted(o.metrics), sorted(o.assistants)]);
}

/** computePrepared over `data`, each distinct request computed once. */
export function memoizedCompute(data: PreparedData): RecordSource {
  const memo = new Map<string, readonly MetricRecord[]>();
  return (opts) => {
    const key = keyOf(opts);
    let hit = memo.get(key);
    if (!hit) {
      hit = computePrepared(data, opts);
      memo.set(key, hit);
    }
    return hit;
  };
}
