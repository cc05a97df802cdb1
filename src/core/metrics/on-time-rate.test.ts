import { describe, expect, it } from 'vitest';
import type { TaskEvent } from '#core/events/event-types';
import { buildAssistant, buildContext, buildTask, prepared } from '#test/builders';
import { AppError } from '../../errors.ts';
import { computeMetrics } from '../compute.ts';
import { classifyTask, onTimeRate, type TaskOutcome } from './on-time-rate.ts';

// Working for every row (SPEC §2, §4), assistant in Europe/Berlin unless the row names a zone.
// November 2026 in Berlin is CET (+01:00). ISO week 2026-W47 = Mon 16 – Sun 22 November,
// 2026-W48 = Mon 23 – Sun 29 November (python3: date(2026,11,16).isocalendar() → (2026, 47, 1)).
// asOf = Wed 2026-11-25 12:00 +01:00 unless the row says otherwise.
const AS_OF = '2026-11-25T12:00:00+01:00';

type Row = [
  name: string,
  task: Partial<TaskEvent>,
  asOf: string,
  zone: string,
  expected: { bucket: string; outcome: TaskOutcome } | null,
];

const rows: Row[] = [
  // Instant deadlines: on time when completedAt ≤ due.
  [
    'instant due, done a minute before',
    { due: '2026-11-18T17:00:00+01:00', completedAt: '2026-11-18T16:59:00+01:00' },
    AS_OF,
    'Europe/Berlin',
    { bucket: '2026-W47', outcome: 'onTime' },
  ],
  [
    // 16:00Z is 17:00 +01:00: the same instant as the deadline.
    'instant due, done exactly at due (written in another offset)',
    { due: '2026-11-18T17:00:00+01:00', completedAt: '2026-11-18T16:00:00Z' },
    AS_OF,
    'Europe/Berlin',
    { bucket: '2026-W47', outcome: 'onTime' },
  ],
  [
    'instant due, done one second after',
    { due: '2026-11-18T17:00:00+01:00', completedAt: '2026-11-18T17:00:01+01:00' },
    AS_OF,
    'Europe/Berlin',
    { bucket: '2026-W47', outcome: 'late' },
  ],
  // Date-only deadlines: by the end of that local day = before the start of the next local day.
  [
    'date-only due, done 23:59 local',
    { dueDate: '2026-11-20', completedAt: '2026-11-20T23:59:00+01:00' },
    AS_OF,
    'Europe/Berlin',
    { bucket: '2026-W47', outcome: 'onTime' },
  ],
  [
    'date-only due, done 23:59:59.999 local',
    { dueDate: '2026-11-20', completedAt: '2026-11-20T23:59:59.999+01:00' },
    AS_OF,
    'Europe/Berlin',
    { bucket: '2026-W47', outcome: 'onTime' },
  ],
  [
    'date-only due, done at the local midnight that ends the day',
    { dueDate: '2026-11-20', completedAt: '2026-11-21T00:00:00+01:00' },
    AS_OF,
    'Europe/Berlin',
    { bucket: '2026-W47', outcome: 'late' },
  ],
  [
    // 23:30Z on the 20th is 00:30 on the 21st in Berlin: the local day is over.
    'date-only due, done on the due date in UTC but the next day locally',
    { dueDate: '2026-11-20', completedAt: '2026-11-20T23:30:00Z' },
    AS_OF,
    'Europe/Berlin',
    { bucket: '2026-W47', outcome: 'late' },
  ],
  [
    // 04:59Z on the 21st is 23:59 EST on the 20th in New York: still that local day.
    'date-only due in New York, done the next UTC day but 23:59 local',
    { dueDate: '2026-11-20', completedAt: '2026-11-21T04:59:00Z' },
    AS_OF,
    'America/New_York',
    { bucket: '2026-W47', outcome: 'onTime' },
  ],
  [
    // Kolkata is +05:30: the 20th ends at 2026-11-20T18:30Z.
    'date-only due in Kolkata, done 18:30Z = 00:00 the next local day',
    { dueDate: '2026-11-20', completedAt: '2026-11-20T18:30:00Z' },
    AS_OF,
    'Asia/Kolkata',
    { bucket: '2026-W47', outcome: 'late' },
  ],
  // Not completed (as of asOf): late once the deadline has passed, else pending.
  [
    'instant due after asOf, not done: pending',
    { due: '2026-11-26T12:00:00+01:00' },
    AS_OF,
    'Europe/Berlin',
    { bucket: '2026-W48', outcome: 'pending' },
  ],
  [
    'instant due exactly at asOf, not done: pending (late needs asOf > due)',
    { due: AS_OF },
    AS_OF,
    'Europe/Berlin',
    { bucket: '2026-W48', outcome: 'pending' },
  ],
  [
    'instant due one second before asOf, not done: late',
    { due: '2026-11-25T11:59:59+01:00' },
    AS_OF,
    'Europe/Berlin',
    { bucket: '2026-W48', outcome: 'late' },
  ],
  [
    'date-only due, not done, asOf one second before the day ends: pending',
    { dueDate: '2026-11-24' },
    '2026-11-24T23:59:59+01:00',
    'Europe/Berlin',
    { bucket: '2026-W48', outcome: 'pending' },
  ],
  [
    'date-only due, not done, asOf exactly when the day ends: late',
    { dueDate: '2026-11-24' },
    '2026-11-25T00:00:00+01:00',
    'Europe/Berlin',
    { bucket: '2026-W48', outcome: 'late' },
  ],
  // The as-of rule: a completion after asOf has not happened yet.
  [
    'completed after asOf, deadline still ahead: pending',
    { due: '2026-11-26T12:00:00+01:00', completedAt: '2026-11-25T13:00:00+01:00' },
    AS_OF,
    'Europe/Berlin',
    { bucket: '2026-W48', outcome: 'pending' },
  ],
  [
    'completed after asOf, deadline passed at asOf: late',
    { due: '2026-11-24T12:00:00+01:00', completedAt: '2026-11-25T12:00:01+01:00' },
    AS_OF,
    'Europe/Berlin',
    { bucket: '2026-W48', outcome: 'late' },
  ],
  [
    'completed exactly at asOf counts as completed',
    { due: '2026-11-26T12:00:00+01:00', completedAt: AS_OF },
    AS_OF,
    'Europe/Berlin',
    { bucket: '2026-W48', outcome: 'onTime' },
  ],
  // Cancelled (as of asOf) tasks are left out; a cancellation after asOf has not happened yet.
  [
    'cancelled before asOf: left out',
    { due: '2026-11-20T12:00:00+01:00', cancelledAt: '2026-11-19T10:00:00+01:00' },
    AS_OF,
    'Europe/Berlin',
    null,
  ],
  [
    'cancelled exactly at asOf: left out',
    { due: '2026-11-20T12:00:00+01:00', cancelledAt: AS_OF },
    AS_OF,
    'Europe/Berlin',
    null,
  ],
  [
    'cancelled after asOf, deadline passed, not done: late',
    { due: '2026-11-20T12:00:00+01:00', cancelledAt: '2026-11-26T10:00:00+01:00' },
    AS_OF,
    'Europe/Berlin',
    { bucket: '2026-W47', outcome: 'late' },
  ],
  ['no deadline: left out', { completedAt: '2026-11-18T10:00:00+01:00' }, AS_OF, 'Europe/Berlin', null],
  [
    'created after asOf: left out',
    { createdAt: '2026-11-25T12:00:01+01:00', due: '2026-11-20T12:00:00+01:00' },
    AS_OF,
    'Europe/Berlin',
    null,
  ],
  [
    'created exactly at asOf: counted',
    { createdAt: AS_OF, due: '2026-11-20T12:00:00+01:00' },
    AS_OF,
    'Europe/Berlin',
    { bucket: '2026-W47', outcome: 'late' },
  ],
  // Buckets: an instant deadline belongs to the local week containing it.
  [
    // Sun 22 Nov 23:30Z = Mon 23 Nov 00:30 in Berlin.
    'instant due late Sunday UTC is Monday locally: next week',
    { due: '2026-11-22T23:30:00Z', completedAt: '2026-11-22T20:00:00Z' },
    AS_OF,
    'Europe/Berlin',
    { bucket: '2026-W48', outcome: 'onTime' },
  ],
  [
    // Sun 15 Nov 18:00 -08:00 = 16 Nov 02:00Z = Mon 16 Nov 03:00 in Berlin.
    'instant due written in Pacific time is bucketed in the assistant zone',
    { due: '2026-11-15T18:00:00-08:00', completedAt: '2026-11-15T12:00:00-08:00' },
    AS_OF,
    'Europe/Berlin',
    { bucket: '2026-W47', outcome: 'onTime' },
  ],
  [
    // Sun 22 Nov 23:59 local: the last minute of W47.
    'date-only due on a Sunday belongs to the week of that date',
    { dueDate: '2026-11-22', completedAt: '2026-11-22T22:59:00Z' },
    AS_OF,
    'Europe/Berlin',
    { bucket: '2026-W47', outcome: 'onTime' },
  ],
];

