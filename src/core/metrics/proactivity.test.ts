import { describe, expect, it } from 'vitest';
import { buildContext, buildProactive, prepared } from '#test/builders';
import { proactivity } from './proactivity.ts';

// Assistant in Europe/Berlin (+01:00 in November). 2026-W47 = Mon 16 – Sun 22 November.
const AS_OF = '2026-11-25T12:00:00+01:00';

describe('proactivity', () => {
  it.each<[string, string, string | null]>([
    ['Monday 00:00 local opens the week', '2026-11-16T00:00:00+01:00', '2026-W47'],
    // 2026-11-15T23:30Z = Mon 16 Nov 00:30 Berlin.
    ['Sunday 23:30 UTC is Monday in Berlin', '2026-11-15T23:30:00Z', '2026-W47'],
    ['Sunday 23:59 local closes the week', '2026-11-22T23:59:00+01:00', '2026-W47'],
    ['exactly at asOf counts', AS_OF, '2026-W48'],
    ['after asOf has not happened', '2026-11-25T12:00:01+01:00', null],
  ])('puts an event at %s in its bucket', (_name, occurredAt, bucket) => {
    const out = proactivity([prepared(buildProactive({ occurredAt }))], buildContext({ asOf: AS_OF }));
    expect([...out.keys()]).toEqual(bucket === null ? [] : [bucket]);
  });

  it('counts the events of each bucket, summing weeks into a month', () => {
    const events = [
      '2026-11-02T10:00:00+01:00',
      '2026-11-16T10:00:00+01:00',
      '2026-11-17T10:00:00+01:00',
      '2026-11-22T10:00:00+01:00',
      '2026-12-01T10:00:00+01:00',
    ].map((occurredAt) => prepared(buildProactive({ occurredAt })));
    const weeks = proactivity(events, buildContext({ asOf: '2026-12-31T00:00:00Z' }));
    expect(Object.fromEntries(weeks)).toEqual({
      '2026-W45': { value: 1 },
      '2026-W47': { value: 3 },
      '2026-W49': { value: 1 },
    });
    const months = proactivity(events, buildContext({ asOf: '2026-12-31T00:00:00Z', period: 'month' }));
    expect(Object.fromEntries(months)).toEqual({ '2026-11': { value: 4 }, '2026-12': { value: 1 } });
  });
});
