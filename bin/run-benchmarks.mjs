#!/usr/bin/env node
// `npm run bench`: runs every `bench:*` script of package.json whose benchmark file exists, one
// after another in the order listed, and stops at the first that fails. A script whose file is
// not there (yet) is named and skipped, so `npm run bench` always means every benchmark there is.
// `--list` prints the scripts it would run, one a line, and runs none.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const { scripts = {} } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const list = process.argv.includes('--list');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
for (const [name, command] of Object.entries(scripts)) {
  if (!name.startsWith('bench:')) continue;
  const files = String(command)
    .split(/\s+/)
    .filter((w) => w.startsWith('bench/'));
  const missing = files.filter((f) => !existsSync(new URL(f, root)));
  if (files.length === 0 || missing.length > 0) {
    const why = files.length === 0 ? 'it names no bench/ file' : `${missing.join(', ')} does not exist`;
    process.stderr.write(`skipping ${name}: ${why}\n`);
    continue;
  }
  if (list) {
    process.stdout.write(`${name}\n`);
    continue;
  }
  process.stdout.write(`\n> npm run ${name}\n`);
  const r = spawnSync(npm, ['run', '--silent', name], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
