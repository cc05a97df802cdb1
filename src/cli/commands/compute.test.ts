import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  buildAssistantLine,
  buildProactive,
  buildRequest,
  buildSurvey,
  buildTask,
  buildTimeEntry,
  toNdjson,
} from '#test/builders';
import { main } from '../main.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DIR = mkdtempSync(join(tmpdir(), 'tandem-compute-'));
let files = 0;

/** Writes a file into a fresh temporary directory and returns its path. */
function file(content: string | Uint8Array): string {
  files += 1;
  const path = join(DIR, `events-${files}.ndjson`);
  writeFileSync(path, content);
  return path;
}

function collect(stream: PassThrough): () => Buffer {
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return () => Buffer.concat(chunks);
}

/** Runs `tandem ARGS` in process with fake streams. */
async function run(args: string[], stdin = '') {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out = collect(stdout);
  const err = collect(stderr);
  const code = await main(args, {
    stdin: Readable.from([Buffer.from(stdin)]),
    stdout,
    stderr,
    now: () => Date.parse('2026-11-25T11:00:00Z'),
    env: {},
    cwd: DIR,
  });
  return { code, stdout: out().toString('utf8'), stderr: err().toString('utf8'), bytes: out() };
}

// Two assistants: ava in Berlin, bob in New York. asOf = 2026-11-25T11:00Z (Wed, W48).
const INPUT = toNdjson([
  buildAssistantLine({ id: 'bob', timezone: 'America/New_York' }),
  buildAssistantLine(),
  // bob: proactive in W47 and W46; a late task due 20 Nov.
  buildProactive({ assistant: 'bob', occurredAt: '2026-11-16T10:00:00-05:00' }),
  buildProactive({ assistant: 'bob', occurredAt: '2026-11-10T10:00:00-05:00' }),
  buildTask({ assistant: 'bob', dueDate: '2026-11-20' }),
  // ava: on time (W47), unanswered request (W47), a satisfied survey, one time entry.
  buildTask({ dueDate: '2026-11-18', completedAt: '2026-11-18T10:00:00+01:00' }),
  buildRequest({ receivedAt: '2026-11-17T10:00:00+01:00' }),
  buildSurvey({ score: 5, respondedAt: '2026-11-17T10:00:00+01:00' }),
  buildTimeEntry({ priority: true, start: '2026-11-17T09:00:00+01:00', end: '2026-11-17T10:30:00+01:00' }),
]);
const AS_OF = ['--as-of', '2026-11-25T11:00:00Z'];

// Hand-worked output, sorted by (assistant, metric, period).
const EXPECTED = [
  { assistant: 'ava', metric: 'csat', period: '2026-W47', value: 1, mean: 5, count: 1 },
  { assistant: 'ava', metric: 'on_time_rate', period: '2026-W47', value: 1, onTime: 1, late: 0, pending: 0 },
  {
    assistant: 'ava',
    metric: 'priority_time_share',
    period: '2026-W47',
    value: 1,
    priorityHours: 1.5,
    totalHours: 1.5,
  },
  {
    assistant: 'ava',
    metric: 'response_time',
    period: '2026-W47',
    value: null,
    median: null,
    p90: null,
    answered: 0,
    unanswered: 1,
  },
  { assistant: 'bob', metric: 'on_time_rate', period: '2026-W47', value: 0, onTime: 0, late: 1, pending: 0 },
  { assistant: 'bob', metric: 'proactivity', period: '2026-W46', value: 1 },
  { assistant: 'bob', metric: 'proactivity', period: '2026-W47', value: 1 },
];

