import { describe, expect, it } from 'vitest';
import { formatMetricValue } from './metric-format.ts';

const plain = (s: string) => s.replaceAll('\u00a0', ' ');

describe('formatMetricValue', () => {
  it.each([
    ['on_time_rate', 0.92, '92 %'],
    ['quality_score', 4.25, '4.3 / 5'],
    ['response_time', 85, '1 h 25 min'],
    ['proactivity', 3, '3'],
    ['csat', null, '—'],
  ])('shows %s %s as %s', (metric, value, shown) => {
    expect(plain(formatMetricValue(metric, value))).toBe(shown);
  });
});
