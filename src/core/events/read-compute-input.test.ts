import { describe, expect, it } from 'vitest';
import { buildAssistantLine, buildTask, byteStream, toNdjson } from '#test/builders';
import { computePrepared } from '../compute.ts';
import { LineError } from './ndjson-lines.ts';
import { readComputeInput } from './read-compute-input.ts';

const AS_OF = Date.parse('2026-11-25T11:00:00Z');

async function onTime(text: string | Uint8Array, chunkSize?: number) {
  const input = await readComputeInput(byteStream(text, chunkSize));
  return computePrepared(input, { period: 'week', asOf: AS_OF, metrics: ['on_time_rate'] });
}

async function lineError(text: string | Uint8Array, chunkSize?: number): Promise<LineError> {
  try {
    await readComputeInput(byteStream(text, chunkSize));
  } catch (err) {
    if (err instanceof LineError) return err;
    throw err;
  }
  throw new Error('expected a LineError');
}

describe('readComputeInput', () => {
  it('lets a later line with the same type and id replace the earlier one', async () => {
    // t1 first due in W46 and late; then restated in W47 and on time: only the restatement counts.
    const text = toNdjson([
      buildAssistantLine(),
      buildTask({ id: 't1', dueDate: '2026-11-10' }),
      buildTask({ id: 't1', dueDate: '2026-11-18', completedAt: '2026-11-18T10:00:00+01:00' }),
    ]);
    expect(await onTime(text)).toEqual([
      {
        assistant: 'ava',
        metric: 'on_time_rate',
        period: '2026-W47',
        value: 1,
        onTime: 1,
        late: 0,
        pending: 0,
      },
    ]);
  });

  it('lets an excluded restatement remove the event from every metric', async () => {
    const text = toNdjson([
      buildAssistantLine(),
      buildTask({ id: 't1', dueDate: '2026-11-18' }),
      buildTask({ id: 't1', dueDate: '2026-11-18', excluded: 'tool outage' }),
    ]);
    expect(await onTime(text)).toEqual([]);
  });

  it('keeps events of different types that share an id', async () => {
    const text = toNdjson([
      buildAssistantLine(),
      buildTask({ id: 'x', dueDate: '2026-11-18' }),
      { type: 'proactive', id: 'x', assistant: 'ava', occurredAt: '2026-11-18T10:00:00Z', description: 'd' },
    ]);
    const input = await readComputeInput(byteStream(text));
    expect(input.rows.map((r) => r.kind).sort()).toEqual(['proactive', 'task']);
  });

  it('accepts an assistant line after the events, blank lines, CRLF and a BOM', async () => {
    const text = `\uFEFF${toNdjson([buildTask({ dueDate: '2026-11-18' })]).replace('\n', '\r\n')}\n  \n${toNdjson([buildAssistantLine()])}`;
    expect((await onTime(text)).map((r) => [r.period, r.late])).toEqual([['2026-W47', 1]]);
  });

  it('names the first line that uses an undeclared assistant', async () => {
    const text = toNdjson([
      buildAssistantLine(),
      buildTask({ dueDate: '2026-11-18' }),
      buildTask({ assistant: 'bob', dueDate: '2026-11-18' }),
      buildTask({ assistant: 'bob', dueDate: '2026-11-19' }),
    ]);
    const err = await lineError(text);
    expect([err.line, err.field]).toEqual([3, 'assistant']);
    expect(err.reason).toContain('"bob"');
  });

  it('names the line and field of an invalid event', async () => {
    const err = await lineError(`${toNdjson([buildAssistantLine()])}{"type":"task"`);
    expect([err.line, err.field]).toEqual([2, '(json)']);
  });

  it.each([
    ['null', 'null'],
    ['true', 'true'],
    ['a string', '"task"'],
    ['a number', '1'],
    ['a list', '[]'],
    ['a list of an object', '[{"type":"task"}]'],
  ])('reports a line that is %s as not a JSON object', async (_name, json) => {
    const err = await lineError(`${toNdjson([buildAssistantLine()])}${json}\n`);
    expect([err.line, err.field, err.reason]).toEqual([2, '(line)', 'expected a JSON object']);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a null type', { type: null }, 'type'],
    ['a null required field', { ...buildTask(), createdAt: null }, 'createdAt'],
    ['a null in a list', { ...buildTask(), labels: [null] }, 'labels[0]'],
    [
      'a null criterion',
      { type: 'rating', id: 'r', assistant: 'ava', ratedAt: '2026-11-16T08:00:00Z', criteria: { a: null } },
      'criteria.a',
    ],
    ['a null schedule', { ...buildAssistantLine(), schedule: null }, 'schedule'],
    ['a null weekday', { ...buildAssistantLine(), schedule: { mon: null } }, 'schedule.mon'],
    ['a null interval', { ...buildAssistantLine(), schedule: { mon: [null] } }, 'schedule.mon[0]'],
    ['a null day off', { ...buildAssistantLine(), daysOff: [null] }, 'daysOff[0]'],
    [
      'a null exception',
      { ...buildAssistantLine(), exceptions: { '2026-12-24': null } },
      'exceptions.2026-12-24',
    ],
    ['a null history entry', { ...buildAssistantLine(), history: [null] }, 'history[0]'],
  ])('reports %s with its field, never a crash', async (_name, obj, field) => {
    const err = await lineError(toNdjson([buildAssistantLine({ id: 'x' }), obj]));
    expect([err.line, err.field]).toEqual([2, field]);
  });

  it('decodes a character split across chunks', async () => {
    // "Café": the é (2 bytes) straddles the chunk edge when chunks are 70 bytes long (see below).
    const text = toNdjson([
      buildAssistantLine({ role: 'Café' }),
      buildTask({ id: 't1', dueDate: '2026-11-18' }),
    ]);
    for (const size of [1, 2, 3, 70, 71]) expect((await onTime(text, size)).length).toBe(1);
  });

  describe('invalid UTF-8', () => {
    // Line 1 = {"type":"assistant","id":"ava","timezone":"Europe/Berlin","role":"Café"} is 73 bytes
    // (é = C3 A9 at bytes 69–70), its newline is byte 73; line 2 starts at byte 74, and its title
    // opens after 52 bytes, so the 0xFF there is byte 126 of the file (python3: len(...encode())).
    const line1 = '{"type":"assistant","id":"ava","timezone":"Europe/Berlin","role":"Café"}\n';
    const prefix = '{"type":"task","id":"t1","assistant":"ava","title":"';
    const suffix = '","createdAt":"2026-11-16T08:00:00Z"}\n';
    const enc = new TextEncoder();
    const bytes = new Uint8Array([...enc.encode(line1 + prefix), 0xff, ...enc.encode(suffix)]);

    it.each([
      ['in one chunk', 1 << 16],
      ['when the chunk starts inside a character split from the previous one', 70],
      ['when chunks are one byte', 1],
      ['when the bad byte opens a chunk', 126],
    ])('is reported with its line and byte offset %s', async (_name, chunkSize) => {
      const err = await lineError(bytes, chunkSize);
      expect([err.line, err.field, err.reason]).toEqual([
        2,
        '(encoding)',
        'invalid UTF-8 at byte offset 126',
      ]);
    });

    it('reports an earlier bad line in the same chunk first', async () => {
      const withBadJson = new Uint8Array([...enc.encode(`${line1}{"type":\n`), ...bytes.subarray(74)]);
      const err = await lineError(withBadJson);
      expect([err.line, err.field]).toEqual([2, '(json)']);
    });

    it('reports a sequence cut off at the end of the file', async () => {
      const cut = new Uint8Array([...enc.encode(line1), 0xc3]);
      const err = await lineError(cut);
      expect([err.line, err.field]).toEqual([2, '(encoding)']);
      expect(err.reason).toContain('byte offset 74');
    });
  });
});