describe('classifyTask', () => {
  it.each(rows)('%s', (_name, task, asOf, zone, expected) => {
    const ctx = buildContext({ assistant: { timezone: zone }, asOf });
    const c = classifyTask(prepared(buildTask(task)), ctx);
    expect(c === null ? null : { bucket: c.bucket, outcome: c.outcome }).toEqual(expected);
  });

  it('puts a date-only deadline in the month of its date, whatever the zone', () => {
    // dueDate 2026-11-30 → month 2026-11; the due instant is 2026-12-01 00:00 local.
    const ctx = buildContext({ assistant: { timezone: 'Pacific/Kiritimati' }, period: 'month' });
    const c = classifyTask(prepared(buildTask({ dueDate: '2026-11-30' })), ctx);
    expect(c?.bucket).toBe('2026-11');
    // Kiritimati is +14:00: 2026-12-01 00:00 local = 2026-11-30T10:00Z.
    expect(c?.dueAtMs).toBe(Date.UTC(2026, 10, 30, 10, 0));
  });

  it('puts an instant deadline in the local month containing it', () => {
    // 2026-11-30T23:30Z = 2026-12-01 00:30 in Berlin.
    const ctx = buildContext({ period: 'month' });
    expect(classifyTask(prepared(buildTask({ due: '2026-11-30T23:30:00Z' })), ctx)?.bucket).toBe('2026-12');
    expect(classifyTask(prepared(buildTask({ due: '2026-11-30T22:59:00Z' })), ctx)?.bucket).toBe('2026-11');
  });
});

