/**
 * `tandem import FORMAT FILE [--assistant ID] [--identities MAP.json] [--timezone ZONE]
 * [--options OPTIONS.json]` (SPEC §13): converts an export to §3 NDJSON on stdout and prints a
 * summary (counts, skipped rows and why, unmapped identities, defaults used) on stderr. Bad input
 * exits 2 with the file, line, field and reason, and nothing on stdout.
 */
import { createReadStream } from 'node:fs';
import { lstat, readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseJsonBytes } from '#importers/common/read-json';
import { SIZE_CAPS } from '#importers/common/size-caps';
import { convertExport } from '#importers/convert-export';
import { ImportError } from '#importers/import-error';
import {
  type ExportFiles,
  IMPORT_FORMATS,
  type ImportFormat,
  type ImportInput,
  type ImportReport,
} from '#importers/import-types';
import { type CliIo, type Command, parseOrUsage, UsageError, writeAll } from '../command.ts';

const HELP = `Usage: tandem import FORMAT FILE [--assistant ID] [--identities MAP.json]
                     [--timezone ZONE] [--options OPTIONS.json]

Converts a tool's export to normalized events (SPEC §3): NDJSON on standard output, a summary on
standard error (counts, skipped rows and why, unmapped identities, defaults used).

FORMAT   trello | asana | toggl | clockify | slack | mbox | jira | ics | csv | xlsx
FILE     the export file; for slack also an unzipped export folder

Options:
  --assistant ID         attribute every event to this assistant
  --identities MAP.json  map external identities to assistants:
                         {"email:ann@example.com":"ann","slack:U0BMQB6JE":"ann","trello:5e20…":"ann"}
                         kinds: email, slack, trello, asana, toggl, clockify, jira
  --timezone ZONE        IANA zone for times the file gives without one (default UTC)
  --options OPTIONS.json the format's choices: done lists, date order, priority projects/tags,
                         category labels, leave rules, column mappings (docs/importers.md)
  -h, --help             show this help

Exit status: 0 ok; 2 bad input (file, line, field and reason on stderr) or usage.
`;

const SHOWN_SKIPS = 20;

async function readJsonFile(path: string, what: string): Promise<unknown> {
  const info = await lstat(path);
  if (info.size > 16 * 1024 * 1024) throw new ImportError('too_large', `${what} is larger than 16 MiB`);
  return parseJsonBytes(await readFile(path), what);
}

/** Reads an unzipped export folder into named files, with the same caps as an archive. */
async function readFolder(root: string): Promise<ExportFiles> {
  const files: { name: string; bytes: Uint8Array }[] = [];
  let total = 0;
  async function walk(dir: string, prefix: string): Promise<void> {
    for (const d of await readdir(dir, { withFileTypes: true })) {
      const name = prefix ? `${prefix}/${d.name}` : d.name;
      if (d.isSymbolicLink())
        throw new ImportError('invalid_archive', 'symbolic links are not read', { entry: name });
      if (d.isDirectory()) await walk(join(dir, d.name), name);
      else if (d.isFile()) {
        if (files.length >= SIZE_CAPS.zipEntries)
          throw new ImportError('archive_limit', `more than ${SIZE_CAPS.zipEntries} files`);
        const bytes = await readFile(join(dir, d.name));
        total += bytes.length;
        if (bytes.length > SIZE_CAPS.zipEntryBytes || total > SIZE_CAPS.zipInflatedBytes)
          throw new ImportError('archive_limit', 'the folder is larger than the archive limits', {
            entry: name,
          });
        files.push({ name, bytes });
      }
    }
  }
  await walk(root, '');
  return { kind: 'files', files };
}

async function openInput(format: ImportFormat, path: string): Promise<ImportInput> {
  const info = await lstat(path);
  if (info.isDirectory()) {
    if (format !== 'slack')
      throw new UsageError(`${path} is a folder; only slack reads an unzipped export folder`);
    return readFolder(path);
  }
  // A stream: mbox is converted as it is read; other formats stop reading at their size cap.
  return createReadStream(path, { highWaterMark: 1 << 20 });
}

function plural(n: number, one: string): string {
  return `${n} ${one}${n === 1 ? '' : 's'}`;
}

