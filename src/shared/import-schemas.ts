/** API shapes of imports in the server (SPEC §10, §13), shared by the routes and the web app. */
import { z } from 'zod';

/** SPEC §13 `tandem import` formats (the same list as src/importers/import-types.ts). */
export const IMPORT_FORMAT_NAMES = [
  'trello',
  'asana',
  'toggl',
  'clockify',
  'slack',
  'mbox',
  'jira',
  'ics',
  'csv',
  'xlsx',
] as const;
export const ImportFormatParam = z.enum(IMPORT_FORMAT_NAMES);

const Identity = z.object({
  kind: z.string(),
  id: z.string(),
  name: z.string().optional(),
  assistant: z.string().optional(),
  count: z.number().int(),
});

export const ImportJob = z
  .object({
    id: z.string(),
    format: ImportFormatParam,
    fileName: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    status: z.enum(['pending', 'running', 'succeeded', 'failed']),
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
    counts: z.object({
      events: z.number().int(),
      inserted: z.number().int(),
      updated: z.number().int(),
      unchanged: z.number().int(),
    }),
    assistants: z.array(z.string()),
    report: z.record(z.string(), z.unknown()).nullable(),
    createdBy: z.string(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'ImportJob' });

export const ImportPreview = z
  .object({
    job: ImportJob,
    counts: z.record(z.string(), z.number().int()).describe('events per §3 type'),
    events: z.number().int(),
    skipped: z.array(
      z.object({
        line: z.number().int().optional(),
        entry: z.string().optional(),
        offset: z.number().int().optional(),
        externalId: z.string().optional(),
        reason: z.string(),
      }),
    ),
    skippedTotal: z.number().int(),
    identities: z.array(Identity),
    unmappedIdentities: z.array(
      Identity.extend({ candidates: z.array(z.string()), suggested: z.string().optional() }),
    ),
    defaultsUsed: z.array(z.string()),
    notes: z.array(z.string()),
    settings: z.object({
      assistant: z.string().optional(),
      timezone: z.string().optional(),
      options: z.record(z.string(), z.unknown()),
    }),
    firstEvents: z.array(z.record(z.string(), z.unknown())).describe('the first 20 events'),
  })
  .meta({ id: 'ImportPreview' });

export const ImportOptionsBody = z.strictObject({
  options: z.record(z.string(), z.unknown()).optional(),
  identities: z.record(z.string(), z.string().min(1).max(512)).optional(),
  timezone: z.string().min(1).max(64).nullable().optional(),
});

export const ImportOptions = z
  .object({
    format: ImportFormatParam,
    options: z.record(z.string(), z.unknown()),
    identities: z.record(z.string(), z.string()),
    timezone: z.string().nullable(),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'ImportOptions' });

/** The multipart fields of an upload or a commit. */
export const ImportForm = z
  .object({
    format: ImportFormatParam.optional().describe('required for an upload; a commit uses the job’s'),
    file: z.custom<File>((v) => v instanceof File, 'a file').meta({ type: 'string', format: 'binary' }),
    assistant: z.string().min(1).max(512).optional(),
    timezone: z.string().min(1).max(64).optional(),
    options: z.string().max(16_777_216).optional().describe('JSON object: the format’s options'),
    identities: z.string().max(16_777_216).optional().describe('JSON object: "<kind>:<id>" → assistant id'),
  })
  .meta({ id: 'ImportForm' });
