import { describe, expect, it } from 'vitest';
import {
  buildAssistantLine,
  buildDayOff,
  buildDocReview,
  buildGoal,
  buildManualValue,
  buildProactive,
  buildPulse,
  buildRating,
  buildRequest,
  buildSurvey,
  buildTask,
  buildTimeEntry,
} from '#test/builders';
import { validateAssistant, validateEvent } from './validate-event.ts';

/** A JSON round trip, as the validator sees a parsed line. */
const parsed = (v: unknown): Record<string, unknown> =>
  JSON.parse(JSON.stringify(v)) as Record<string, unknown>;

describe('validateEvent', () => {
  it.each([
    ['task', buildTask({ dueDate: '2026-11-20' })],
    [
      'task with an instant deadline',
      buildTask({ due: '2026-11-20T17:00:00+01:00', completedAt: '2026-11-20T16:00:00Z' }),
    ],
    ['request', buildRequest({ firstResponseAt: '2026-11-16T10:30:00+01:00' })],
    ['rating with a score', buildRating({ score: 4.5 })],
    ['rating with criteria', buildRating({ criteria: { accuracy: 5, tone: 3 } })],
    ['proactive', buildProactive()],
    ['docReview', buildDocReview()],
    ['goal', buildGoal({ period: '2026-Q4' })],
    ['survey', buildSurvey()],
    ['timeEntry', buildTimeEntry()],
    [
      'zero-length timeEntry',
      buildTimeEntry({ start: '2026-11-16T09:00:00Z', end: '2026-11-16T10:00:00+01:00' }),
    ],
    ['pulse', buildPulse()],
    ['dayOff', buildDayOff()],
    ['manualValue', buildManualValue({ period: '2026-Q4', value: -2.5 })],
    [
      'an event with the common fields',
      buildTask({ source: 'trello', externalId: 'c1', client: 'acme', excluded: 'outage' }),
    ],
  ])('accepts a valid %s', (_name, event) => {
    const r = validateEvent(parsed(event));
    expect(r).toEqual({ ok: true, value: parsed(event) });
  });

  it('drops an optional field given as null', () => {
    const task = { ...parsed(buildTask({ id: 't' })), due: null };
    const r = validateEvent(task);
    expect(r).toEqual({ ok: true, value: parsed(buildTask({ id: 't' })) });
  });

  const task = (o: Record<string, unknown>) => ({ ...parsed(buildTask({ id: 't1' })), ...o });
  const long = 'x'.repeat(10_001);

  it.each<[string, unknown, string, string]>([
    ['not an object', [1, 2], '(line)', 'expected a JSON object'],
    ['null', null, '(line)', 'expected a JSON object'],
    ['no type', { id: 'x', assistant: 'ava' }, 'type', 'missing'],
    ['an unknown type', { type: 'meeting', id: 'm' }, 'type', 'unknown event type "meeting"'],
    [
      'an assistant line as an event',
      { type: 'assistant', id: 'a' },
      'type',
      'unknown event type "assistant"',
    ],
    ['an unknown field', task({ colour: 'red' }), 'colour', 'unknown field'],
    // SPEC §3 writes labels[], tags[] and the flags without `?`; §12: a missing field is an error.
    ['a task without labels', task({ labels: undefined }), 'labels', 'missing'],
    ['a task with labels null', task({ labels: null }), 'labels', 'must not be null'],
    ['a task without selfInitiated', task({ selfInitiated: undefined }), 'selfInitiated', 'missing'],
    ['a task without priority', task({ priority: undefined }), 'priority', 'missing'],
    ['a time entry without tags', { ...parsed(buildTimeEntry()), tags: undefined }, 'tags', 'missing'],
    [
      'a time entry without priority',
      { ...parsed(buildTimeEntry()), priority: undefined },
      'priority',
      'missing',
    ],
    ['a pulse without shared', { ...parsed(buildPulse()), shared: undefined }, 'shared', 'missing'],
    // Fields in the schema's order, unknown ones after them, as the zod schemas report them.
    [
      'an unknown field beside a bad one',
      task({ colour: 'red', title: 5 }),
      'title',
      'expected a string, got 5',
    ],
    ['a missing id', task({ id: undefined }), 'id', 'missing'],
    ['an empty id', task({ id: '' }), 'id', 'must not be empty'],
    ['a numeric id', task({ id: 5 }), 'id', 'expected a string id, got 5'],
    ['a missing assistant', task({ assistant: undefined }), 'assistant', 'missing'],
    ['a required field given as null', task({ title: null }), 'title', 'must not be null'],
    ['an over-long title', task({ title: long }), 'title', 'longer than 10000 characters'],
    [
      'an instant without offset',
      task({ createdAt: '2026-11-16T08:00:00' }),
      'createdAt',
      'expected an ISO-8601 instant with an offset or Z, got "2026-11-16T08:00:00"',
    ],
    [
      'an instant in year 0',
      task({ createdAt: '0000-12-31T12:00:00Z' }),
      'createdAt',
      'expected an ISO-8601 instant with an offset or Z, got "0000-12-31T12:00:00Z"',
    ],
    [
      'a date in year 0',
      task({ dueDate: '0000-01-01' }),
      'dueDate',
      'expected a local date YYYY-MM-DD, got "0000-01-01"',
    ],
    [
      'an impossible date',
      task({ dueDate: '2026-02-30' }),
      'dueDate',
      'expected a local date YYYY-MM-DD, got "2026-02-30"',
    ],
    [
      'both due and dueDate',
      task({ dueDate: '2026-11-20', due: '2026-11-20T17:00:00Z' }),
      'dueDate',
      'a task has either due or dueDate, not both',
    ],
    [
      'labels that are not a list',
      task({ labels: 'urgent' }),
      'labels',
      'expected a list of strings, got "urgent"',
    ],
    ['a label that is not a string', task({ labels: ['a', 1] }), 'labels[1]', 'expected a string, got 1'],
    [
      'a flag that is not a boolean',
      task({ selfInitiated: 'yes' }),
      'selfInitiated',
      'expected true or false, got "yes"',
    ],
    ['an empty excluded reason', task({ excluded: '' }), 'excluded', 'must not be empty'],
    [
      'an unknown channel',
      { ...parsed(buildRequest()), channel: 'fax' },
      'channel',
      'expected one of email, slack, teams, ticket, other, got "fax"',
    ],
    [
      'a response before the request',
      parsed(buildRequest({ receivedAt: '2026-11-16T10:00:00Z', firstResponseAt: '2026-11-16T09:59:59Z' })),
      'firstResponseAt',
      'is before receivedAt',
    ],
    [
      'a rating without score or criteria',
      { type: 'rating', id: 'g', assistant: 'ava', ratedAt: '2026-11-16T10:00:00Z' },
      'score',
      'missing (give score or criteria)',
    ],
    [
      'a rating with both score and criteria',
      { ...parsed(buildRating({ score: 4 })), criteria: { tone: 4 } },
      'criteria',
      'give either score or criteria, not both',
    ],
    ['a score above 5', parsed(buildRating({ score: 6 })), 'score', 'expected a number from 1 to 5, got 6'],
    ['a score below 1', parsed(buildRating({ score: 0 })), 'score', 'expected a number from 1 to 5, got 0'],
    ['empty criteria', parsed(buildRating({ criteria: {} })), 'criteria', 'must name at least one criterion'],
    [
      'a criterion out of range',
      parsed(buildRating({ criteria: { accuracy: 4, tone: 7 } })),
      'criteria.tone',
      'expected a number from 1 to 5, got 7',
    ],
    [
      'a docReview without clarity',
      { ...parsed(buildDocReview()), clarity: undefined },
      'clarity',
      'missing',
    ],
    [
      'a goal for a week',
      parsed(buildGoal({ period: '2026-W47' })),
      'period',
      'expected a month (2026-11) or quarter (2026-Q4), got "2026-W47"',
    ],
    [
      'an unknown goal status',
      { ...parsed(buildGoal()), status: 'done' },
      'status',
      'expected one of open, met, partially_met, not_met, got "done"',
    ],
    [
      'a survey score as text',
      { ...parsed(buildSurvey()), score: '5' },
      'score',
      'expected a number from 1 to 5, got "5"',
    ],
    [
      'a time entry ending before it starts',
      parsed(buildTimeEntry({ start: '2026-11-16T10:00:00+01:00', end: '2026-11-16T08:59:59Z' })),
      'end',
      'is before start',
    ],
    [
      'a pulse for a month',
      parsed(buildPulse({ week: '2026-11' })),
      'week',
      'expected an ISO week like 2026-W47, got "2026-11"',
    ],
    // 2025 has 52 ISO weeks (python3: date(2025, 12, 28).isocalendar().week → 52).
    [
      'a pulse for week 53 of 2025',
      parsed(buildPulse({ week: '2025-W53' })),
      'week',
      'expected an ISO week like 2026-W47, got "2025-W53"',
    ],
    [
      'a dayOff with a bad date',
      parsed(buildDayOff({ date: '2026-11-31' })),
      'date',
      'expected a local date YYYY-MM-DD, got "2026-11-31"',
    ],
    [
      'a manual value as text',
      { ...parsed(buildManualValue()), value: 'x' },
      'value',
      'expected a finite number, got "x"',
    ],
    [
      'a manual value for no period',
      parsed(buildManualValue({ period: '2026-W54' })),
      'period',
      'expected a period label (2026-W47, 2026-11 or 2026-Q4), got "2026-W54"',
    ],
  ])('rejects %s', (_name, input, field, reason) => {
    expect(validateEvent(input)).toEqual({ ok: false, error: { field, reason } });
  });
});

