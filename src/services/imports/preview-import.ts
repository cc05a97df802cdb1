/**
 * Upload → preview (SPEC §10, §13; issue 5 item 4): converts the file with the saved options and
 * the request's overrides and shows what a commit would store — counts per type, skipped rows with
 * their line and reason, unmapped identities with the assistants they could map to, the defaults
 * used and the first events. Nothing is stored but a pending job with the file's name, size and
 * SHA-256 (the commit sends the same file again; the server keeps no upload).
 */
import { createHash, randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { TandemEvent } from '#core/events/event-types';
import { assistants } from '#db/schema/assistants';
import { importJobs } from '#db/schema/imports';
import { type ConvertInit, convertExport } from '#importers/convert-export';
import type { ConvertResult, ImportFormat, ImportReport, SeenIdentity } from '#importers/import-types';
import { writeAudit } from '../audit.ts';
import { type Actor, type AssistantScope, inScope, type ServiceDeps } from '../service-context.ts';
import { checkUploadSize, importFailure } from './import-errors.ts';
import type { ImportJobRow } from './import-jobs.ts';
import { checkSettings, type ImportOverrides, resolveSettings } from './import-settings.ts';

/** Events shown in a preview. */
export const PREVIEW_EVENTS = 20;

export interface ImportUpload {
  format: ImportFormat;
  fileName: string;
  bytes: Uint8Array;
  overrides: ImportOverrides;
}

export interface UnmappedIdentity extends SeenIdentity {
  /** Assistants the caller may map it to; `suggested` first when a name or address matches. */
  candidates: string[];
  suggested?: string;
}

export interface ImportPreview {
  job: ImportJobRow;
  report: ImportReport;
  unmapped: UnmappedIdentity[];
  settings: { assistant?: string; timezone?: string; options: Record<string, unknown> };
  events: TandemEvent[];
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Runs the converter; an unreadable file becomes a 4xx AppError with the importer's code. */
export async function convertUpload(
  format: ImportFormat,
  bytes: Uint8Array,
  settings: ConvertInit,
): Promise<ConvertResult> {
  try {
    return await convertExport(format, bytes, settings);
  } catch (err) {
    throw importFailure(err) ?? err;
  }
}

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

function suggest(identity: SeenIdentity, people: { id: string; name: string | null }[]): string | undefined {
  const keys = [identity.name, identity.id.split('@')[0]].filter((k): k is string => !!k).map(norm);
  return people.find((p) => keys.some((k) => k.length > 1 && (k === norm(p.id) || k === norm(p.name ?? ''))))
    ?.id;
}

async function withCandidates(
  deps: ServiceDeps,
  ws: string,
  scope: AssistantScope,
  seen: SeenIdentity[],
): Promise<UnmappedIdentity[]> {
  if (seen.length === 0) return [];
  const people = (
    await deps.db
      .select({ id: assistants.id, name: assistants.name })
      .from(assistants)
      .where(eq(assistants.workspaceId, ws))
      .orderBy(asc(assistants.id))
  ).filter((a) => inScope(scope, a.id));
  return seen.map((s) => {
    const suggested = suggest(s, people);
    const ids = people.map((p) => p.id);
    return {
      ...s,
      candidates: suggested ? [suggested, ...ids.filter((i) => i !== suggested)] : ids,
      ...(suggested ? { suggested } : {}),
    };
  });
}

export async function previewImport(
  deps: ServiceDeps,
  actor: Actor,
  scope: AssistantScope,
  upload: ImportUpload,
): Promise<ImportPreview> {
  checkUploadSize(upload.format, upload.bytes.length);
  checkSettings(upload.format, upload.overrides);
  const settings = await resolveSettings(deps, actor.workspaceId, upload.format, upload.overrides);
  const result = await convertUpload(upload.format, upload.bytes, settings);
  const owners = [...new Set(result.events.map((e) => e.assistant))].sort();
  const job = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(importJobs)
      .values({
        workspaceId: actor.workspaceId,
        id: randomUUID(),
        format: upload.format,
        fileName: upload.fileName,
        size: upload.bytes.length,
        sha256: sha256Hex(upload.bytes),
        report: result.report,
        assistants: owners,
        events: result.events.length,
        createdBy: actor.userId,
        createdAt: new Date(deps.now()),
      })
      .returning();
    if (!row) throw new Error('import job not stored');
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actor: actor.userId,
      action: 'import.upload',
      target: `import:${row.id}`,
      after: { format: row.format, fileName: row.fileName, size: row.size, sha256: row.sha256 },
    });
    return row;
  });
  return {
    job,
    report: result.report,
    unmapped: await withCandidates(deps, actor.workspaceId, scope, result.report.unmappedIdentities),
    settings: {
      ...(settings.assistant !== undefined ? { assistant: settings.assistant } : {}),
      ...(settings.timezone !== undefined ? { timezone: settings.timezone } : {}),
      options: settings.options,
    },
    events: result.events.slice(0, PREVIEW_EVENTS),
  };
}

/** The job's report as stored (the preview's, replaced by the commit's). */
export function jobReport(job: ImportJobRow): ImportReport | null {
  return (job.report as ImportReport | null) ?? null;
}
