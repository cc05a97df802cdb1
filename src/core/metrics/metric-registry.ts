/**
 * Every §4 metric: which event kind it reads, which filters can apply to it, its count fields
 * (SPEC §12, in output order) and the function computing it per bucket.
 */
import type { Period } from '../time/calendar.ts';
import { csat } from './csat.ts';
import { docQuality } from './doc-quality.ts';
import { goalAlignment } from './goal-alignment.ts';
import type { MetricContext } from './metric-context.ts';
import { onTimeRate } from './on-time-rate.ts';
import type {
  GoalRow,
  PreparedRow,
  ProactiveRow,
  RequestRow,
  ScoredRow,
  TaskRow,
  TimeEntryRow,
} from './prepared-event.ts';
import { priorityTimeShare } from './priority-time-share.ts';
import { proactivity } from './proactivity.ts';
import { qualityScore } from './quality-score.ts';
import { responseTime } from './response-time.ts';

export const METRIC_IDS = [
  'csat',
  'doc_quality',
  'goal_alignment',
  'on_time_rate',
  'priority_time_share',
  'proactivity',
  'quality_score',
  'response_time',
] as const;
export type MetricId = (typeof METRIC_IDS)[number];

export type FilterKey = 'category' | 'label' | 'channel' | 'client';
export type MetricFilter = Partial<Record<FilterKey, string>>;

/** The fields of one bucket's result: value first, then the §12 counts. */
export type MetricFields = { value: number | null } & Record<string, number | null>;

export interface MetricDefinition {
  id: MetricId;
  name: string;
  /** The event kind the metric reads. */
  kind: PreparedRow['kind'];
  /** Filters that can apply (SPEC §4 "filtered variants"); any other is an error. */
  filters: readonly FilterKey[];
  /** The §12 fields beside value, in output order. */
  counts: readonly string[];
  /** Scale used to clamp process limits (SPEC §6). */
  scale: 'rate' | 'score' | 'minutes' | 'count';
  /** Which direction is better by default. */
  better: 'higher' | 'lower';
  /** Default KPI period (SPEC §5). */
  defaultPeriod: Period;
  compute(rows: readonly PreparedRow[], ctx: MetricContext): Map<string, MetricFields>;
}

// The casts narrow rows already grouped by kind (compute groups them by `kind`).
export const METRICS: Record<MetricId, MetricDefinition> = {
  on_time_rate: {
    id: 'on_time_rate',
    name: 'Task completion rate',
    kind: 'task',
    filters: ['category', 'label', 'client'],
    counts: ['onTime', 'late', 'pending'],
    scale: 'rate',
    better: 'higher',
    defaultPeriod: 'week',
    compute: (rows, ctx) => onTimeRate(rows as TaskRow[], ctx) as Map<string, MetricFields>,
  },
  quality_score: {
    id: 'quality_score',
    name: 'Quality score',
    kind: 'rating',
    filters: ['client'],
    counts: ['count'],
    scale: 'score',
    better: 'higher',
    defaultPeriod: 'week',
    compute: (rows, ctx) => qualityScore(rows as ScoredRow[], ctx) as Map<string, MetricFields>,
  },
  proactivity: {
    id: 'proactivity',
    name: 'Proactivity index',
    kind: 'proactive',
    filters: ['client'],
    counts: [],
    scale: 'count',
    better: 'higher',
    defaultPeriod: 'week',
    compute: (rows, ctx) => proactivity(rows as ProactiveRow[], ctx) as Map<string, MetricFields>,
  },
  response_time: {
    id: 'response_time',
    name: 'Response time (working minutes)',
    kind: 'request',
    filters: ['channel', 'client'],
    counts: ['median', 'p90', 'answered', 'unanswered'],
    scale: 'minutes',
    better: 'lower',
    defaultPeriod: 'week',
    compute: (rows, ctx) => responseTime(rows as RequestRow[], ctx) as Map<string, MetricFields>,
  },
  doc_quality: {
    id: 'doc_quality',
    name: 'Documentation & handoff quality',
    kind: 'docReview',
    filters: ['client'],
    counts: ['count'],
    scale: 'score',
    better: 'higher',
    defaultPeriod: 'month',
    compute: (rows, ctx) => docQuality(rows as ScoredRow[], ctx) as Map<string, MetricFields>,
  },
  goal_alignment: {
    id: 'goal_alignment',
    name: 'Goal alignment',
    kind: 'goal',
    filters: ['client'],
    counts: ['met', 'partiallyMet', 'notMet'],
    scale: 'rate',
    better: 'higher',
    defaultPeriod: 'month',
    compute: (rows, ctx) => goalAlignment(rows as GoalRow[], ctx.period) as Map<string, MetricFields>,
  },
  csat: {
    id: 'csat',
    name: 'Client satisfaction',
    kind: 'survey',
    filters: ['client'],
    counts: ['mean', 'count'],
    scale: 'rate',
    better: 'higher',
    defaultPeriod: 'week',
    compute: (rows, ctx) => csat(rows as ScoredRow[], ctx) as Map<string, MetricFields>,
  },
  priority_time_share: {
    id: 'priority_time_share',
    name: 'Time on priorities',
    kind: 'timeEntry',
    filters: ['client'],
    counts: ['priorityHours', 'totalHours'],
    scale: 'rate',
    better: 'higher',
    defaultPeriod: 'week',
    compute: (rows, ctx) => priorityTimeShare(rows as TimeEntryRow[], ctx) as Map<string, MetricFields>,
  },
};

/** True when `id` names a §4 metric. */
export function isMetricId(id: unknown): id is MetricId {
  return typeof id === 'string' && (METRIC_IDS as readonly string[]).includes(id);
}

/** True when a row passes a filter (SPEC §4): category/label on tasks, channel on requests, client on all. */
export function rowMatchesFilter(row: PreparedRow, f: MetricFilter): boolean {
  if (f.client !== undefined && row.client !== f.client) return false;
  if (f.category !== undefined && (row.kind !== 'task' || row.category !== f.category)) return false;
  if (f.label !== undefined && (row.kind !== 'task' || !row.labels.includes(f.label))) return false;
  if (f.channel !== undefined && (row.kind !== 'request' || row.channel !== f.channel)) return false;
  return true;
}
