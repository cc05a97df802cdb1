import { describe, expect, it } from 'vitest';
import { buildAssistant, buildRequest, buildTask } from '#test/builders';
import { computePrepared, type PreparedData } from './compute.ts';
import { memoizedCompute } from './compute-memo.ts';
import { type PreparedRow, prepareEvent } from './metrics/prepared-event.ts';

const data: PreparedData = {
  assistants: new Map([['ava', buildAssistant()]]),
  rows: [
    buildTask({
      category: 'admin',
      client: 'acme',
      dueDate: '2026-11-18',
      completedAt: '2026-11-18T15:00:00Z',
    }),
    buildRequest({
      client: 'acme',
      receivedAt: '2026-11-16T10:00:00+01:00',
      firstResponseAt: '2026-11-16T10:45:00+01:00',
    }),
  ].map((e) => prepareEvent(e) as PreparedRow),
};
const asOf = Date.parse('2026-11-25T12:00:00Z');

describe('memoizedCompute', () => {
  it('answers what compute answers, once per request whatever the order of its lists', () => {
    const records = memoizedCompute(data);
    const first = records({
      period: 'week',
      asOf,
      metrics: ['response_time', 'on_time_rate'],
      filter: { client: 'acme' },
    });
    expect(first).toEqual(
      computePrepared(data, {
        period: 'week',
        asOf,
        metrics: ['on_time_rate', 'response_time'],
        filter: { client: 'acme' },
      }),
    );
    expect(first.length).toBe(2);
    expect(
      records({
        period: 'week',
        asOf,
        metrics: ['on_time_rate', 'response_time'],
        filter: { client: 'acme' },
      }),
    ).toBe(first);
  });

  it('computes again for another asOf, period or filter', () => {
    const records = memoizedCompute(data);
    const base = records({ period: 'week', asOf, metrics: ['on_time_rate'] });
    expect(records({ period: 'week', asOf: asOf + 1, metrics: ['on_time_rate'] })).not.toBe(base);
    expect(records({ period: 'month', asOf, metrics: ['on_time_rate'] })).not.toBe(base);
    expect(
      records({ period: 'week', asOf, metrics: ['on_time_rate'], filter: { category: 'travel' } }),
    ).toEqual([]);
  });
});
