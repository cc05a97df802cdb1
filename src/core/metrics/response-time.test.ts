import { describe, expect, it } from 'vitest';
import type { RequestEvent } from '#core/events/event-types';
import { buildAssistant, buildContext, buildDayOff, buildRequest, prepared } from '#test/builders';
import type { AppError } from '../../errors.ts';
import { computeMetrics } from '../compute.ts';
import { classifyRequest, responseTime } from './response-time.ts';

// Assistant in Europe/Berlin (CET, +01:00 in November) on the default schedule Mon–Fri
// 09:00–17:00 (SPEC §2). Week 2026-W47 = Mon 16 – Sun 22 November. asOf = Wed 25 Nov 12:00.
const AS_OF = '2026-11-25T12:00:00+01:00';

type Row = [
  name: string,
  request: Partial<RequestEvent>,
  expected: { bucket: string; minutes: number | null } | null,
];

const rows: Row[] = [
  [
    'answered within working hours: 10:00 → 10:30 = 30',
    { receivedAt: '2026-11-16T10:00:00+01:00', firstResponseAt: '2026-11-16T10:30:00+01:00' },
    { bucket: '2026-W47', minutes: 30 },
  ],
  [
    'answered the next morning: 16:30–17:00 + 09:00–09:30 = 60',
    { receivedAt: '2026-11-16T16:30:00+01:00', firstResponseAt: '2026-11-17T09:30:00+01:00' },
    { bucket: '2026-W47', minutes: 60 },
  ],
  [
    'answered over a weekend: Fri 16:00–17:00 + Mon 09:00–10:00 = 120',
    { receivedAt: '2026-11-20T16:00:00+01:00', firstResponseAt: '2026-11-23T10:00:00+01:00' },
    { bucket: '2026-W47', minutes: 120 },
  ],
  [
    'received on Saturday: the clock starts Monday 09:00, answered 09:15 = 15',
    { receivedAt: '2026-11-21T10:00:00+01:00', firstResponseAt: '2026-11-23T09:15:00+01:00' },
    { bucket: '2026-W47', minutes: 15 },
  ],
  [
    'received and answered before the working day starts = 0',
    { receivedAt: '2026-11-17T07:00:00+01:00', firstResponseAt: '2026-11-17T08:45:00+01:00' },
    { bucket: '2026-W47', minutes: 0 },
  ],
  [
    'answered the instant it arrived = 0',
    { receivedAt: '2026-11-18T12:00:00+01:00', firstResponseAt: '2026-11-18T12:00:00+01:00' },
    { bucket: '2026-W47', minutes: 0 },
  ],
  [
    // Seconds count: 10:00:00 → 10:00:30 is half a working minute.
    'answered after 30 seconds = 0.5',
    { receivedAt: '2026-11-18T10:00:00+01:00', firstResponseAt: '2026-11-18T10:00:30+01:00' },
    { bucket: '2026-W47', minutes: 0.5 },
  ],
  [
    'not answered: unanswered',
    { receivedAt: '2026-11-19T10:00:00+01:00' },
    { bucket: '2026-W47', minutes: null },
  ],
  [
    'answered after asOf: unanswered as of asOf',
    { receivedAt: '2026-11-24T10:00:00+01:00', firstResponseAt: '2026-11-25T12:00:01+01:00' },
    { bucket: '2026-W48', minutes: null },
  ],
  [
    // 10:00 → asOf 12:00 on Wednesday: answered exactly at asOf; Tue 24 10:00–17:00 = 420 + Wed 180.
    'answered exactly at asOf: answered',
    { receivedAt: '2026-11-24T10:00:00+01:00', firstResponseAt: AS_OF },
    { bucket: '2026-W48', minutes: 420 + 180 },
  ],
  ['received after asOf: left out', { receivedAt: '2026-11-25T12:00:01+01:00' }, null],
  [
    // Sun 22 Nov 23:30Z = Mon 23 Nov 00:30 in Berlin: bucketed by local time, clock starts 09:00.
    'received Sunday 23:30 UTC = Monday locally: next week',
    { receivedAt: '2026-11-22T23:30:00Z', firstResponseAt: '2026-11-23T08:30:00Z' },
    { bucket: '2026-W48', minutes: 30 },
  ],
];

describe('classifyRequest', () => {
  it.each(rows)('%s', (_name, request, expected) => {
    const c = classifyRequest(prepared(buildRequest(request)), buildContext({ asOf: AS_OF }));
    expect(c).toEqual(expected);
  });
});

