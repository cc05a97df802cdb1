/**
 * Activity metrics (SPEC §4): counts of effort — tasks completed, hours logged, messages sent,
 * issues resolved. They may be shown and even chosen, but they are labelled as activity and the
 * system suggests the outcome-based metric that measures what the activity is for.
 */
import { type FilterKey, METRICS, type MetricId } from '../metrics/metric-registry.ts';

export const ACTIVITY_METRIC_IDS = [
  'hours_logged',
  'issues_resolved',
  'messages_sent',
  'tasks_completed',
] as const;
export type ActivityMetricId = (typeof ACTIVITY_METRIC_IDS)[number];

export interface ActivityMetricDefinition {
  id: ActivityMetricId;
  name: string;
  /** What is counted per bucket. */
  definition: string;
  /** The outcome-based metric to suggest instead. */
  counterpart: MetricId;
  /** Why the counterpart measures the outcome. */
  because: string;
  filters: readonly FilterKey[];
}

export const ACTIVITY_METRICS: Record<ActivityMetricId, ActivityMetricDefinition> = {
  tasks_completed: {
    id: 'tasks_completed',
    name: 'Tasks completed',
    definition: 'tasks whose completedAt (as of asOf) lies in the bucket',
    counterpart: 'on_time_rate',
    because:
      'finishing what was promised, when it was promised, matters more than how many things were finished',
    filters: ['category', 'label', 'client'],
  },
  hours_logged: {
    id: 'hours_logged',
    name: 'Hours logged',
    definition: 'hours of time entries in the bucket (the totalHours of priority_time_share)',
    counterpart: 'priority_time_share',
    because: 'where the time goes says more than how much of it there is',
    filters: ['client'],
  },
  messages_sent: {
    id: 'messages_sent',
    name: 'Messages sent',
    definition:
      'requests received in the bucket that have a first response (the answered count of response_time)',
    counterpart: 'response_time',
    because: 'how quickly people get an answer matters more than how many messages go out',
    filters: ['channel', 'client'],
  },
  issues_resolved: {
    id: 'issues_resolved',
    name: 'Issues resolved',
    definition: 'tasks completed in the bucket, usually filtered to the issue category',
    counterpart: 'csat',
    because: 'a resolved issue counts when the client is satisfied with the resolution',
    filters: ['category', 'label', 'client'],
  },
};

/** True when `id` names an activity metric. */
export function isActivityMetric(id: unknown): id is ActivityMetricId {
  return typeof id === 'string' && (ACTIVITY_METRIC_IDS as readonly string[]).includes(id);
}

/** How a KPI on an activity metric is labelled, with the outcome-based metric to suggest (SPEC §4). */
export interface ActivityLabel {
  metric: ActivityMetricId;
  name: string;
  counterpart: MetricId;
  counterpartName: string;
  because: string;
}

/** The activity label of a metric, or null for an outcome (or manual) metric. */
export function activityLabel(metric: string): ActivityLabel | null {
  if (!isActivityMetric(metric)) return null;
  const a = ACTIVITY_METRICS[metric];
  return {
    metric: a.id,
    name: a.name,
    counterpart: a.counterpart,
    counterpartName: METRICS[a.counterpart].name,
    because: a.because,
  };
}