describe('validateAssistant', () => {
  it.each([
    ['the minimal line', buildAssistantLine()],
    [
      'a full line',
      buildAssistantLine({
        schedule: {
          mon: [
            ['09:00', '12:00'],
            ['13:00', '24:00'],
          ],
          fri: [['21:00', '05:00']],
          sat: [],
        },
        daysOff: ['2026-12-24'],
        exceptions: { '2026-12-31': [['09:00', '12:00']], '2026-12-30': [] },
        history: [
          { from: '2026-10-01', timezone: 'Asia/Kolkata' },
          { from: '2026-11-01', schedule: {} },
        ],
        role: 'executive assistant',
      }),
    ],
  ])('accepts %s', (_name, line) => {
    expect(validateAssistant(parsed(line))).toEqual({ ok: true, value: parsed(line) });
  });

  const line = (o: Record<string, unknown>) => ({ ...parsed(buildAssistantLine()), ...o });

  it('writes a zone given in the wrong letter case as the platform writes it (SPEC §2, §12)', () => {
    const r = validateAssistant(
      line({ timezone: 'europe/berlin', history: [{ from: '2026-10-01', timezone: 'ASIA/TOKYO' }] }),
    );
    expect(r.ok && [r.value.timezone, r.value.history?.[0]?.timezone]).toEqual([
      'Europe/Berlin',
      'Asia/Tokyo',
    ]);
    const alias = validateAssistant(line({ timezone: 'Asia/Kolkata' }));
    expect(alias.ok && alias.value.timezone).toBe('Asia/Kolkata');
  });

  it.each<[string, unknown, string, string]>([
    ['no timezone', line({ timezone: undefined }), 'timezone', 'missing'],
    ['an unknown zone', line({ timezone: 'Mars/Olympus' }), 'timezone', 'unknown time zone "Mars/Olympus"'],
    ['a zone that is not text', line({ timezone: 1 }), 'timezone', 'expected an IANA time zone name, got 1'],
    ['no id', line({ id: undefined }), 'id', 'missing'],
    ['an unknown field', line({ email: 'a@b.c' }), 'email', 'unknown field'],
    [
      'an unknown field beside a bad one',
      line({ email: 'a@b.c', role: 1 }),
      'role',
      'expected a string, got 1',
    ],
    [
      'weekdays in the schema order, not the line order',
      line({ schedule: { tue: 'x', mon: 'y' } }),
      'schedule.mon',
      'expected a list of ["HH:MM","HH:MM"] intervals, got "y"',
    ],
    [
      'an unknown weekday',
      line({ schedule: { monday: [['09:00', '17:00']] } }),
      'schedule.monday',
      'unknown weekday (use mon, tue, wed, thu, fri, sat, sun)',
    ],
    [
      '24:00 as a start',
      line({ schedule: { mon: [['24:00', '02:00']] } }),
      'schedule.mon[0][0]',
      'expected a start HH:MM from 00:00 to 23:59, got "24:00"',
    ],
    [
      '25:00 as an end',
      line({
        schedule: {
          tue: [
            ['09:00', '12:00'],
            ['13:00', '25:00'],
          ],
        },
      }),
      'schedule.tue[1][1]',
      'expected an end HH:MM from 00:00 to 24:00, got "25:00"',
    ],
    [
      'half an interval',
      line({ schedule: { mon: [['09:00']] } }),
      'schedule.mon[0]',
      'expected ["HH:MM","HH:MM"], got ["09:00"]',
    ],
    [
      'a weekday that is not a list',
      line({ schedule: { mon: '09:00-17:00' } }),
      'schedule.mon',
      'expected a list of ["HH:MM","HH:MM"] intervals, got "09:00-17:00"',
    ],
    [
      'a bad day off',
      line({ daysOff: ['2026-12-24', '24.12.2026'] }),
      'daysOff[1]',
      'expected a local date YYYY-MM-DD, got "24.12.2026"',
    ],
    [
      'an exception keyed by a non-date',
      line({ exceptions: { '2026-13-01': [] } }),
      'exceptions.2026-13-01',
      'expected a local date YYYY-MM-DD as the key',
    ],
    [
      'a bad exception interval',
      line({ exceptions: { '2026-12-24': [['9:00', '12:00']] } }),
      'exceptions.2026-12-24[0][0]',
      'expected a start HH:MM from 00:00 to 23:59, got "9:00"',
    ],
    ['a history entry without from', line({ history: [{ timezone: 'UTC' }] }), 'history[0].from', 'missing'],
    [
      'a history entry with a bad zone',
      line({ history: [{ from: '2026-10-01' }, { from: '2026-11-01', timezone: 'Nowhere/Land' }] }),
      'history[1].timezone',
      'unknown time zone "Nowhere/Land"',
    ],
    [
      'a history entry with an unknown field',
      line({ history: [{ from: '2026-10-01', role: 'x' }] }),
      'history[0].role',
      'unknown field',
    ],
  ])('rejects %s', (_name, input, field, reason) => {
    expect(validateAssistant(input)).toEqual({ ok: false, error: { field, reason } });
  });
});
