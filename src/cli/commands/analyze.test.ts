import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { buildAssistantLine, buildProactive, buildTask, toNdjson } from '#test/builders';
import type { CliIo } from '../command.ts';
import { analyzeCommand } from './analyze.ts';

function collect(stream: PassThrough): () => string {
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return () => Buffer.concat(chunks).toString('utf8');
}

async function run(args: string[], files: Record<string, string>, stdin = '') {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-analyze-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out = collect(stdout);
  const err = collect(stderr);
  const io: CliIo = {
    stdin: Readable.from([stdin]),
    stdout,
    stderr,
    now: () => Date.parse('2026-11-11T12:00:00Z'),
    env: {},
    cwd: dir,
  };
  const code = await analyzeCommand.run(
    args.map((a) => (a in files ? join(dir, a) : a)),
    io,
  );
  return { code, stdout: out(), stderr: err() };
}

/** Wednesday 12:00 UTC of ISO week `week` of 2026 (W36 starts Monday 2026-08-31). */
function wednesdayOf(week: number): string {
  return new Date(Date.UTC(2026, 7, 31) + ((week - 36) * 7 + 2) * 86_400_000 + 43_200_000).toISOString();
}

const counts = [2, 4, 3, 3, 2, 4, 0, 3, 9, 3];
const events = toNdjson([
  buildAssistantLine({ timezone: 'UTC' }),
  ...counts.flatMap((n, i) =>
    Array.from({ length: n }, () => buildProactive({ occurredAt: wednesdayOf(36 + i) })),
  ),
  buildTask({ dueDate: '2026-11-04', completedAt: '2026-11-03T10:00:00Z' }),
]);
const kpis = JSON.stringify([
  {
    id: 'z-proactive',
    assistant: 'ava',
    metric: 'proactivity',
    direction: 'higher',
    processChanges: ['2026-W43'],
  },
  { id: 'a-on-time', assistant: 'ava', metric: 'on_time_rate', direction: 'higher', target: 0.9 },
]);

describe('tandem analyze', () => {
  it('prints the SPEC §6 structure per KPI, sorted by id', async () => {
    const r = await run(['events.ndjson', '--kpis', 'kpis.json', '--json'], {
      'events.ndjson': events,
      'kpis.json': kpis,
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.map((a: { kpi: string }) => a.kpi)).toEqual(['a-on-time', 'z-proactive']);
    expect(Object.keys(out[1])).toEqual(['kpi', 'series', 'phases', 'signals', 'trend', 'forecast']);
    expect(out[0]).toEqual({
      kpi: 'a-on-time',
      series: [{ period: '2026-W45', value: 1 }],
      phases: [{ from: '2026-W45', centre: null, lower: null, upper: null }],
      signals: [],
      trend: null,
      forecast: null,
    });
    expect(out[1].series).toHaveLength(10);
    expect(out[1].phases.map((p: { from: string }) => p.from)).toEqual(['2026-W36', '2026-W43']);
    expect(Object.keys(out[1].forecast)).toEqual(['month', 'quarter', 'backtestMAE']);
    expect(Object.keys(out[1].forecast.month)).toEqual(['period', 'value', 'lower', 'upper']);
    expect(Object.keys(out[1].trend)).toEqual(['direction', 'slope', 'p']);
  });

  it('reads events from standard input and honours --as-of', async () => {
    const r = await run(
      ['-', '--kpis', 'kpis.json', '--as-of', '2026-10-14T00:00:00Z', '--json'],
      { 'kpis.json': kpis },
      events,
    );
    expect(r.code).toBe(0);
    const proactive = JSON.parse(r.stdout)[1];
    // As of Wednesday of W42, the last complete week is W41.
    expect(proactive.series.at(-1)).toEqual({ period: '2026-W41', value: 4 });
  });

  it('prints a readable table without --json', async () => {
    const r = await run(['events.ndjson', '--kpis', 'kpis.json'], {
      'events.ndjson': events,
      'kpis.json': kpis,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('KPI z-proactive — ava, proactivity, week, higher is better');
    expect(r.stdout).toContain('2026-W43');
    expect(r.stdout).toContain('forecast:');
  });

  it.each([
    [
      'a KPI without direction',
      JSON.stringify([{ id: 'k', assistant: 'ava', metric: 'csat' }]),
      /\[0\]\.direction/,
    ],
    [
      'an unknown metric',
      JSON.stringify([{ id: 'k', assistant: 'ava', metric: 'keystrokes', direction: 'higher' }]),
      /\[0\]\.metric/,
    ],
    ['invalid JSON', '[{', /invalid JSON/],
    [
      'a duplicate id',
      JSON.stringify([
        { id: 'k', assistant: 'ava', metric: 'csat', direction: 'higher' },
        { id: 'k', assistant: 'ava', metric: 'csat', direction: 'higher' },
      ]),
      /duplicate/,
    ],
    [
      'a filter the metric cannot take',
      JSON.stringify([
        {
          id: 'k',
          assistant: 'ava',
          metric: 'on_time_rate',
          direction: 'higher',
          filter: { channel: 'email' },
        },
      ]),
      /kpi k: The channel filter cannot apply to on_time_rate/,
    ],
    [
      'a week label as the process change of a monthly KPI (SPEC §6: the week straddles two months)',
      JSON.stringify([
        {
          id: 'k',
          assistant: 'ava',
          metric: 'csat',
          period: 'month',
          direction: 'higher',
          processChanges: ['2026-W40'],
        },
      ]),
      /kpi k: 2026-W40 is a week, but k is kept per month/,
    ],
    [
      'an unknown assistant',
      JSON.stringify([{ id: 'k', assistant: 'bob', metric: 'csat', direction: 'higher' }]),
      /kpi k: unknown assistant bob/,
    ],
  ])('exits 2 on %s, nothing on stdout', async (_name, kpiText, message) => {
    const r = await run(['events.ndjson', '--kpis', 'kpis.json', '--json'], {
      'events.ndjson': events,
      'kpis.json': kpiText,
    });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/kpis\.json: /);
    expect(r.stderr).toMatch(message);
  });

  it('exits 2 when a manual KPI has a value labelled with another period', async () => {
    const value = {
      type: 'manualValue',
      id: 'mv1',
      assistant: 'ava',
      kpi: 'nps',
      period: '2026-W45',
      value: 40,
    };
    const r = await run(['events.ndjson', '--kpis', 'kpis.json', '--json'], {
      'events.ndjson': `${events}${JSON.stringify(value)}\n`,
      'kpis.json': JSON.stringify([
        { id: 'nps', assistant: 'ava', metric: 'manual', period: 'month', direction: 'higher' },
      ]),
    });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/kpis\.json: kpi nps: nps is kept per month, but a value is labelled 2026-W45/);
  });

  it('exits 2 on a bad event line, like compute', async () => {
    const r = await run(['events.ndjson', '--kpis', 'kpis.json', '--json'], {
      'events.ndjson': `${events}{"type":"task"}\n`,
      'kpis.json': kpis,
    });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/events\.ndjson:\d+: /);
  });

  it('requires --kpis', async () => {
    await expect(run(['events.ndjson'], { 'events.ndjson': events })).rejects.toThrow(/--kpis/);
  });
});