describe('tandem compute', () => {
  it('prints one JSON array sorted by assistant, metric and period', async () => {
    const r = await run(['compute', file(INPUT), ...AS_OF, '--json']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(JSON.parse(r.stdout)).toEqual(EXPECTED);
    expect(r.stdout.endsWith(']\n')).toBe(true);
  });

  it('prints the same bytes for the same input', async () => {
    const path = file(INPUT);
    const a = await run(['compute', path, ...AS_OF, '--json']);
    const b = await run(['compute', path, ...AS_OF, '--json']);
    expect(a.bytes.equals(b.bytes)).toBe(true);
  });

  it('reads standard input for -', async () => {
    const r = await run(['compute', '-', ...AS_OF, '--json'], INPUT);
    expect(JSON.parse(r.stdout)).toEqual(EXPECTED);
  });

  it('pools a month with --period month', async () => {
    const r = await run(['compute', file(INPUT), ...AS_OF, '--period', 'month', '--json']);
    const bob = (JSON.parse(r.stdout) as Array<Record<string, unknown>>).filter((x) => x.assistant === 'bob');
    expect(bob).toEqual([
      {
        assistant: 'bob',
        metric: 'on_time_rate',
        period: '2026-11',
        value: 0,
        onTime: 0,
        late: 1,
        pending: 0,
      },
      { assistant: 'bob', metric: 'proactivity', period: '2026-11', value: 2 },
    ]);
  });

  it('reads a zone written in the wrong letter case as that zone', async () => {
    const lower = INPUT.replace('"timezone":"Europe/Berlin"', '"timezone":"europe/berlin"');
    expect(lower).not.toBe(INPUT);
    const r = await run(['compute', file(lower), ...AS_OF, '--json']);
    expect(JSON.parse(r.stdout)).toEqual(EXPECTED);
  });

  it('defaults --as-of to now', async () => {
    // now = 2026-11-25T11:00Z, the same as AS_OF.
    const r = await run(['compute', file(INPUT), '--json']);
    expect(JSON.parse(r.stdout)).toEqual(EXPECTED);
  });

  it('prints a readable table without --json', async () => {
    const r = await run(['compute', file(INPUT), ...AS_OF]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^assistant\s+metric\s+period\s+value\s+counts$/);
    expect(lines).toHaveLength(1 + EXPECTED.length);
    expect(r.stdout).toMatch(/^ava\s+on_time_rate\s+2026-W47\s+1\s+onTime=1 late=0 pending=0$/m);
    expect(r.stdout).toMatch(
      /^ava\s+response_time\s+2026-W47\s+—\s+median=— p90=— answered=0 unanswered=1$/m,
    );
    expect(r.stdout).toMatch(/^bob\s+proactivity\s+2026-W46\s+1$/m);
  });

  it('prints its help with --help and exits 0', async () => {
    const r = await run(['compute', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^Usage: tandem compute FILE\|- \[--period week\|month\|quarter\] \[--as-of INSTANT\]/,
    );
    const top = await run(['--help']);
    expect([top.code, top.stdout.includes('compute')]).toEqual([0, true]);
  });

  it.each([
    ['an unknown period', ['--period', 'fortnight']],
    ['a malformed --as-of', ['--as-of', '2026-11-25 11:00']],
    ['an unknown option', ['--bogus']],
  ])('exits 2 on %s with nothing on stdout', async (_name, args) => {
    const r = await run(['compute', file(INPUT), ...args, '--json']);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toMatch(/^tandem compute: /);
  });

  it('exits 2 when the file cannot be read', async () => {
    const missing = join(DIR, 'missing.ndjson');
    const r = await run(['compute', missing, ...AS_OF, '--json']);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr.startsWith(`${missing}: cannot read: `)).toBe(true);
  });

  describe('bad input', () => {
    const ava = JSON.stringify(buildAssistantLine());
    const enc = new TextEncoder();
    // `{"type":"task","id":"t1","assistant":"ava","title":"` is 52 bytes; line 1 plus its newline
    // is ava.length + 1 bytes, so the 0xFF sits at byte ava.length + 1 + 52.
    const prefix = '{"type":"task","id":"t1","assistant":"ava","title":"';
    const badUtf8 = new Uint8Array([
      ...enc.encode(`${ava}\n${prefix}`),
      0xff,
      ...enc.encode('","createdAt":"2026-11-16T08:00:00Z"}\n'),
    ]);
    const task = (o: Record<string, unknown>) =>
      JSON.stringify({ ...buildTask({ id: 't1', dueDate: '2026-11-18' }), ...o });

    it.each<[string, string | Uint8Array, RegExp]>([
      ['an unparsable line', `${ava}\n{"type":"task",\n`, /^:2: \(json\): invalid JSON: .+$/],
      ['a line that is null', `${ava}\nnull\n`, /^:2: \(line\): expected a JSON object$/],
      ['a line that is true', `${ava}\ntrue\n`, /^:2: \(line\): expected a JSON object$/],
      ['a line that is a string', `${ava}\n"task"\n`, /^:2: \(line\): expected a JSON object$/],
      ['a line that is a number', `${ava}\n1\n`, /^:2: \(line\): expected a JSON object$/],
      ['a line that is a list', `${ava}\n[]\n`, /^:2: \(line\): expected a JSON object$/],
      [
        'a null inside an assistant line',
        `${JSON.stringify({ ...buildAssistantLine(), schedule: { mon: [null] } })}\n`,
        /^:1: schedule\.mon\[0\]: expected \["HH:MM","HH:MM"\], got null$/,
      ],
      [
        'an unknown type',
        `${ava}\n{"type":"meeting","id":"m1","assistant":"ava"}\n`,
        /^:2: type: unknown event type "meeting"$/,
      ],
      ['a missing field', `${ava}\n${task({ createdAt: undefined })}\n`, /^:2: createdAt: missing$/],
      [
        'a malformed field',
        `${ava}\n${task({ createdAt: '2026-11-20 10:00' })}\n`,
        /^:2: createdAt: expected an ISO-8601 instant with an offset or Z, got "2026-11-20 10:00"$/,
      ],
      [
        'an instant in year 0',
        `${ava}\n${task({ createdAt: '0000-12-31T12:00:00Z' })}\n`,
        /^:2: createdAt: expected an ISO-8601 instant with an offset or Z, got "0000-12-31T12:00:00Z"$/,
      ],
      [
        'a task with both due and dueDate',
        `${ava}\n${task({ due: '2026-11-18T17:00:00Z' })}\n`,
        /^:2: dueDate: a task has either due or dueDate, not both$/,
      ],
      [
        'an unknown assistant',
        `${ava}\n${task({})}\n${task({ id: 't2', assistant: 'bob' })}\n`,
        /^:3: assistant: unknown assistant "bob" \(no assistant line declares it\)$/,
      ],
      [
        'a bad zone',
        `${JSON.stringify(buildAssistantLine({ timezone: 'Mars/Olympus' }))}\n`,
        /^:1: timezone: unknown time zone "Mars\/Olympus"$/,
      ],
      [
        'a time entry ending before it starts',
        `${ava}\n${JSON.stringify(buildTimeEntry({ start: '2026-11-17T10:00:00Z', end: '2026-11-17T09:59:59Z' }))}\n`,
        /^:2: end: is before start$/,
      ],
      [
        'invalid UTF-8',
        badUtf8,
        new RegExp(`^:2: \\(encoding\\): invalid UTF-8 at byte offset ${ava.length + 1 + 52}$`),
      ],
    ])(
      'exits 2 on %s with file:line: field: reason on stderr and nothing on stdout',
      async (_name, content, reason) => {
        const path = file(content);
        const r = await run(['compute', path, ...AS_OF, '--json']);
        expect([r.code, r.stdout]).toEqual([2, '']);
        expect(r.stderr.endsWith('\n')).toBe(true);
        expect(r.stderr.startsWith(path)).toBe(true);
        expect(r.stderr.slice(path.length).trimEnd()).toMatch(reason);
      },
    );

    it('names standard input as - in the error', async () => {
      const r = await run(
        ['compute', '-', ...AS_OF, '--json'],
        `${ava}\n{"type":"meeting","id":"m","assistant":"ava"}\n`,
      );
      expect([r.code, r.stdout, r.stderr]).toEqual([2, '', '-:2: type: unknown event type "meeting"\n']);
    });
  });

  describe('as a child process through bin/tandem.mjs', () => {
    const node = (args: string[], input = '') =>
      spawnSync(process.execPath, [join(ROOT, 'bin/tandem.mjs'), ...args], {
        cwd: ROOT,
        input: Buffer.from(input),
        encoding: 'buffer',
        timeout: 60_000,
      });

    it('prints the same bytes as the in-process run, and exits 2 on bad input with nothing on stdout', async () => {
      const path = file(INPUT);
      const child = node(['compute', path, ...AS_OF, '--json']);
      expect(child.status).toBe(0);
      const inProcess = await run(['compute', path, ...AS_OF, '--json']);
      expect(child.stdout.equals(inProcess.bytes)).toBe(true);

      // Bad input on standard input: exit 2, the error on stderr, nothing on stdout.
      const bad = `${JSON.stringify(buildAssistantLine())}\n{"type":"meeting","id":"m","assistant":"ava"}\n`;
      const failed = node(['compute', '-', ...AS_OF, '--json'], bad);
      expect(failed.status).toBe(2);
      expect(failed.stdout.length).toBe(0);
      expect(failed.stderr.toString('utf8')).toBe('-:2: type: unknown event type "meeting"\n');

      // A line that is JSON but not an object: the same, never a stack trace and exit 1.
      const nullLine = node(
        ['compute', '-', ...AS_OF, '--json'],
        `${JSON.stringify(buildAssistantLine())}\nnull\n`,
      );
      expect([nullLine.status, nullLine.stdout.length, nullLine.stderr.toString('utf8')]).toEqual([
        2,
        0,
        '-:2: (line): expected a JSON object\n',
      ]);
    });
  });
});
