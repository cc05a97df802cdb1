import { describe, expect, it } from 'vitest';
import { formatWorkingField, workingCounts } from './working-counts.ts';

const plain = (s: string) => s.replaceAll('\u00a0', ' ');
const shown = (metric: string, record: Record<string, unknown>) =>
  workingCounts(metric, record).map((c) => `${c.label}: ${plain(c.shown)}`);

describe('workingCounts', () => {
  it('names each count in words and leaves out the value and identifiers', () => {
    expect(
      shown('on_time_rate', {
        assistant: 'maria',
        metric: 'on_time_rate',
        period: '2026-W48',
        value: 0.8,
        onTime: 4,
        late: 1,
        pending: 0,
      }),
    ).toEqual(['on time: 4', 'late: 1', 'pending: 0']);
  });

  it('formats a client-satisfaction mean as a score with two decimals, never a raw float', () => {
    expect(shown('csat', { value: 2 / 3, mean: 3.6666666666666665, count: 3 })).toEqual([
      'mean score: 3.67 / 5',
      'responses: 3',
    ]);
  });

  it('shows response-time counts as working time and hours as hours', () => {
    expect(shown('response_time', { median: 85, p90: 1500, answered: 9, unanswered: null })).toEqual([
      'median: 1 h 25 min',
      '9 in 10 within: 25 h',
      'answered: 9',
      'unanswered: —',
    ]);
    expect(shown('priority_time_share', { priorityHours: 12.25, totalHours: 30 })).toEqual([
      'priority hours: 12.3 h',
      'tracked hours: 30 h',
    ]);
  });

  it('words a field it does not know and keeps at most two decimals', () => {
    expect(shown('manual', { someNewCount: 1 / 3 })).toEqual(['some new count: 0.33']);
  });
});

describe('formatWorkingField', () => {
  it('shows counts as integers', () => {
    expect(formatWorkingField('onTime', 1204)).toBe('1,204');
    expect(formatWorkingField('count', 2.0000001)).toBe('2');
  });
});
