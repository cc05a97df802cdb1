/**
 * Worker thread of read-compute-file.ts: reads one byte range of a compute input with the same
 * per-line work as the whole-file reader and posts what it collected, packed (collected-part.ts),
 * or the range's first bad line. Line numbers are the range's own; the joining thread renumbers.
 */
import { createReadStream } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { packPart, partBuffers } from '#core/events/collected-part';
import { forEachLine, LineError } from '#core/events/ndjson-lines';
import { ComputeInputCollector } from '#core/events/read-compute-input';

export interface RangeJob {
  file: string;
  start: number;
  /** Inclusive, as createReadStream takes it. */
  end: number;
}

export type RangeResult =
  | { ok: true; part: ReturnType<typeof packPart> }
  | { ok: false; line: number; field: string; reason: string }
  | { ok: false; failure: string };

const job = workerData as RangeJob;
const port = parentPort;
if (port === null) throw new Error('read-compute-range.worker.ts runs as a worker thread only');
const collector = new ComputeInputCollector();
try {
  await forEachLine(
    createReadStream(job.file, { start: job.start, end: job.end, highWaterMark: 1 << 20 }),
    collector.line,
    {
      byteBase: job.start,
    },
  );
  const part = packPart(collector);
  port.postMessage({ ok: true, part } satisfies RangeResult, partBuffers(part));
} catch (err) {
  if (err instanceof LineError)
    port.postMessage({
      ok: false,
      line: err.line,
      field: err.field,
      reason: err.reason,
    } satisfies RangeResult);
  else port.postMessage({ ok: false, failure: (err as Error).stack ?? String(err) } satisfies RangeResult);
}
