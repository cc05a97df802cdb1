/**
 * The engine's public seam (ARCHITECTURE.md): events + assistants → one record per assistant,
 * metric and reported bucket (SPEC §4, §12), sorted by assistant, metric id, period label in plain
 * string order. The CLI, the server, reports and KPI screens all call this, so every screen shows
 * the same numbers.
 */
import { AppError } from '../errors.ts';
import type { AssistantDef, TandemEvent } from './events/event-types.ts';
import type { MetricContext } from './metrics/metric-context.ts';
import {
  type FilterKey,
  isMetricId,
  METRIC_IDS,
  METRICS,
  type MetricFilter,
  type MetricId,
  rowMatchesFilter,
} from './metrics/metric-registry.ts';
import { type PreparedRow, prepareEvent } from './metrics/prepared-event.ts';
import { AssistantTime } from './time/assistant-time.ts';
import type { Period } from './time/calendar.ts';
import { WorkingTime } from './time/working-time.ts';

export type { MetricFilter, MetricId };

export interface MetricRecord {
  assistant: string;
  metric: MetricId;
  period: string;
  value: number | null;
  [count: string]: string | number | null;
}

export interface ComputeOptions {
  period: Period;
  /** Epoch ms. */
  asOf: number;
  filter?: MetricFilter;
  /** Limit to these metrics (default: all of §4). */
  metrics?: readonly MetricId[];
  /** Limit to these assistants (default: all). */
  assistants?: readonly string[];
}

/** Prepared rows grouped per assistant and kind, plus the assistants' definitions. */
export interface PreparedData {
  assistants: Map<string, AssistantDef>;
  rows: Iterable<PreparedRow>;
}

/** The metrics a filter can apply to; throws `invalid_filter` when a metric cannot take it (SPEC §4). */
export function metricsForFilter(
  filter: MetricFilter | undefined,
  requested?: readonly MetricId[],
): MetricId[] {
  const keys = Object.keys(filter ?? {}).filter((k) => filter?.[k as FilterKey] !== undefined) as FilterKey[];
  const ids = requested ?? METRIC_IDS;
  if (keys.length === 0) return [...ids];
  const ok = ids.filter((id) => keys.every((k) => METRICS[id].filters.includes(k)));
  if (requested) {
    const bad = requested.find((id) => !ok.includes(id));
    if (bad !== undefined) {
      const k = keys.find((key) => !METRICS[bad].filters.includes(key));
      throw new AppError('invalid_filter', `The ${k} filter cannot apply to ${bad}`, {
        metric: bad,
        filter: k,
      });
    }
  }
  if (ok.length === 0)
    throw new AppError('invalid_filter', `No metric can take the filter ${keys.join(' + ')}`);
  return ok;
}

/** Builds one assistant's time model, with its dayOff events added to its days off (SPEC §2). */
export function assistantTime(def: AssistantDef, rows: readonly PreparedRow[]): AssistantTime {
  const extra: number[] = [];
  for (const r of rows) if (r.kind === 'dayOff' && !Number.isNaN(r.day)) extra.push(r.day);
  return new AssistantTime(def, extra);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Computes every requested metric from prepared rows (the hot path used by the CLI). */
export function computePrepared(data: PreparedData, opts: ComputeOptions): MetricRecord[] {
  if (opts.metrics)
    for (const m of opts.metrics)
      if (!isMetricId(m)) throw new AppError('bad_request', `unknown metric ${m}`);
  const metricIds = metricsForFilter(opts.filter, opts.metrics).sort(cmp);
  const byAssistant = new Map<string, PreparedRow[]>();
  const only = opts.assistants ? new Set(opts.assistants) : null;
  for (const r of data.rows) {
    if (only && !only.has(r.assistant)) continue;
    let list = byAssistant.get(r.assistant);
    if (!list) {
      list = [];
      byAssistant.set(r.assistant, list);
    }
    list.push(r);
  }
  const out: MetricRecord[] = [];
  const ids = [...byAssistant.keys()].sort(cmp);
  for (const id of ids) {
    const def = data.assistants.get(id);
    if (!def) throw new AppError('unknown_assistant', `unknown assistant ${id}`, { assistant: id });
    const rows = byAssistant.get(id) ?? [];
    const time = assistantTime(def, rows);
    const ctx: MetricContext = { time, working: new WorkingTime(time), period: opts.period, asOf: opts.asOf };
    const byKind = new Map<string, PreparedRow[]>();
    for (const r of rows) {
      if (opts.filter && !rowMatchesFilter(r, opts.filter)) continue;
      let list = byKind.get(r.kind);
      if (!list) {
        list = [];
        byKind.set(r.kind, list);
      }
      list.push(r);
    }
    for (const metricId of metricIds) {
      const m = METRICS[metricId];
      const kindRows = byKind.get(m.kind);
      if (!kindRows || kindRows.length === 0) continue;
      const buckets = m.compute(kindRows, ctx);
      const labels = [...buckets.keys()].sort(cmp);
      for (const label of labels) {
        const fields = buckets.get(label);
        if (!fields) continue;
        const rec: MetricRecord = { assistant: id, metric: metricId, period: label, value: fields.value };
        for (const c of m.counts) rec[c] = fields[c] ?? null;
        out.push(rec);
      }
    }
  }
  return out;
}

/** Computes SPEC §4 metrics for validated events (the server's entry point). */
export function computeMetrics(
  input: { assistants: readonly AssistantDef[]; events: Iterable<TandemEvent> },
  opts: ComputeOptions,
): MetricRecord[] {
  const rows: PreparedRow[] = [];
  for (const e of input.events) {
    const r = prepareEvent(e);
    if (r) rows.push(r);
  }
  return computePrepared({ assistants: new Map(input.assistants.map((a) => [a.id, a])), rows }, opts);
}
