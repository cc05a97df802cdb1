import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../main.ts';

const dir = mkdtempSync(join(tmpdir(), 'tandem-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => {
    out += c;
  });
  stderr.on('data', (c) => {
    err += c;
  });
  const code = await main(args, { stdout, stderr, cwd: dir, env: {}, now: () => 0 });
  return { code, out, err };
}

const TOGGL = [
  'User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags',
  'Ann,ann@x.test,,Launch,,,No,2026-01-05,09:00:00,2026-01-05,10:30:00,01:30:00,',
  'Bo,bo@x.test,,Other,,,No,2026-01-05,09:00:00,2026-01-05,10:00:00,01:00:00,',
].join('\n');

describe('tandem import', () => {
  it('prints §3 NDJSON on stdout and the summary on stderr', async () => {
    writeFileSync(join(dir, 'toggl.csv'), TOGGL);
    writeFileSync(join(dir, 'ids.json'), JSON.stringify({ 'email:ann@x.test': 'ann' }));
    writeFileSync(join(dir, 'opts.json'), JSON.stringify({ priorityProjects: ['Launch'] }));
    const r = await run([
      'import',
      'toggl',
      'toggl.csv',
      '--identities',
      'ids.json',
      '--timezone',
      'Europe/Berlin',
      '--options',
      'opts.json',
    ]);
    expect(r.code).toBe(0);
    const lines = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toEqual([
      {
        type: 'timeEntry',
        id: 'toggl:email:ann@x.test|2026-01-05T09:00:00',
        source: 'toggl',
        externalId: 'email:ann@x.test|2026-01-05T09:00:00',
        assistant: 'ann',
        start: '2026-01-05T09:00:00+01:00',
        end: '2026-01-05T10:30:00+01:00',
        project: 'Launch',
        tags: [],
        priority: true,
      },
    ]);
    expect(r.err).toContain('toggl.csv: 1 event (timeEntry 1)');
    expect(r.err).toContain('line 3: email:bo@x.test maps to no assistant');
    expect(r.err).toContain('email:bo@x.test (Bo) — 1 record');
  });

  it('exits 2 with the file, line and reason for bad input, and prints nothing on stdout', async () => {
    writeFileSync(
      join(dir, 'bad.csv'),
      Buffer.concat([Buffer.from(`${TOGGL}\nCy,`), Buffer.from([0xff]), Buffer.from(',\n')]),
    );
    const r = await run(['import', 'toggl', 'bad.csv', '--assistant', 'ann']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^tandem import: bad\.csv: line 4, byte offset \d+: Toggl CSV is not valid UTF-8/);
  });

  it('exits 2 for an unknown format, a bad zone and unknown options', async () => {
    expect((await run(['import', 'excel', 'x.csv'])).code).toBe(2);
    writeFileSync(join(dir, 't.csv'), TOGGL);
    const zone = await run(['import', 'toggl', 't.csv', '--timezone', 'Mars/Olympus']);
    expect(zone.code).toBe(2);
    expect(zone.err).toContain('unknown time zone "Mars/Olympus"');
    writeFileSync(join(dir, 'o.json'), '{"dateorder":"MDY"}');
    const opts = await run(['import', 'toggl', 't.csv', '--options', 'o.json']);
    expect(opts.code).toBe(2);
    expect(opts.err).toContain('toggl options');
  });

  it('has --help', async () => {
    const r = await run(['import', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Usage: tandem import FORMAT FILE');
  });
});
