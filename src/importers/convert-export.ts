/**
 * The one entry point to every importer (SPEC §10, §13): `convertExport(format, input, init)` reads
 * an export, returns §3 events and a report, and touches nothing else — the CLI prints them, the
 * server previews and commits them. Options are validated per format with the schemas exported
 * here, so a service can validate saved options the same way.
 */
import type { z } from 'zod';
import { isValidTimeZone } from '#core/time/zone-offset';
import { AsanaOptions } from './asana/asana-options.ts';
import { convertAsana } from './asana/convert-asana.ts';
import { chunksOf, isExportFiles, readAllBytes } from './common/read-input.ts';
import { readZip } from './common/read-zip.ts';
import { SIZE_CAPS } from './common/size-caps.ts';
import { convertIcs } from './ics/convert-ics.ts';
import { IcsOptions } from './ics/ics-options.ts';
import { compileIdentityMap } from './identity-map.ts';
import { ImportContext } from './import-context.ts';
import { ImportError } from './import-error.ts';
import type { ConvertResult, ImportFormat, ImportInput } from './import-types.ts';
import { convertJiraCsv } from './jira/convert-jira-csv.ts';
import { convertJiraXml } from './jira/convert-jira-xml.ts';
import { JiraOptions } from './jira/jira-options.ts';
import { convertMappedCsv, convertMappedXlsx } from './mapped/convert-mapped.ts';
import { MappedOptions } from './mapped/mapped-options.ts';
import { convertMbox, MboxOptions } from './mbox/convert-mbox.ts';
import { convertSlack } from './slack/convert-slack.ts';
import { convertTimeEntries } from './timetracking/convert-time-entries.ts';
import { TimeEntryOptions } from './timetracking/time-entry-options.ts';
import { convertTrello } from './trello/convert-trello.ts';
import { TrelloOptions } from './trello/trello-options.ts';

export interface ConvertInit {
  /** IANA zone for zone-less times (SPEC §10); UTC, reported as a default, when absent. */
  timezone?: string;
  /** Attribute every event to this assistant. */
  assistant?: string;
  /** `{ "<kind>:<external id>": "<assistant id>" }` (see identity-map.ts). */
  identities?: unknown;
  /** The format's options (see `OPTION_SCHEMAS`). */
  options?: unknown;
}

/** The options schema of each format. */
export const OPTION_SCHEMAS = {
  trello: TrelloOptions,
  asana: AsanaOptions,
  toggl: TimeEntryOptions,
  clockify: TimeEntryOptions,
  jira: JiraOptions,
  mbox: MboxOptions,
  ics: IcsOptions,
  csv: MappedOptions,
  xlsx: MappedOptions,
} satisfies Partial<Record<ImportFormat, z.ZodType>>;

type Converter = (input: ImportInput, ctx: ImportContext, options: unknown) => Promise<void>;