describe('responseTime', () => {
  it('reports the mean, the median and p90 as percentile_cont, and the counts', () => {
    // Answered in W47: 30, 60, 120, 15, 0 minutes (rows above); sorted [0, 15, 30, 60, 120].
    // mean = 225 / 5 = 45; median: position 0.5·4 = 2 → 30;
    // p90: position 0.9·4 = 3.6 → 60 + 0.6·(120 − 60) = 96. Unanswered: 2.
    const requests = [
      buildRequest({ receivedAt: '2026-11-16T10:00:00+01:00', firstResponseAt: '2026-11-16T10:30:00+01:00' }),
      buildRequest({ receivedAt: '2026-11-16T16:30:00+01:00', firstResponseAt: '2026-11-17T09:30:00+01:00' }),
      buildRequest({ receivedAt: '2026-11-20T16:00:00+01:00', firstResponseAt: '2026-11-23T10:00:00+01:00' }),
      buildRequest({ receivedAt: '2026-11-21T10:00:00+01:00', firstResponseAt: '2026-11-23T09:15:00+01:00' }),
      buildRequest({ receivedAt: '2026-11-17T07:00:00+01:00', firstResponseAt: '2026-11-17T08:45:00+01:00' }),
      buildRequest({ receivedAt: '2026-11-19T10:00:00+01:00' }),
      buildRequest({ receivedAt: '2026-11-19T11:00:00+01:00', firstResponseAt: '2026-11-26T09:00:00+01:00' }),
    ].map((e) => prepared(e));
    const w47 = responseTime(requests, buildContext({ asOf: AS_OF })).get('2026-W47');
    expect(w47).toMatchObject({ value: 45, median: 30, answered: 5, unanswered: 2 });
    expect(w47?.p90).toBeCloseTo(96, 9);
  });

  it('interpolates the median between the two middle values for an even count', () => {
    // [10, 20, 40, 80]: median position 1.5 → 20 + 0.5·20 = 30; p90 position 2.7 → 40 + 0.7·40 = 68.
    const requests = [10, 20, 40, 80].map((m) =>
      prepared(
        buildRequest({
          receivedAt: '2026-11-16T09:00:00+01:00',
          firstResponseAt: new Date(Date.parse('2026-11-16T08:00:00Z') + m * 60_000).toISOString(),
        }),
      ),
    );
    const r = responseTime(requests, buildContext({ asOf: AS_OF })).get('2026-W47');
    expect(r?.value).toBe(37.5);
    expect(r?.median).toBe(30);
    expect(r?.p90).toBeCloseTo(68, 9);
  });

  it('reports a bucket with only unanswered requests with value, median and p90 null', () => {
    const requests = [
      buildRequest({ receivedAt: '2026-11-16T10:00:00+01:00' }),
      buildRequest({ receivedAt: '2026-11-16T11:00:00+01:00', firstResponseAt: '2026-11-26T10:00:00+01:00' }),
    ].map((e) => prepared(e));
    const out = responseTime(requests, buildContext({ asOf: AS_OF }));
    expect(Object.fromEntries(out)).toEqual({
      '2026-W47': { value: null, median: null, p90: null, answered: 0, unanswered: 2 },
    });
  });

  it('pools a month over all its answered requests, not over weekly means', () => {
    // W46 (Mon 9 Nov): one answer of 10 min → weekly mean 10.
    // W47: answers of 20, 30, 40 min → weekly mean 30. Mean of weekly means would be 20;
    // pooled November = (10 + 20 + 30 + 40) / 4 = 25; median position 1.5 → 25; p90 2.7 → 37.
    const at = (date: string, minutes: number) =>
      prepared(
        buildRequest({
          receivedAt: `${date}T10:00:00+01:00`,
          firstResponseAt: `${date}T10:${String(minutes).padStart(2, '0')}:00+01:00`,
        }),
      );
    const requests = [at('2026-11-09', 10), at('2026-11-16', 20), at('2026-11-17', 30), at('2026-11-18', 40)];
    const month = responseTime(requests, buildContext({ asOf: AS_OF, period: 'month' }));
    const nov = month.get('2026-11');
    expect(nov).toMatchObject({ value: 25, median: 25, answered: 4, unanswered: 0 });
    expect(nov?.p90).toBeCloseTo(37, 9);
  });
});

describe('response_time through computeMetrics', () => {
  const opts = { period: 'week' as const, asOf: Date.parse(AS_OF), metrics: ['response_time'] as const };

  it('skips a dayOff event from the working time', () => {
    // Received Mon 16 16:00, answered Wed 18 10:00. With Tue 17 off: 60 + 60 = 120 minutes;
    // without it: 60 + 480 + 60 = 600.
    const request = buildRequest({
      id: 'r1',
      receivedAt: '2026-11-16T16:00:00+01:00',
      firstResponseAt: '2026-11-18T10:00:00+01:00',
    });
    const withOff = computeMetrics(
      { assistants: [buildAssistant()], events: [request, buildDayOff({ date: '2026-11-17' })] },
      opts,
    );
    expect(withOff[0]?.value).toBe(120);
    const without = computeMetrics({ assistants: [buildAssistant()], events: [{ ...request }] }, opts);
    expect(without[0]?.value).toBe(600);
  });

  it('restricts to a request channel and to a client through the filter option', () => {
    const events = [
      buildRequest({ channel: 'slack', client: 'acme', firstResponseAt: '2026-11-16T10:10:00+01:00' }),
      buildRequest({ channel: 'email', client: 'acme', firstResponseAt: '2026-11-16T10:40:00+01:00' }),
      buildRequest({ channel: 'slack', client: 'globex' }),
    ];
    const slack = computeMetrics(
      { assistants: [buildAssistant()], events },
      { ...opts, filter: { channel: 'slack' } },
    );
    expect(slack.map((r) => [r.value, r.answered, r.unanswered])).toEqual([[10, 1, 1]]);
    const acme = computeMetrics(
      { assistants: [buildAssistant()], events },
      { ...opts, filter: { client: 'acme' } },
    );
    expect(acme.map((r) => [r.value, r.answered, r.unanswered])).toEqual([[25, 2, 0]]);
  });

  it('refuses a category filter on response_time with invalid_filter', () => {
    expect(() =>
      computeMetrics(
        { assistants: [buildAssistant()], events: [buildRequest()] },
        { ...opts, filter: { category: 'x' } },
      ),
    ).toThrow(expect.objectContaining({ code: 'invalid_filter' }) as AppError);
  });
});
