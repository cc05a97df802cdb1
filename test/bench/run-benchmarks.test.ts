import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const scripts = (
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
).scripts;

describe('npm run bench', () => {
  it('runs every bench:* script whose benchmark file exists, in order, and no other', () => {
    expect(scripts.bench).toBe('node bin/run-benchmarks.mjs');
    const existing = Object.entries(scripts)
      .filter(([name, command]) => {
        const file = /\bbench\/\S+/.exec(command)?.[0];
        return name.startsWith('bench:') && file !== undefined && existsSync(join(ROOT, file));
      })
      .map(([name]) => name);
    const r = spawnSync(process.execPath, ['bin/run-benchmarks.mjs', '--list'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual(existing);
    // The three the README names are there.
    expect(existing).toEqual(expect.arrayContaining(['bench:compute', 'bench:import', 'bench:server']));
  });
});
