/** Import jobs, previews and saved options as the API shows them (src/shared/import-schemas.ts). */
import type { z } from 'zod';
import type { ImportFormat } from '#importers/import-types';
import type { ImportJobRow } from '#services/imports/import-jobs';
import type { SavedImportOptions } from '#services/imports/import-settings';
import type { ImportPreview as Preview } from '#services/imports/preview-import';
import type { ImportJob, ImportOptions, ImportPreview } from '#shared/import-schemas';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function presentImportJob(j: ImportJobRow): z.infer<typeof ImportJob> {
  return {
    id: j.id,
    format: j.format as ImportFormat,
    fileName: j.fileName,
    size: j.size,
    sha256: j.sha256,
    status: j.status,
    error: j.errorCode ? { code: j.errorCode, message: j.errorMessage ?? '' } : null,
    counts: { events: j.events, inserted: j.inserted, updated: j.updated, unchanged: j.unchanged },
    assistants: j.assistants,
    report: (j.report as Record<string, unknown> | null) ?? null,
    createdBy: j.createdBy,
    createdAt: j.createdAt.toISOString(),
    startedAt: iso(j.startedAt),
    finishedAt: iso(j.finishedAt),
  };
}

export function presentImportPreview(p: Preview): z.infer<typeof ImportPreview> {
  const r = p.report;
  return {
    job: presentImportJob(p.job),
    counts: Object.fromEntries(Object.entries(r.counts).map(([k, v]) => [k, v ?? 0])),
    events: r.events,
    skipped: r.skipped,
    skippedTotal: r.skippedTotal,
    identities: r.identities,
    unmappedIdentities: p.unmapped,
    defaultsUsed: r.defaultsUsed,
    notes: r.notes,
    settings: p.settings,
    firstEvents: p.events.map((e) => ({ ...e })),
  };
}

export function presentImportOptions(o: SavedImportOptions): z.infer<typeof ImportOptions> {
  return { ...o, updatedAt: iso(o.updatedAt) };
}
