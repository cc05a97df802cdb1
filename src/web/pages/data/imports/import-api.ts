/** Imports (routes in src/server/routes/imports.ts): upload → preview, commit the same file, jobs. */
import type { z } from 'zod';
import type { ImportJob, ImportPreview } from '#shared/import-schemas';
import { api } from '../../../api/api-client.ts';
import { enc, paths } from '../../../api/paths.ts';

export type ImportPreviewAnswer = z.infer<typeof ImportPreview>;
export type ImportJobAnswer = z.infer<typeof ImportJob>;

export interface ImportRequest {
  format: string;
  file: File;
  assistant: string | null;
  timezone: string | null;
  options: string;
  /** `"<kind>:<id>"` → assistant id. */
  identities: Record<string, string>;
}

function form(r: ImportRequest, withFormat: boolean): FormData {
  const body = new FormData();
  if (withFormat) body.set('format', r.format);
  body.set('file', r.file);
  if (r.assistant) body.set('assistant', r.assistant);
  if (r.timezone) body.set('timezone', r.timezone);
  if (r.options.trim()) body.set('options', r.options.trim());
  if (Object.keys(r.identities).length > 0) body.set('identities', JSON.stringify(r.identities));
  return body;
}

export function uploadImport(ws: string, r: ImportRequest): Promise<ImportPreviewAnswer> {
  return api<ImportPreviewAnswer>(paths.ws(ws, paths.imports), { body: form(r, true) });
}

/** The server keeps no upload: the commit sends the same file again (checked by its SHA-256). */
export function commitImport(ws: string, job: string, r: ImportRequest): Promise<ImportJobAnswer> {
  return api<ImportJobAnswer>(paths.ws(ws, `imports/${enc(job)}/commit`), { body: form(r, false) });
}
