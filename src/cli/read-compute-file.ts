/**
 * Reads a compute input file (SPEC §12) on several threads when it is large: the file is cut at
 * line ends into one byte range per core; the first range is read here while worker threads read
 * the others, and their parts are joined in file order, so the result, and the first bad line
 * reported, are exactly those of reading the file line by line (read-compute-input.test.ts and
 * read-compute-file.test.ts compare the two). JSON.parse is most of the cost of a large input and
 * runs on one thread only; this is what keeps a million events within the budget.
 * Standard input and small files are read in order on this thread.
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { absorbPart } from '#core/events/collected-part';
import { forEachLine, LineError } from '#core/events/ndjson-lines';
import { type ComputeInput, ComputeInputCollector } from '#core/events/read-compute-input';
import type { RangeJob, RangeResult } from './read-compute-range.worker.ts';

export interface ReadFileOptions {
  /** Below this size the file is read on this thread (a worker's start-up costs ~0.2 s). */
  minParallelBytes?: number;
  /** How many ranges at most (default: the cores available, at most 4). */
  parts?: number;
}

const DEFAULT_MIN_PARALLEL_BYTES = 32 * 1024 * 1024;

/**
 * This thread's share of the bytes relative to a worker's. This thread also joins the workers'
 * parts at the end and holds every row, so its collector works harder (a larger heap to collect);
 * a worker first loads its modules and packs its rows. Measured at 1M events on 2 cores (CPU
 * profiles of both threads, then bench:compute): 0.9 ends both threads together; 1.0 and 1.2 left
 * this thread working 1–2 s after the worker was done.
 */
const FIRST_RANGE_WEIGHT = 0.9;

/** Byte offsets where ranges start: 0, then just after the first line end at or past each cut. */
export async function rangeStarts(file: string, size: number, parts: number): Promise<number[]> {
  const starts = [0];
  const fh = await open(file, 'r');
  const total = FIRST_RANGE_WEIGHT + parts - 1;
  try {
    const buf = Buffer.alloc(64 * 1024);
    for (let i = 1; i < parts; i++) {
      const cut = Math.floor((size * (FIRST_RANGE_WEIGHT + i - 1)) / total);
      let pos = Math.max(cut, (starts.at(-1) as number) + 1);
      let found = -1;
      while (found < 0 && pos < size) {
        const { bytesRead } = await fh.read(buf, 0, buf.length, pos);
        if (bytesRead === 0) break;
        const nl = buf.subarray(0, bytesRead).indexOf(10);
        if (nl >= 0) found = pos + nl + 1;
        else pos += bytesRead;
      }
      if (found < 0 || found >= size) break;
      starts.push(found);
    }
  } finally {
    await fh.close();
  }
  return starts;
}

/** Starts a worker on one range; its TypeScript is loaded through tsx's loader, as the CLI's is. */
function readRange(job: RangeJob): { result: Promise<RangeResult>; stop: () => void } {
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./read-compute-range.worker.ts', import.meta.url).href;
  const worker = new Worker(
    `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`,
    { eval: true, workerData: job },
  );
  const result = new Promise<RangeResult>((resolve, reject) => {
    worker.once('message', (m: RangeResult) => resolve(m));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the reading thread stopped (exit code ${code})`)));
  });
  // A range nobody waits for any more (an earlier one had the first bad line) is not an error.
  result.catch(() => undefined);
  return { result, stop: () => void worker.terminate() };
}

/** Reads a whole compute input file. Throws LineError at the first bad line, as reading in order does. */
export async function readComputeFile(file: string, options: ReadFileOptions = {}): Promise<ComputeInput> {
  const { size } = await stat(file);
  const parts = options.parts ?? Math.min(availableParallelism(), 4);
  const collector = new ComputeInputCollector();
  const starts =
    parts > 1 && size >= (options.minParallelBytes ?? DEFAULT_MIN_PARALLEL_BYTES)
      ? await rangeStarts(file, size, parts)
      : [0];
  const ends = [...starts.slice(1), size];
  const others = starts
    .slice(1)
    .map((start, i) => readRange({ file, start, end: (ends[i + 1] as number) - 1 }));
  try {
    const first = starts.length === 1 ? {} : { start: 0, end: (ends[0] as number) - 1 };
    await forEachLine(createReadStream(file, { ...first, highWaterMark: 1 << 20 }), collector.line);
    for (const other of others) {
      const r = await other.result;
      if (r.ok) absorbPart(collector, r.part);
      else if ('line' in r) throw new LineError(collector.lines + r.line, r.field, r.reason);
      else throw new Error(`reading ${file}: ${r.failure}`);
    }
  } finally {
    for (const other of others) other.stop();
  }
  return collector.finish();
}