const CONVERTERS: Partial<Record<ImportFormat, { source: string; run: Converter }>> = {
  trello: {
    source: 'trello',
    run: async (input, ctx, options) => {
      const bytes = await readAllBytes(input, SIZE_CAPS.jsonBytes, 'Trello board JSON');
      convertTrello(bytes, ctx, options as TrelloOptions);
    },
  },
  asana: {
    source: 'asana',
    run: async (input, ctx, options) =>
      convertAsana(await readAllBytes(input, SIZE_CAPS.csvBytes, 'Asana CSV'), ctx, options as AsanaOptions),
  },
  toggl: {
    source: 'toggl',
    run: async (input, ctx, options) =>
      convertTimeEntries(
        await readAllBytes(input, SIZE_CAPS.csvBytes, 'Toggl CSV'),
        ctx,
        options as TimeEntryOptions,
        {
          kind: 'toggl',
          what: 'Toggl CSV',
        },
      ),
  },
  clockify: {
    source: 'clockify',
    run: async (input, ctx, options) =>
      convertTimeEntries(
        await readAllBytes(input, SIZE_CAPS.csvBytes, 'Clockify CSV'),
        ctx,
        options as TimeEntryOptions,
        { kind: 'clockify', what: 'Clockify CSV' },
      ),
  },
  slack: {
    source: 'slack',
    run: async (input, ctx) => {
      const files = isExportFiles(input)
        ? input
        : {
            kind: 'files' as const,
            files: await readZip(await readAllBytes(input, SIZE_CAPS.zipBytes, 'Slack export zip'), (n) =>
              n.endsWith('.json'),
            ),
          };
      convertSlack(files, ctx);
    },
  },
  csv: {
    source: 'csv',
    run: async (input, ctx, options) =>
      convertMappedCsv(await readAllBytes(input, SIZE_CAPS.csvBytes, 'CSV'), ctx, options as MappedOptions),
  },
  xlsx: {
    source: 'xlsx',
    run: async (input, ctx, options) =>
      convertMappedXlsx(
        await readAllBytes(input, SIZE_CAPS.xlsxBytes, 'XLSX workbook'),
        ctx,
        options as MappedOptions,
      ),
  },
  ics: {
    source: 'ics',
    run: async (input, ctx, options) =>
      convertIcs(await readAllBytes(input, SIZE_CAPS.icsBytes, 'ICS calendar'), ctx, options as IcsOptions),
  },
  mbox: {
    source: 'mbox',
    run: (input, ctx, options) => convertMbox(chunksOf(input, 'mbox'), ctx, options as MboxOptions),
  },
  jira: {
    source: 'jira',
    run: async (input, ctx, options) => {
      const bytes = await readAllBytes(input, SIZE_CAPS.csvBytes, 'Jira export');
      // XML or CSV, told apart by the first non-blank character.
      let i = bytes[0] === 0xef ? 3 : 0;
      while (
        i < bytes.length &&
        (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)
      )
        i++;
      if (bytes[i] === 0x3c) {
        if (bytes.length > SIZE_CAPS.xmlBytes)
          throw new ImportError(
            'too_large',
            `Jira XML is larger than the ${SIZE_CAPS.xmlBytes / 1048576} MiB limit`,
          );
        convertJiraXml(bytes, ctx, options as JiraOptions);
      } else await convertJiraCsv(bytes, ctx, options as JiraOptions);
    },
  },
};

/** The formats this build converts. */
export function supportedFormats(): ImportFormat[] {
  return Object.keys(CONVERTERS) as ImportFormat[];
}

function parseOptions(format: ImportFormat, options: unknown): unknown {
  const schema = (OPTION_SCHEMAS as Partial<Record<ImportFormat, z.ZodType>>)[format];
  if (!schema) return options ?? {};
  const r = schema.safeParse(options ?? {});
  if (!r.success) {
    const issue = r.error.issues[0];
    const field = issue?.path.map(String).join('.') || undefined;
    throw new ImportError('invalid_options', `${format} options: ${issue?.message ?? 'invalid'}`, { field });
  }
  return r.data;
}

/**
 * Converts one export to §3 events and a report. Throws `ImportError` for input it cannot read
 * (with the line, offset or field); records it can read but not use are skipped in the report.
 */
export async function convertExport(
  format: ImportFormat,
  input: ImportInput,
  init: ConvertInit = {},
): Promise<ConvertResult> {
  const conv = CONVERTERS[format];
  if (!conv) throw new ImportError('unsupported_input', `unknown import format "${format}"`);
  if (init.timezone !== undefined && !isValidTimeZone(init.timezone))
    throw new ImportError('invalid_options', `unknown time zone "${init.timezone}"`, { field: 'timezone' });
  if (init.assistant !== undefined && (init.assistant.length === 0 || init.assistant.length > 512))
    throw new ImportError('invalid_options', 'assistant id must be 1–512 characters', { field: 'assistant' });
  const options = parseOptions(format, init.options);
  const ctx = new ImportContext({
    format,
    source: conv.source,
    timezone: init.timezone,
    assistant: init.assistant,
    identities: compileIdentityMap(init.identities),
  });
  if (!ctx.canAttribute)
    ctx.note(
      'no --assistant and no identities map: every record is listed as unattributed; map the identities below',
    );
  await conv.run(input, ctx, options);
  return ctx.finish();
}
