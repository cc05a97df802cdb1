/**
 * Imports in the server (SPEC §10, §13; issue 5 item 4): upload → preview → map identities →
 * commit, with durable job rows, and the options saved per workspace and source.
 *
 * Upload and commit take `multipart/form-data` (415 otherwise): `file`, and `format` (upload),
 * `assistant`, `timezone`, `options` (JSON), `identities` (JSON `"<kind>:<id>": "<assistant>"`).
 * The server keeps no upload: a commit sends the same file again, checked by its SHA-256. Bodies
 * are capped at 512 MiB before parsing and each format's own cap (docs/importers.md) is checked
 * before converting (413).
 */
import { z } from 'zod';
import type { ImportFormat } from '#importers/import-types';
import { commitImport } from '#services/imports/commit-import';
import { getImportJob, listImportJobs } from '#services/imports/import-jobs';
import {
  checkSettings,
  getImportOptions,
  type ImportOverrides,
  saveImportOptions,
} from '#services/imports/import-settings';
import { previewImport } from '#services/imports/preview-import';
import {
  ImportForm,
  ImportFormatParam,
  ImportJob,
  ImportOptions,
  ImportOptionsBody,
  ImportPreview,
} from '#shared/import-schemas';
import { AppError } from '#src/errors';
import { type AppContext, actorOf, memberOf } from '../app-env.ts';
import type { TandemApp } from '../openapi-app.ts';
import { actorScope, assertCan } from '../policies/assert-can.ts';
import {
  presentImportJob,
  presentImportOptions,
  presentImportPreview,
} from '../presenters/present-import.ts';
import { route } from '../route-kit.ts';
import { json, jsonBody, WsParams } from './params.ts';

const seg = z.string().min(1).max(512);
const JobParams = z.object({ ws: seg, job: seg });
const FormatParams = z.object({ ws: seg, format: ImportFormatParam });
const form = {
  required: false,
  description: 'multipart/form-data (required; any other type is a 415)',
  content: { 'multipart/form-data': { schema: ImportForm } },
};
const uploadErrors = {
  409: { description: 'The job is running or done already' },
  413: { description: 'Over 512 MiB, or over the format’s cap (docs/importers.md)' },
  415: { description: 'Not multipart/form-data' },
  422: { description: 'The file cannot be read (`error.importCode`, line, offset…) or an unknown assistant' },
};

const upload = route({
  method: 'post',
  path: '/api/v1/workspaces/{ws}/imports',
  tags: ['imports'],
  summary: 'Upload an export and preview it (stores a pending job, no events)',
  request: { params: WsParams, body: form },
  responses: { 201: json(ImportPreview, 'The preview and its pending job'), ...uploadErrors },
});
const commit = route({
  method: 'post',
  path: '/api/v1/workspaces/{ws}/imports/{job}/commit',
  tags: ['imports'],
  summary: 'Store the previewed file’s events all or nothing, with the identities mapped',
  request: { params: JobParams, body: form },
  responses: { 200: json(ImportJob, 'The succeeded job'), ...uploadErrors },
});
const list = route({
  method: 'get',
  path: '/api/v1/workspaces/{ws}/imports',
  tags: ['imports'],
  summary: 'Import jobs I may see, newest first (100)',
  request: { params: WsParams },
  responses: { 200: json(z.array(ImportJob)) },
});
const get = route({
  method: 'get',
  path: '/api/v1/workspaces/{ws}/imports/{job}',
  tags: ['imports'],
  summary: 'One import job: status, counts, report, error',
  request: { params: JobParams },
  responses: { 200: json(ImportJob) },
});
const getOptions = route({
  method: 'get',
  path: '/api/v1/workspaces/{ws}/import-options/{format}',
  tags: ['imports'],
  summary: 'The options saved for one source',
  request: { params: FormatParams },
  responses: { 200: json(ImportOptions) },
});
const putOptions = route({
  method: 'put',
  path: '/api/v1/workspaces/{ws}/import-options/{format}',
  tags: ['imports'],
  summary: 'Save options for one source (identities are merged in)',
  request: { params: FormatParams, body: jsonBody(ImportOptionsBody) },
  responses: { 200: json(ImportOptions) },
});

