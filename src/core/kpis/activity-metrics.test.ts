import { describe, expect, it } from 'vitest';
import { METRICS } from '../metrics/metric-registry.ts';
import {
  ACTIVITY_METRIC_IDS,
  ACTIVITY_METRICS,
  activityLabel,
  isActivityMetric,
} from './activity-metrics.ts';

describe('ACTIVITY_METRICS', () => {
  it.each([
    ['tasks_completed', 'on_time_rate'],
    ['hours_logged', 'priority_time_share'],
    ['messages_sent', 'response_time'],
    ['issues_resolved', 'csat'],
  ] as const)('suggests for %s the outcome-based %s', (id, counterpart) => {
    expect(ACTIVITY_METRICS[id].counterpart).toBe(counterpart);
    expect(METRICS[counterpart]).toBeDefined();
  });

  it('lists every activity metric once', () => {
    expect(Object.keys(ACTIVITY_METRICS).sort()).toEqual([...ACTIVITY_METRIC_IDS]);
    expect(isActivityMetric('tasks_completed')).toBe(true);
    expect(isActivityMetric('on_time_rate')).toBe(false);
  });
});

describe('activityLabel', () => {
  it('labels an activity metric with its outcome-based counterpart, and nothing else', () => {
    expect(activityLabel('messages_sent')).toEqual({
      metric: 'messages_sent',
      name: 'Messages sent',
      counterpart: 'response_time',
      counterpartName: METRICS.response_time.name,
      because: ACTIVITY_METRICS.messages_sent.because,
    });
    expect(activityLabel('response_time')).toBeNull();
    expect(activityLabel('manual')).toBeNull();
  });
});
