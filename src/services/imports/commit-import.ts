/**
 * Commit (SPEC §10, §13; issue 5 item 4). The job row moves to `running` on its own first; then the
 * conversion's events go in through the bulk ingest in ONE transaction together with the mapped
 * identities, the saved options and the job's `succeeded` row — all or nothing. Storing the same
 * file again changes nothing (`unchanged`); a record edited in the source is updated in place (§3
 * keys). On failure the job is `failed` with its reason and nothing else is stored.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { TandemEvent } from '#core/events/event-types';
import type { Tx } from '#db/client';
import { assistants, type IdentityProvider, identities } from '#db/schema/assistants';
import { ingestEvents } from '#services/events/ingest-events';
import { AppError } from '#src/errors';
import { type Actor, type AssistantScope, inScope, type ServiceDeps } from '../service-context.ts';
import { checkUploadSize, failureCode, importFailure } from './import-errors.ts';
import { failImportJob, getImportJob, type ImportJobRow, moveImportJob } from './import-jobs.ts';
import {
  checkSettings,
  type ImportOverrides,
  resolveSettings,
  saveImportOptions,
} from './import-settings.ts';
import { convertUpload, sha256Hex } from './preview-import.ts';

export interface CommitInput {
  jobId: string;
  /** The same file the preview read (checked by SHA-256). */
  bytes: Uint8Array;
  overrides: ImportOverrides;
  /** Assistants whose events the actor may write. */
  scope: AssistantScope;
  /** Whether the request's options, identities and zone become the source's saved options. */
  save: boolean;
  /** Assistants whose external identities the actor may map (SPEC §1 identity.manage). */
  identityScope: AssistantScope;
}

async function* ndjson(events: TandemEvent[]): AsyncGenerator<string> {
  for (let i = 0; i < events.length; i += 1000)
    yield events
      .slice(i, i + 1000)
      .map((e) => `${JSON.stringify(e)}\n`)
      .join('');
}

/** Saves the identities the request mapped (those the actor may manage) as external identities. */
async function saveIdentities(
  tx: Tx,
  actor: Actor,
  map: Record<string, string>,
  scope: AssistantScope,
): Promise<number> {
  const entries = Object.entries(map).filter(([, a]) => inScope(scope, a));
  if (entries.length === 0) return 0;
  const wanted = [...new Set(entries.map(([, a]) => a))];
  const found = await tx
    .select({ id: assistants.id })
    .from(assistants)
    .where(and(eq(assistants.workspaceId, actor.workspaceId), inArray(assistants.id, wanted)));
  const known = new Set(found.map((r) => r.id));
  const missing = wanted.find((a) => !known.has(a));
  if (missing !== undefined)
    throw new AppError('unknown_assistant', `identities: unknown assistant ${JSON.stringify(missing)}`, {
      field: 'identities',
      assistant: missing,
    });
  for (const [key, assistantId] of entries) {
    const at = key.indexOf(':');
    const provider = key.slice(0, at) as IdentityProvider;
    const raw = key.slice(at + 1);
    const externalId = provider === 'email' ? raw.toLowerCase() : raw;
    await tx
      .insert(identities)
      .values({ workspaceId: actor.workspaceId, provider, externalId, assistantId })
      .onConflictDoUpdate({
        target: [identities.workspaceId, identities.provider, identities.externalId],
        set: { assistantId },
      });
  }
  return entries.length;
}

export async function commitImport(
  deps: ServiceDeps,
  actor: Actor,
  input: CommitInput,
): Promise<ImportJobRow> {
  const ws = actor.workspaceId;
  const job = await getImportJob(deps.db, actor, input.scope, input.jobId);
  if (sha256Hex(input.bytes) !== job.sha256)
    throw new AppError('validation_failed', 'This is not the file the preview read; upload it again', {
      field: 'file',
    });
  const format = job.format as Parameters<typeof checkUploadSize>[0];
  checkUploadSize(format, input.bytes.length);
  checkSettings(format, input.overrides);
  const settings = await resolveSettings(deps, ws, format, input.overrides);
  await moveImportJob(deps.db, ws, job.id, ['pending', 'failed'], {
    status: 'running',
    startedAt: new Date(deps.now()),
    finishedAt: null,
    errorCode: null,
    errorMessage: null,
  });
  try {
    const result = await convertUpload(format, input.bytes, settings);
    const owners = [...new Set(result.events.map((e) => e.assistant))].sort();
    let done: ImportJobRow | undefined;
    await ingestEvents(deps, actor, ndjson(result.events), {
      scope: input.scope,
      audit: {
        action: 'import.commit',
        target: `import:${job.id}`,
        extra: { format, fileName: job.fileName, sha256: job.sha256, events: result.events.length },
      },
      within: async (tx, counts) => {
        await saveIdentities(tx, actor, input.overrides.identities ?? {}, input.identityScope);
        const { assistant: _a, ...saved } = input.overrides;
        if (input.save && Object.keys(saved).length > 0)
          await saveImportOptions(tx, actor, format, saved, false);
        done = await moveImportJob(tx, ws, job.id, ['running'], {
          status: 'succeeded',
          report: result.report,
          assistants: owners,
          events: result.events.length,
          inserted: counts.inserted,
          updated: counts.updated,
          unchanged: counts.unchanged,
          finishedAt: new Date(deps.now()),
        });
      },
    });
    if (!done) throw new Error('import job not finished');
    return done;
  } catch (err) {
    const e = importFailure(err);
    await failImportJob(
      deps,
      actor,
      job.id,
      e ? failureCode(e) : 'internal',
      e?.message ?? 'The import failed',
    );
    // An unexpected error goes on to the error handler as it is, to be logged.
    throw e ?? err;
  }
}