function jsonField(name: string, text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    throw new AppError('validation_failed', `body.${name}: not JSON`, { field: name });
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw new AppError('validation_failed', `body.${name}: must be a JSON object`, { field: name });
  return v as Record<string, unknown>;
}

interface ImportRequest {
  format?: ImportFormat;
  fileName: string;
  bytes: Uint8Array;
  overrides: ImportOverrides;
}

/** The multipart fields, checked: 415 for another type, 400 for a bad JSON field. */
async function readImportForm(
  c: AppContext,
  f: z.infer<typeof ImportForm> | Record<string, never>,
): Promise<ImportRequest> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'multipart/form-data' || !('file' in f))
    throw new AppError(
      'unsupported_media_type',
      'Send the export as multipart/form-data with a `file` field',
    );
  const identities = jsonField('identities', f.identities) as Record<string, string> | undefined;
  const overrides: ImportOverrides = {
    ...(f.assistant ? { assistant: f.assistant } : {}),
    ...(f.timezone ? { timezone: f.timezone } : {}),
    ...(f.options ? { options: jsonField('options', f.options) } : {}),
    ...(identities ? { identities } : {}),
  };
  return {
    ...(f.format ? { format: f.format } : {}),
    fileName: f.file.name || 'upload',
    bytes: new Uint8Array(await f.file.arrayBuffer()),
    overrides,
  };
}

export function registerImportRoutes(app: TandemApp): void {
  app.openapi(upload, async (c) => {
    const req = await readImportForm(c, c.req.valid('form'));
    if (!req.format) throw new AppError('validation_failed', 'body.format: required', { field: 'format' });
    const m = memberOf(c);
    // An assistant imports their own data: everything is attributed to them (SPEC §1).
    const assistant =
      req.overrides.assistant ?? (m.role === 'assistant' ? (m.assistantId ?? undefined) : undefined);
    const scope = assertCan(m, 'import.write', assistant);
    const overrides = { ...req.overrides, ...(assistant ? { assistant } : {}) };
    const p = await previewImport(c.get('deps'), actorOf(c), scope, {
      ...req,
      format: req.format,
      overrides,
    });
    return c.json(presentImportPreview(p), 201);
  });
  app.openapi(commit, async (c) => {
    const req = await readImportForm(c, c.req.valid('form'));
    const m = memberOf(c);
    const assistant =
      req.overrides.assistant ?? (m.role === 'assistant' ? (m.assistantId ?? undefined) : undefined);
    const scope = assertCan(m, 'import.write', assistant);
    const { options, timezone, ...rest } = req.overrides;
    // Only those who configure imports change the saved options; others' choices apply to this file only.
    const mayConfigure = actorScope(m, 'import.configure') === 'all';
    const job = await commitImport(c.get('deps'), actorOf(c), {
      jobId: c.req.valid('param').job,
      bytes: req.bytes,
      overrides: {
        ...rest,
        ...(assistant ? { assistant } : {}),
        ...(options ? { options } : {}),
        ...(timezone ? { timezone } : {}),
      },
      save: mayConfigure,
      scope,
      identityScope: actorScope(m, 'identity.manage'),
    });
    return c.json(presentImportJob(job), 200);
  });
  app.openapi(list, async (c) => {
    const scope = actorScope(memberOf(c), 'import.read');
    return c.json((await listImportJobs(c.get('deps'), actorOf(c), scope)).map(presentImportJob), 200);
  });
  app.openapi(get, async (c) => {
    const scope = actorScope(memberOf(c), 'import.read');
    const job = await getImportJob(c.get('deps').db, actorOf(c), scope, c.req.valid('param').job);
    return c.json(presentImportJob(job), 200);
  });
  app.openapi(getOptions, async (c) => {
    const { ws, format } = c.req.valid('param');
    return c.json(presentImportOptions(await getImportOptions(c.get('deps').db, ws, format)), 200);
  });
  app.openapi(putOptions, async (c) => {
    const { format } = c.req.valid('param');
    const body = c.req.valid('json');
    checkSettings(format, body);
    const saved = await saveImportOptions(c.get('deps').db, actorOf(c), format, body);
    return c.json(presentImportOptions(saved), 200);
  });
}
