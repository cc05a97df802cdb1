/**
 * Import job rows (SPEC §10, §13; issue 5 item 4): pending after a preview, running while the
 * commit stores its events, then succeeded or failed. Each status change is its own statement, so
 * a job's row outlives a failed or interrupted commit.
 */
import { and, arrayContained, desc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '#db/client';
import { type ImportStatus, importJobs } from '#db/schema/imports';
import { AppError } from '#src/errors';
import { writeAudit } from '../audit.ts';
import type { Actor, AssistantScope, ServiceDeps } from '../service-context.ts';

export type ImportJobRow = typeof importJobs.$inferSelect;

/** Who may see a job: the whole workspace's for `all`; else jobs they created or whose assistants are all theirs. */
function visible(ws: string, userId: string, scope: AssistantScope) {
  const own = eq(importJobs.workspaceId, ws);
  if (scope === 'all') return own;
  const mine = eq(importJobs.createdBy, userId);
  if (scope.length === 0) return and(own, mine);
  return and(
    own,
    or(
      mine,
      and(ne(importJobs.assistants, sql`'{}'::text[]`), arrayContained(importJobs.assistants, [...scope])),
    ),
  );
}

export async function listImportJobs(
  deps: ServiceDeps,
  actor: Actor,
  scope: AssistantScope,
  limit = 100,
): Promise<ImportJobRow[]> {
  return deps.db
    .select()
    .from(importJobs)
    .where(visible(actor.workspaceId, actor.userId, scope))
    .orderBy(desc(importJobs.createdAt), desc(importJobs.id))
    .limit(limit);
}

export async function getImportJob(
  db: Db | Tx,
  actor: Actor,
  scope: AssistantScope,
  id: string,
): Promise<ImportJobRow> {
  const [row] = await db
    .select()
    .from(importJobs)
    .where(and(visible(actor.workspaceId, actor.userId, scope), eq(importJobs.id, id)));
  if (!row) throw new AppError('not_found', `No import job ${id}`);
  return row;
}

/** Moves a job from one of `from` to `to`, on its own; 409 when another request moved it first. */
export async function moveImportJob(
  db: Db | Tx,
  ws: string,
  id: string,
  from: ImportStatus[],
  set: Partial<typeof importJobs.$inferInsert> & { status: ImportStatus },
): Promise<ImportJobRow> {
  const [row] = await db
    .update(importJobs)
    .set(set)
    .where(and(eq(importJobs.workspaceId, ws), eq(importJobs.id, id), inArray(importJobs.status, from)))
    .returning();
  if (!row) throw new AppError('conflict', `Import job ${id} is not ${from.join(' or ')}`);
  return row;
}

/** Records a failed commit: the job keeps its reason; one audit entry. */
export async function failImportJob(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  code: string,
  message: string,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    await moveImportJob(tx, actor.workspaceId, id, ['running'], {
      status: 'failed',
      errorCode: code,
      errorMessage: message,
      finishedAt: new Date(deps.now()),
    });
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actor: actor.userId,
      action: 'import.fail',
      target: `import:${id}`,
      after: { code, message },
    });
  });
}

/**
 * At server start: a job still `running` was cut off by a crash or stop (its transaction rolled
 * back, so it stored nothing) and is marked failed, with one audit entry per job.
 */
export async function failInterruptedImports(db: Db, now: number): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(importJobs)
      .set({
        status: 'failed',
        errorCode: 'interrupted',
        errorMessage:
          'The server stopped while this import was running; nothing was stored. Commit it again.',
        finishedAt: new Date(now),
      })
      .where(eq(importJobs.status, 'running'))
      .returning({ workspaceId: importJobs.workspaceId, id: importJobs.id });
    for (const r of rows)
      await writeAudit(tx, {
        workspaceId: r.workspaceId,
        actor: 'server',
        action: 'import.fail',
        target: `import:${r.id}`,
        after: { code: 'interrupted' },
      });
    return rows.length;
  });
}
