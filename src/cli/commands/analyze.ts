/**
 * `tandem analyze FILE|- --kpis KPIS.json [--as-of INSTANT] [--json]` (SPEC §6): per KPI, sorted by
 * id, its series, phases with XmR limits, signals, trend and forecast, from the same functions the
 * server's KPI screens use. Bad input exits 2 with the file, place and reason on stderr.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { isKpiMetric, type KpiDefinition } from '#core/kpis/kpi-definition';
import { analyzeKpis, type KpiAnalysis } from '#core/stats/analyze-kpi';
import { AppError } from '#src/errors';
import { type Command, parseOrUsage, UsageError, writeAll } from '../command.ts';
import { formatAnalysisTable } from '../format-analysis-table.ts';
import { parseAsOf, readInput, reportInputError } from './compute.ts';

const HELP = `Usage: tandem analyze FILE|- --kpis KPIS.json [--as-of INSTANT] [--json]

Reads normalized events and assistant lines (NDJSON, SPEC §12) from FILE or standard input and a
JSON array of KPIs, and prints for each KPI (sorted by id) its series, phases with process limits,
signals, trend and forecast (SPEC §6).

A KPI: {"id","assistant","metric","filter"?:{"category"?,"label"?,"channel"?,"client"?},
        "direction":"higher"|"lower","period"?:"week"|"month"|"quarter","target"?,
        "processChanges"?:["2026-W40",…],"scale"?}
  metric: a SPEC §4 metric, an activity metric (tasks_completed, hours_logged, messages_sent,
  issues_resolved) or manual (the KPI's manualValue events; scale rate|score|minutes|count
  bounds its limits).

Options:
  --kpis FILE    the JSON array of KPIs (required)
  --as-of I      the instant to analyse as of (ISO-8601 with offset or Z; default: now)
  --json         print the JSON array (default: a readable table)
  -h, --help     show this help

Exit status: 0 ok; 2 bad input (file, place and reason on stderr) or usage.
`;

const Filter = z
  .object({
    category: z.string().optional(),
    label: z.string().optional(),
    channel: z.string().optional(),
    client: z.string().optional(),
  })
  .strict();

/** One KPI of the analyze input (SPEC §6). */
export const AnalyzeKpi = z.object({
  id: z.string().min(1).describe('KPI id; the output is sorted by it'),
  assistant: z.string().min(1).describe('owner assistant'),
  metric: z.string().refine(isKpiMetric, 'expected a SPEC §4 metric, an activity metric or manual'),
  filter: Filter.optional(),
  direction: z.enum(['higher', 'lower']),
  period: z.enum(['week', 'month', 'quarter']).optional(),
  target: z.number().nullable().optional(),
  processChanges: z.array(z.string()).optional(),
  scale: z.enum(['rate', 'score', 'minutes', 'count', 'unbounded']).optional(),
});
export type AnalyzeKpi = z.infer<typeof AnalyzeKpi>;

export const AnalyzeKpiFile = z.array(AnalyzeKpi);

class KpiFileError extends Error {}

/** Reads and validates the KPI file; throws KpiFileError with `place: reason`. */
async function readKpis(path: string, cwdRead: (p: string) => Promise<string>): Promise<KpiDefinition[]> {
  let text: string;
  try {
    text = await cwdRead(path);
  } catch (err) {
    throw new KpiFileError(`cannot read: ${(err as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    throw new KpiFileError(`invalid JSON: ${(err as Error).message}`);
  }
  const parsed = AnalyzeKpiFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const place = (issue?.path ?? [])
      .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
      .join('');
    throw new KpiFileError(`${place.replace(/^\./, '') || '(root)'}: ${issue?.message ?? 'invalid'}`);
  }
  const seen = new Set<string>();
  for (const [i, k] of parsed.data.entries()) {
    if (seen.has(k.id)) throw new KpiFileError(`[${i}].id: duplicate KPI id ${JSON.stringify(k.id)}`);
    seen.add(k.id);
  }
  return parsed.data as KpiDefinition[];
}

export const analyzeCommand: Command = {
  name: 'analyze',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseOrUsage(() =>
      parseArgs({
        args,
        allowPositionals: true,
        options: { kpis: { type: 'string' }, 'as-of': { type: 'string' }, json: { type: 'boolean' } },
      }),
    );
    if (positionals.length !== 1) throw new UsageError('expected exactly one FILE (or - for standard input)');
    if (values.kpis === undefined) throw new UsageError('--kpis KPIS.json is required');
    const file = positionals[0] as string;
    const kpiFile = values.kpis;
    const asOf = parseAsOf(values['as-of'], io);
    let kpis: KpiDefinition[];
    try {
      kpis = await readKpis(kpiFile, (p) => readFile(resolve(io.cwd, p), 'utf8'));
    } catch (err) {
      if (!(err instanceof KpiFileError)) throw err;
      await writeAll(io.stderr, `${kpiFile}: ${err.message}\n`);
      return 2;
    }
    let out: KpiAnalysis[];
    try {
      const input = await readInput(file, io);
      out = analyzeKpis({ assistants: input.assistants, rows: input.rows }, kpis, asOf);
    } catch (err) {
      if (err instanceof AppError) {
        const id = typeof err.details?.kpi === 'string' ? ` kpi ${err.details.kpi}:` : '';
        await writeAll(io.stderr, `${kpiFile}:${id} ${err.message}\n`);
        return 2;
      }
      return reportInputError(err, file, io);
    }
    if (values.json) await writeAll(io.stdout, `${JSON.stringify(out)}\n`);
    else await writeAll(io.stdout, formatAnalysisTable(out, kpis));
    return 0;
  },
};
