/**
 * One measured run, in its own process so peak RSS is its own: `parse` reads the NDJSON and
 * JSON.parses each line (the baseline); `compute` runs `tandem compute FILE --json` in process,
 * loading the CLI exactly as `bin/tandem.mjs` does. Prints one JSON line {mode, startupMs, workMs,
 * wholeMs, workCpuMs, wholeCpuMs, maxRssMB}: start-up is from the process's start (node, the
 * TypeScript loader, the modules) to the moment the work begins; whole is from the process's start
 * to the end of the work. CPU time drifts less on a busy machine, though it also counts the
 * collector's helper threads.
 */
import { createReadStream } from 'node:fs';
import { Writable } from 'node:stream';

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

let run: () => Promise<void>;
if (mode === 'parse') {
  const { forEachLine } = await import('../src/core/events/ndjson-lines.ts');
  run = async () => {
    let n = 0;
    await forEachLine(createReadStream(file, { highWaterMark: 1 << 20 }), (text) => {
      if (text.length > 0 && JSON.parse(text)) n++;
    });
    if (n === 0) process.exit(1);
  };
} else {
  // The CLI's own entry, then the compute command's modules (main would load them on its first
  // call): start-up ends when the engine is loaded and the first line is about to be read.
  const { main } = await import('../src/cli/main.ts');
  const { COMMANDS } = await import('../src/cli/commands/index.ts');
  await COMMANDS.find((c) => c.name === 'compute')?.load();
  run = async () => {
    const code = await main(['compute', file, '--json', '--as-of', asOf, '--period', period], {
      stdout: sink,
      stderr: process.stderr,
    });
    if (code !== 0) process.exit(code);
  };
}

// performance.now() counts from the process's start (its time origin).
const t0 = performance.now();
const c0 = process.cpuUsage();
await run();
const t1 = performance.now();
const work = process.cpuUsage(c0);
const whole = process.cpuUsage();
process.stdout.write(
  `${JSON.stringify({
    mode,
    startupMs: t0,
    workMs: t1 - t0,
    wholeMs: t1,
    workCpuMs: (work.user + work.system) / 1000,
    wholeCpuMs: (whole.user + whole.system) / 1000,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
