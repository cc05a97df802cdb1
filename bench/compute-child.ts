/**
 * One measured run, in its own process so peak RSS is its own: `parse` reads the NDJSON and
 * JSON.parses each line (the baseline); `compute` runs `tandem compute FILE --json` in process.
 * Prints one JSON line {mode, ms, cpuMs, maxRssMB}: wall and CPU time (CPU time drifts less on a
 * busy machine, though it also counts the collector's helper threads).
 */
import { createReadStream } from 'node:fs';
import { Writable } from 'node:stream';
import { main } from '../src/cli/main.ts';
import { forEachLine } from '../src/core/events/ndjson-lines.ts';

const [mode, file, asOf, period = 'week'] = process.argv.slice(2);
if (!mode || !file || !asOf) {
  process.stderr.write('usage: compute-child parse|compute FILE AS_OF [PERIOD]\n');
  process.exit(2);
}
const sink = new Writable({
  write(_chunk, _enc, cb) {
    cb();
  },
});
const t0 = performance.now();
const c0 = process.cpuUsage();
if (mode === 'parse') {
  let n = 0;
  await forEachLine(createReadStream(file, { highWaterMark: 1 << 20 }), (text) => {
    if (text.length > 0 && JSON.parse(text)) n++;
  });
  if (n === 0) process.exit(1);
} else {
  const code = await main(['compute', file, '--json', '--as-of', asOf, '--period', period], {
    stdout: sink,
    stderr: process.stderr,
  });
  if (code !== 0) process.exit(code);
}
const ms = performance.now() - t0;
const cpu = process.cpuUsage(c0);
const cpuMs = (cpu.user + cpu.system) / 1000;
process.stdout.write(
  `${JSON.stringify({ mode, ms, cpuMs, maxRssMB: process.resourceUsage().maxRSS / 1024 })}\n`,
);
