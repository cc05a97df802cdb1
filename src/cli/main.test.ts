import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildAssistantLine, buildTask, toNdjson } from '#test/builders';
import { main } from './main.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'tandem-main-'));
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

describe('tandem', () => {
  it('without a command exits 2 with the help on stderr and nothing on stdout (SPEC §13)', async () => {
    const r = await run([]);
    expect([r.code, r.out]).toEqual([2, '']);
    expect(r.err).toMatch(/^Usage: tandem <command> \[options\]\n/);
    expect(r.err).toContain('  compute  ');
  });

  it('prints the help on stdout and exits 0 when asked for it', async () => {
    for (const flag of ['--help', '-h', 'help']) {
      const r = await run([flag]);
      expect([r.code, r.err]).toEqual([0, '']);
      expect(r.out).toMatch(/^Usage: tandem <command> \[options\]\n/);
    }
  });

  it('exits 2 on an unknown command with the help on stderr', async () => {
    const r = await run(['bogus']);
    expect([r.code, r.out]).toEqual([2, '']);
    expect(r.err).toMatch(/^tandem: unknown command 'bogus'\n\nUsage: /);
  });

  it('prints a command help from its module, loaded on demand', async () => {
    const r = await run(['analyze', '--help']);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toMatch(/^Usage: tandem analyze /);
  });

  it('loads only the engine and the CLI for `tandem compute`, not the server, store or importers', () => {
    // The loader reports every module it loads; a child process starts from nothing, as
    // `npx tandem compute` does.
    const file = join(dir, 'events.ndjson');
    writeFileSync(file, toNdjson([buildAssistantLine(), buildTask({ dueDate: '2026-11-18' })]));
    const script = `
      import { register } from 'tsx/esm/api';
      import { Writable } from 'node:stream';
      const seen = [];
      register({ onImport: (url) => seen.push(url) });
      const { main } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'src/cli/main.ts')).href)});
      const sink = new Writable({ write: (_c, _e, cb) => cb() });
      const code = await main(['compute', ${JSON.stringify(file)}, '--json', '--as-of', '2026-11-25T11:00:00Z'], { stdout: sink });
      // The loader reports from its own thread: let its last messages arrive.
      await new Promise((r) => setTimeout(r, 200));
      process.stdout.write(JSON.stringify({ code, seen }));
    `;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(child.stderr).toBe('');
    const { code, seen } = JSON.parse(child.stdout) as { code: number; seen: string[] };
    expect(code).toBe(0);
    const ours = seen
      .filter((u) => u.startsWith('file:'))
      .map((u) => fileURLToPath(u).slice(ROOT.length))
      .filter((p) => !p.startsWith('node_modules/tsx/'));
    // The hook did report: the engine's seam is among the modules.
    expect(ours).toContain('src/core/compute.ts');
    expect(ours.filter((p) => !/^src\/(core|cli)\/|^src\/(errors|env)\.ts$/.test(p))).toEqual([]);
    expect(
      ours.filter(
        (p) => /^src\/cli\/commands\/(?!compute\.ts$)/.test(p) && p !== 'src/cli/commands/index.ts',
      ),
    ).toEqual([]);
  });
});