describe('onTimeRate', () => {
  const asOf = AS_OF;

  it('reports onTime / (onTime + late) with pending tasks counted but left out of the value', () => {
    // W47: two on time, one late, one cancelled (left out); W48: one pending.
    const tasks = [
      buildTask({ due: '2026-11-17T12:00:00+01:00', completedAt: '2026-11-17T11:00:00+01:00' }),
      buildTask({ dueDate: '2026-11-18', completedAt: '2026-11-18T20:00:00+01:00' }),
      buildTask({ dueDate: '2026-11-19', completedAt: '2026-11-20T09:00:00+01:00' }),
      buildTask({ dueDate: '2026-11-19', cancelledAt: '2026-11-19T09:00:00+01:00' }),
      buildTask({ dueDate: '2026-11-27' }),
    ].map((e) => prepared(e));
    const out = onTimeRate(tasks, buildContext({ asOf }));
    // W47: onTime 2, late 1 → 2/3. W48: only a pending task → value null, still reported.
    expect(Object.fromEntries(out)).toEqual({
      '2026-W47': { value: 2 / 3, onTime: 2, late: 1, pending: 0 },
      '2026-W48': { value: null, onTime: 0, late: 0, pending: 1 },
    });
  });

  it('reports no bucket for a week whose only task is cancelled', () => {
    const tasks = [buildTask({ dueDate: '2026-11-18', cancelledAt: '2026-11-17T09:00:00+01:00' })];
    expect(
      onTimeRate(
        tasks.map((e) => prepared(e)),
        buildContext({ asOf }),
      ).size,
    ).toBe(0);
  });

  it('reports 0 (not null) when every decided task is late', () => {
    const tasks = [buildTask({ dueDate: '2026-11-18' }), buildTask({ dueDate: '2026-11-27' })];
    const out = onTimeRate(
      tasks.map((e) => prepared(e)),
      buildContext({ asOf }),
    );
    expect(out.get('2026-W47')).toEqual({ value: 0, onTime: 0, late: 1, pending: 0 });
  });

  it('pools a month over its tasks instead of averaging weekly rates', () => {
    // W45 (2–8 Nov): 1 on time of 1 → weekly rate 1.
    // W47 (16–22 Nov): 1 on time, 3 late → weekly rate 0.25.
    // Average of weekly rates would be 0.625; pooled November = 2 / 5 = 0.4.
    const tasks = [
      buildTask({ dueDate: '2026-11-04', completedAt: '2026-11-04T10:00:00+01:00' }),
      buildTask({ dueDate: '2026-11-17', completedAt: '2026-11-17T10:00:00+01:00' }),
      buildTask({ dueDate: '2026-11-17', completedAt: '2026-11-18T10:00:00+01:00' }),
      buildTask({ dueDate: '2026-11-18', completedAt: '2026-11-19T10:00:00+01:00' }),
      buildTask({ dueDate: '2026-11-19' }),
    ].map((e) => prepared(e));
    const weeks = onTimeRate(tasks, buildContext({ asOf }));
    expect(weeks.get('2026-W45')?.value).toBe(1);
    expect(weeks.get('2026-W47')?.value).toBe(0.25);
    const month = onTimeRate(tasks, buildContext({ asOf, period: 'month' }));
    expect(Object.fromEntries(month)).toEqual({ '2026-11': { value: 0.4, onTime: 2, late: 3, pending: 0 } });
    const quarter = onTimeRate(tasks, buildContext({ asOf, period: 'quarter' }));
    expect(quarter.get('2026-Q4')).toEqual({ value: 0.4, onTime: 2, late: 3, pending: 0 });
  });
});

