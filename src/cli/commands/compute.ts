/**
 * `tandem compute FILE|- [--period week|month|quarter] [--as-of INSTANT] [--json]` (SPEC §12):
 * touches no database; bad input exits 2 with `file:line: field: reason` and nothing on stdout.
 */
import { createReadStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { computePrepared, type MetricRecord } from '#core/compute';
import { LineError } from '#core/events/ndjson-lines';
import { type ComputeInput, readComputeInput } from '#core/events/read-compute-input';
import { PERIODS, type Period } from '#core/time/calendar';
import { parseInstant } from '#core/time/instant';
import { type CliIo, type Command, parseOrUsage, UsageError, writeAll } from '../command.ts';
import { formatMetricTable } from '../format-metric-table.ts';
import { readComputeFile } from '../read-compute-file.ts';

const HELP = `Usage: tandem compute FILE|- [--period week|month|quarter] [--as-of INSTANT] [--json]

Reads normalized events and assistant lines (NDJSON, SPEC §12) from FILE or standard input and
prints every metric of every reported bucket, sorted by assistant, metric and period.

Options:
  --period P     week (default), month or quarter
  --as-of I      the instant to compute as of (ISO-8601 with offset or Z; default: now)
  --json         print the JSON array (default: a readable table)
  -h, --help     show this help

Exit status: 0 ok; 2 bad input (file:line: field: reason on stderr) or usage.
`;

/** Opens FILE, or standard input for `-`. */
export function inputStream(file: string, io: CliIo): AsyncIterable<Uint8Array | string> {
  if (file === '-') return io.stdin as AsyncIterable<Uint8Array | string>;
  return createReadStream(file, { highWaterMark: 1 << 20 });
}

/** Reads FILE (or standard input for `-`) as compute input; a large file on several threads. */
export function readInput(file: string, io: CliIo): Promise<ComputeInput> {
  if (file === '-') return readComputeInput(inputStream(file, io));
  return readComputeFile(file);
}

/** Parses `--as-of`, defaulting to now. */
export function parseAsOf(value: string | undefined, io: CliIo): number {
  if (value === undefined) return io.now();
  const ms = parseInstant(value);
  if (Number.isNaN(ms))
    throw new UsageError(
      `--as-of: expected an ISO-8601 instant with an offset or Z, got ${JSON.stringify(value)}`,
    );
  return ms;
}

/** Prints a LineError (or a file error) as `file:line: field: reason` on stderr; returns exit 2. */
export async function reportInputError(err: unknown, file: string, io: CliIo): Promise<number> {
  if (err instanceof LineError) {
    await writeAll(io.stderr, `${file}:${err.line}: ${err.field}: ${err.reason}\n`);
    return 2;
  }
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') {
    await writeAll(io.stderr, `${file}: cannot read: ${(err as Error).message}\n`);
    return 2;
  }
  throw err;
}

export const computeCommand: Command = {
  name: 'compute',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseOrUsage(() =>
      parseArgs({
        args,
        allowPositionals: true,
        options: { period: { type: 'string' }, 'as-of': { type: 'string' }, json: { type: 'boolean' } },
      }),
    );
    if (positionals.length !== 1) throw new UsageError('expected exactly one FILE (or - for standard input)');
    const file = positionals[0] as string;
    const period = (values.period ?? 'week') as Period;
    if (!PERIODS.includes(period))
      throw new UsageError(`--period: expected week, month or quarter, got ${JSON.stringify(values.period)}`);
    const asOf = parseAsOf(values['as-of'], io);
    let records: MetricRecord[];
    try {
      const input = await readInput(file, io);
      records = computePrepared({ assistants: input.assistants, rows: input.rows }, { period, asOf });
    } catch (err) {
      return reportInputError(err, file, io);
    }
    if (values.json) await writeAll(io.stdout, `${JSON.stringify(records)}\n`);
    else await writeAll(io.stdout, formatMetricTable(records));
    return 0;
  },
};
