/**
 * Import options saved per workspace and source (SPEC §10: "the choices the file cannot tell come
 * from the import options, saved per workspace and source"), and the settings one conversion
 * uses: the request's overrides over the saved options, the workspace's mapped identities, and
 * the assistant's zone for zone-less times when no zone is given.
 */
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { isValidTimeZone } from '#core/time/zone-offset';
import type { Db, Tx } from '#db/client';
import { assistants, identities } from '#db/schema/assistants';
import { importOptions } from '#db/schema/imports';
import { type ConvertInit, OPTION_SCHEMAS } from '#importers/convert-export';
import { compileIdentityMap } from '#importers/identity-map';
import type { ImportFormat } from '#importers/import-types';
import { AppError } from '#src/errors';
import { writeAudit } from '../audit.ts';
import type { Actor, ServiceDeps } from '../service-context.ts';
import { importFailure } from './import-errors.ts';

export interface SavedImportOptions {
  format: ImportFormat;
  options: Record<string, unknown>;
  identities: Record<string, string>;
  timezone: string | null;
  updatedAt: Date | null;
}

/** What a request may give beyond the file; absent fields fall back to the saved options. */
export interface ImportOverrides {
  assistant?: string;
  timezone?: string;
  options?: Record<string, unknown>;
  identities?: Record<string, string>;
}

export async function getImportOptions(
  db: Db | Tx,
  ws: string,
  format: ImportFormat,
): Promise<SavedImportOptions> {
  const [row] = await db
    .select()
    .from(importOptions)
    .where(and(eq(importOptions.workspaceId, ws), eq(importOptions.format, format)));
  return {
    format,
    options: (row?.options as Record<string, unknown> | undefined) ?? {},
    identities: (row?.identities as Record<string, string> | undefined) ?? {},
    timezone: row?.timezone ?? null,
    updatedAt: row?.updatedAt ?? null,
  };
}

/** Checks options and identities as the converter would (400 naming the field when invalid). */
export function checkSettings(
  format: ImportFormat,
  s: { options?: Record<string, unknown>; identities?: Record<string, string>; timezone?: string | null },
): void {
  if (s.timezone !== undefined && s.timezone !== null && !isValidTimeZone(s.timezone))
    throw new AppError('validation_failed', `unknown time zone ${JSON.stringify(s.timezone)}`, {
      field: 'timezone',
    });
  try {
    compileIdentityMap(s.identities ?? {});
    const schema = (OPTION_SCHEMAS as Partial<Record<ImportFormat, z.ZodType>>)[format];
    const r = schema?.safeParse(s.options ?? {});
    if (r && !r.success) {
      const issue = r.error.issues[0];
      throw new AppError('validation_failed', `${format} options: ${issue?.message ?? 'invalid'}`, {
        field: issue?.path.map(String).join('.'),
      });
    }
  } catch (err) {
    throw importFailure(err) ?? err;
  }
}

/** Saves (merges into) the options of one source; one audit entry. */
export async function saveImportOptions(
  db: Db | Tx,
  actor: Actor,
  format: ImportFormat,
  next: { options?: Record<string, unknown>; identities?: Record<string, string>; timezone?: string | null },
  audit = true,
): Promise<SavedImportOptions> {
  const before = await getImportOptions(db, actor.workspaceId, format);
  const after = {
    options: next.options ?? before.options,
    identities: next.identities ? { ...before.identities, ...next.identities } : before.identities,
    timezone: next.timezone === undefined ? before.timezone : next.timezone,
  };
  await db
    .insert(importOptions)
    .values({ workspaceId: actor.workspaceId, format, ...after, updatedBy: actor.userId })
    .onConflictDoUpdate({
      target: [importOptions.workspaceId, importOptions.format],
      set: { ...after, updatedBy: actor.userId, updatedAt: new Date() },
    });
  if (audit)
    await writeAudit(db, {
      workspaceId: actor.workspaceId,
      actor: actor.userId,
      action: 'import-options.update',
      target: `import-options:${format}`,
      before: { options: before.options, identities: before.identities, timezone: before.timezone },
      after,
    });
  return getImportOptions(db, actor.workspaceId, format);
}

/** The identities already mapped in the workspace, as an identities map. */
async function mappedIdentities(db: Db | Tx, ws: string): Promise<Record<string, string>> {
  const rows = await db.select().from(identities).where(eq(identities.workspaceId, ws));
  return Object.fromEntries(rows.map((r) => [`${r.provider}:${r.externalId}`, r.assistantId]));
}

/** The converter's settings: overrides, then saved options, then the workspace's identities. */
export async function resolveSettings(
  deps: ServiceDeps,
  ws: string,
  format: ImportFormat,
  o: ImportOverrides,
): Promise<ConvertInit & { identities: Record<string, string>; options: Record<string, unknown> }> {
  const saved = await getImportOptions(deps.db, ws, format);
  let timezone = o.timezone ?? saved.timezone ?? undefined;
  if (o.assistant !== undefined) {
    const [a] = await deps.db
      .select({ timezone: assistants.timezone })
      .from(assistants)
      .where(and(eq(assistants.workspaceId, ws), eq(assistants.id, o.assistant)));
    if (!a)
      throw new AppError('unknown_assistant', `unknown assistant ${JSON.stringify(o.assistant)}`, {
        field: 'assistant',
      });
    // SPEC §10: zone-less times are read in --timezone, or the assistant's zone.
    timezone ??= a.timezone;
  }
  return {
    ...(timezone !== undefined ? { timezone } : {}),
    ...(o.assistant !== undefined ? { assistant: o.assistant } : {}),
    options: o.options ?? saved.options,
    identities: { ...(await mappedIdentities(deps.db, ws)), ...saved.identities, ...o.identities },
  };
}