describe('on_time_rate through computeMetrics', () => {
  const assistant = buildAssistant();
  const opts = {
    period: 'week' as const,
    asOf: Date.parse('2026-11-25T11:00:00Z'),
    metrics: ['on_time_rate'] as const,
  };

  it('counts an excluded task nowhere', () => {
    const events = [
      buildTask({ dueDate: '2026-11-18', excluded: 'client sent the brief two days late' }),
      buildTask({ dueDate: '2026-11-27', completedAt: '2026-11-20T10:00:00+01:00' }),
    ];
    const out = computeMetrics({ assistants: [assistant], events }, opts);
    // Only the W48 task is counted; W47 had only the excluded task and is not reported.
    expect(out).toEqual([
      {
        assistant: 'ava',
        metric: 'on_time_rate',
        period: '2026-W48',
        value: 1,
        onTime: 1,
        late: 0,
        pending: 0,
      },
    ]);
  });

  it('restricts to a category through the filter option', () => {
    const events = [
      buildTask({ category: 'follow-up', dueDate: '2026-11-18', completedAt: '2026-11-18T10:00:00+01:00' }),
      buildTask({ category: 'follow-up', dueDate: '2026-11-19' }),
      buildTask({ category: 'campaign', dueDate: '2026-11-19' }),
      buildTask({ dueDate: '2026-11-19' }),
    ];
    const out = computeMetrics(
      { assistants: [assistant], events },
      { ...opts, filter: { category: 'follow-up' } },
    );
    // follow-up: 1 on time, 1 late → 0.5.
    expect(out).toEqual([
      {
        assistant: 'ava',
        metric: 'on_time_rate',
        period: '2026-W47',
        value: 0.5,
        onTime: 1,
        late: 1,
        pending: 0,
      },
    ]);
  });

  it('restricts to a label and to a client through the filter option', () => {
    const events = [
      buildTask({ labels: ['urgent', 'board'], client: 'acme', dueDate: '2026-11-18' }),
      buildTask({
        labels: ['board'],
        client: 'acme',
        dueDate: '2026-11-18',
        completedAt: '2026-11-18T10:00:00+01:00',
      }),
      buildTask({
        labels: ['urgent'],
        client: 'globex',
        dueDate: '2026-11-18',
        completedAt: '2026-11-18T10:00:00+01:00',
      }),
    ];
    const byLabel = computeMetrics(
      { assistants: [assistant], events },
      { ...opts, filter: { label: 'urgent' } },
    );
    // urgent: one late (acme), one on time (globex) → 0.5.
    expect(byLabel.map((r) => [r.value, r.onTime, r.late])).toEqual([[0.5, 1, 1]]);
    const byClient = computeMetrics(
      { assistants: [assistant], events },
      { ...opts, filter: { client: 'acme' } },
    );
    expect(byClient.map((r) => [r.value, r.onTime, r.late])).toEqual([[0.5, 1, 1]]);
    const both = computeMetrics(
      { assistants: [assistant], events },
      { ...opts, filter: { label: 'urgent', client: 'acme' } },
    );
    expect(both.map((r) => [r.value, r.onTime, r.late])).toEqual([[0, 0, 1]]);
  });

  it('refuses a channel filter on on_time_rate with invalid_filter', () => {
    const run = () =>
      computeMetrics(
        { assistants: [assistant], events: [buildTask()] },
        { ...opts, filter: { channel: 'email' } },
      );
    expect(run).toThrow(AppError);
    expect(run).toThrow(expect.objectContaining({ code: 'invalid_filter' }));
  });
});
