#!/usr/bin/env node
// `npm start`'s prestart: builds the web app into dist/web when it is missing or older than its
// sources, so `npm install && npm start` just works; otherwise does nothing in a few milliseconds.
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(fileURLToPath(new URL('..', import.meta.url)));
const output = join(repo, 'dist', 'web', 'index.html');
const sources = ['src/web', 'src/shared', 'vite.config.ts', 'package-lock.json'];

/** The newest modification time of a file or of any file under a folder. */
function newest(path) {
  let info;
  try {
    info = statSync(path);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  let max = 0;
  for (const entry of readdirSync(path)) max = Math.max(max, newest(join(path, entry)));
  return max;
}

let built = 0;
try {
  built = statSync(output).mtimeMs;
} catch {
  built = 0;
}
const changed = Math.max(...sources.map((s) => newest(join(repo, s))));
const force = process.argv.includes('--force');

if (!force && built > 0 && built >= changed) {
  process.exit(0);
}

process.stderr.write(
  built === 0 ? 'Building the web app (first start)…\n' : 'The web app changed; rebuilding…\n',
);
const { build } = await import('vite');
await build({ configFile: join(repo, 'vite.config.ts'), logLevel: 'warn' });
process.stderr.write('Web app built into dist/web.\n');