/** The human summary printed on stderr. */
export function formatSummary(file: string, r: ImportReport): string {
  const out: string[] = [];
  const counts = Object.entries(r.counts)
    .map(([t, n]) => `${t} ${n}`)
    .join(', ');
  out.push(`${file}: ${plural(r.events, 'event')}${counts ? ` (${counts})` : ''}`);
  out.push(`skipped: ${r.skippedTotal}`);
  if (r.skippedTotal > 0) {
    const byReason = new Map<string, number>();
    for (const s of r.skipped) byReason.set(s.reason, (byReason.get(s.reason) ?? 0) + 1);
    if (byReason.size > 1 || r.skippedTotal > SHOWN_SKIPS) {
      out.push('  by reason:');
      for (const [reason, n] of [...byReason].sort((a, b) => b[1] - a[1]).slice(0, 10))
        out.push(`    ${n} × ${reason}`);
    }
    for (const s of r.skipped.slice(0, SHOWN_SKIPS)) {
      const where = [
        s.line !== undefined ? `line ${s.line}` : undefined,
        s.entry,
        s.offset !== undefined ? `offset ${s.offset}` : undefined,
        s.externalId !== undefined ? `id ${s.externalId}` : undefined,
      ]
        .filter(Boolean)
        .join(', ');
      out.push(`  ${where}: ${s.reason}`);
    }
    if (r.skippedTotal > SHOWN_SKIPS) out.push(`  … and ${r.skippedTotal - SHOWN_SKIPS} more`);
  }
  out.push(`identities seen: ${r.identities.length}, unmapped: ${r.unmappedIdentities.length}`);
  if (r.unmappedIdentities.length > 0) {
    out.push('unmapped identities (map them with --identities MAP.json):');
    for (const i of r.unmappedIdentities.slice(0, 50))
      out.push(`  ${i.kind}:${i.id}${i.name ? ` (${i.name})` : ''} — ${plural(i.count, 'record')}`);
    if (r.unmappedIdentities.length > 50) out.push(`  … and ${r.unmappedIdentities.length - 50} more`);
  }
  if (r.defaultsUsed.length > 0) {
    out.push('defaults used (set them with --options):');
    for (const d of r.defaultsUsed) out.push(`  - ${d}`);
  }
  if (r.notes.length > 0) {
    out.push('notes:');
    for (const n of r.notes.slice(0, 30)) out.push(`  - ${n}`);
    if (r.notes.length > 30) out.push(`  … and ${r.notes.length - 30} more`);
  }
  return `${out.join('\n')}\n`;
}

function describeError(file: string, err: unknown): string | undefined {
  if (err instanceof ImportError) return `${file}: ${err.describe()}`;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES')
    return `${file}: cannot read: ${(err as Error).message}`;
  return undefined;
}

export const importCommand: Command = {
  name: 'import',
  help: HELP,
  async run(args, io: CliIo) {
    const { values, positionals } = parseOrUsage(() =>
      parseArgs({
        args,
        allowPositionals: true,
        options: {
          assistant: { type: 'string' },
          identities: { type: 'string' },
          timezone: { type: 'string' },
          options: { type: 'string' },
        },
      }),
    );
    if (positionals.length !== 2) throw new UsageError('expected FORMAT and FILE');
    const [formatArg, fileArg] = positionals as [string, string];
    if (!(IMPORT_FORMATS as readonly string[]).includes(formatArg))
      throw new UsageError(
        `FORMAT: expected one of ${IMPORT_FORMATS.join(', ')}, got ${JSON.stringify(formatArg)}`,
      );
    const format = formatArg as ImportFormat;
    const path = resolve(io.cwd, fileArg);

    let side = fileArg;
    try {
      side = values.identities ?? fileArg;
      const identities = values.identities
        ? await readJsonFile(resolve(io.cwd, values.identities), 'identities map')
        : undefined;
      side = values.options ?? fileArg;
      const options = values.options
        ? await readJsonFile(resolve(io.cwd, values.options), 'options')
        : undefined;
      side = fileArg;
      const input = await openInput(format, path);
      const { events, report } = await convertExport(format, input, {
        timezone: values.timezone,
        assistant: values.assistant,
        identities,
        options,
      });
      // Batched writes keep a large import from building one huge string.
      let batch: string[] = [];
      for (const e of events) {
        batch.push(JSON.stringify(e));
        if (batch.length >= 5000) {
          await writeAll(io.stdout, `${batch.join('\n')}\n`);
          batch = [];
        }
      }
      if (batch.length > 0) await writeAll(io.stdout, `${batch.join('\n')}\n`);
      await writeAll(io.stderr, formatSummary(fileArg, report));
      return 0;
    } catch (err) {
      const text = describeError(side, err);
      if (text === undefined) throw err;
      await writeAll(io.stderr, `tandem import: ${text}\n`);
      return 2;
    }
  },
};
