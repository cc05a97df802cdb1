/**
 * Erasing one assistant when they leave (SPEC §11): everything that is about them goes — the record,
 * events, KPIs and their targets, check-ins and reviews, development plans, identities, assignments, import jobs and
 * saved identity mappings that name them, invitations for them — and so does the membership of whoever signed in as them
 * (with their API tokens here, and their sessions when no other workspace is left), rather than
 * leaving a login behind that could read other assistants. Earlier audit entries about any of it
 * keep who/what/when but lose their content; one new entry names only the id and the counts.
 */

import { and, arrayContains, eq, inArray, isNull, like, ne, or } from 'drizzle-orm';
import type { Tx } from '#db/client';
import { assistants, identities } from '#db/schema/assistants';
import { auditLog } from '#db/schema/audit';
import { developmentItems, developmentPlans } from '#db/schema/development';
import { events } from '#db/schema/events';
import { importJobs, importOptions } from '#db/schema/imports';
import { kpis, kpiTargets } from '#db/schema/kpis';
import { assignments, invitations, members } from '#db/schema/members';
import { qualitySamples } from '#db/schema/quality';
import { actionItems, checkins, reviews } from '#db/schema/reviews';
import { apiTokens, sessions } from '#db/schema/users';
import { AppError } from '#src/errors';
import { writeAudit } from '../audit.ts';
import { bumpDataVersion } from '../metrics/data-version.ts';
import { eraseAssistantNotifications } from '../notifications/erase-notifications.ts';
import type { Actor, ServiceDeps } from '../service-context.ts';

/** Clears the content of the workspace's audit entries with these targets. */
async function forgetAudit(tx: Tx, ws: string, targets: string[]): Promise<void> {
  for (let i = 0; i < targets.length; i += 1000)
    await tx
      .update(auditLog)
      .set({ before: null, after: null })
      .where(and(eq(auditLog.workspaceId, ws), inArray(auditLog.target, targets.slice(i, i + 1000))));
}

const escapeLike = (s: string): string => s.replace(/[\\%_]/g, '\\$&');

const namesAssistant = (identityMap: unknown, id: string): boolean =>
  typeof identityMap === 'object' &&
  identityMap !== null &&
  Object.values(identityMap as Record<string, unknown>).includes(id);

/** Drops the assistant from every saved import identity mapping, and the content of their audit entries. */
async function eraseImportMappings(tx: Tx, ws: string, id: string): Promise<number> {
  let removed = 0;
  for (const row of await tx.select().from(importOptions).where(eq(importOptions.workspaceId, ws))) {
    const map = row.identities as Record<string, string>;
    const kept = Object.fromEntries(Object.entries(map).filter(([, a]) => a !== id));
    const dropped = Object.keys(map).length - Object.keys(kept).length;
    if (dropped === 0) continue;
    removed += dropped;
    await tx
      .update(importOptions)
      .set({ identities: kept })
      .where(and(eq(importOptions.workspaceId, ws), eq(importOptions.format, row.format)));
  }
  const entries = await tx
    .select({ seq: auditLog.seq, before: auditLog.before, after: auditLog.after })
    .from(auditLog)
    .where(and(eq(auditLog.workspaceId, ws), like(auditLog.target, 'import-options:%')));
  const seqs = entries
    .filter(
      (e) =>
        namesAssistant((e.before as { identities?: unknown } | null)?.identities, id) ||
        namesAssistant((e.after as { identities?: unknown } | null)?.identities, id),
    )
    .map((e) => e.seq);
  if (seqs.length > 0)
    await tx.update(auditLog).set({ before: null, after: null }).where(inArray(auditLog.seq, seqs));
  return removed;
}

/** Removes the memberships of whoever is this assistant; returns their user ids. */
async function removeAssistantMembers(deps: ServiceDeps, tx: Tx, ws: string, id: string): Promise<string[]> {
  const gone = await tx
    .delete(members)
    .where(and(eq(members.workspaceId, ws), eq(members.assistantId, id)))
    .returning({ userId: members.userId });
  const users = gone.map((m) => m.userId);
  if (users.length === 0) return users;
  await tx
    .update(apiTokens)
    .set({ revokedAt: new Date(deps.now()) })
    .where(and(eq(apiTokens.workspaceId, ws), inArray(apiTokens.userId, users), isNull(apiTokens.revokedAt)));
  await tx
    .delete(assignments)
    .where(and(eq(assignments.workspaceId, ws), inArray(assignments.userId, users)));
  // Sessions are per account, not per workspace: they end when the account has no workspace left;
  // otherwise the removed membership alone shuts this workspace (every request re-reads it).
  for (const userId of users) {
    const elsewhere = await tx
      .select({ ws: members.workspaceId })
      .from(members)
      .where(and(eq(members.userId, userId), ne(members.workspaceId, ws)))
      .limit(1);
    if (elsewhere.length === 0) await tx.delete(sessions).where(eq(sessions.userId, userId));
  }
  return users;
}

export async function eraseAssistant(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  confirm: string,
): Promise<void> {
  if (confirm !== id)
    throw new AppError('validation_failed', 'confirm: type the assistant id exactly to erase their data', {
      field: 'confirm',
    });
  await deps.db.transaction(async (tx) => {
    const ws = actor.workspaceId;
    // KPIs go with the record (foreign key); their ids are read first for their audit entries.
    const kpiIds = (
      await tx
        .select({ id: kpis.id })
        .from(kpis)
        .where(and(eq(kpis.workspaceId, ws), eq(kpis.assistantId, id)))
    ).map((k) => k.id);
    if (kpiIds.length > 0) {
      await tx
        .delete(kpiTargets)
        .where(and(eq(kpiTargets.workspaceId, ws), inArray(kpiTargets.kpiId, kpiIds)));
      await tx.delete(kpis).where(and(eq(kpis.workspaceId, ws), inArray(kpis.id, kpiIds)));
    }
    // Check-ins, their action items and reviews (SPEC §8) go with the record (foreign keys); their
    // ids are read first so that their audit entries lose their content too.
    const mine = <T extends typeof checkins | typeof actionItems | typeof reviews>(t: T) =>
      tx
        .select({ id: t.id })
        .from(t as typeof checkins)
        .where(and(eq(t.workspaceId, ws), eq(t.assistantId, id)));
    const rhythm = [
      ...(await mine(checkins)).map((r) => `checkin:${r.id}`),
      ...(await mine(actionItems)).map((r) => `action_item:${r.id}`),
      ...(await mine(reviews)).map((r) => `review:${r.id}`),
    ];
    // Quality samples go with the record too; their draws' audit entries name the assistant.
    const samples = await tx
      .select({ id: qualitySamples.id })
      .from(qualitySamples)
      .where(and(eq(qualitySamples.workspaceId, ws), eq(qualitySamples.assistantId, id)));
    rhythm.push(...samples.map((q) => `quality_sample:${q.id}`));
    // Development plans and their items (SPEC §8) likewise.
    const plans = await tx
      .select({ id: developmentPlans.id })
      .from(developmentPlans)
      .where(and(eq(developmentPlans.workspaceId, ws), eq(developmentPlans.assistantId, id)));
    if (plans.length > 0) {
      const items = await tx
        .select({ id: developmentItems.id })
        .from(developmentItems)
        .where(
          and(
            eq(developmentItems.workspaceId, ws),
            inArray(
              developmentItems.planId,
              plans.map((p) => p.id),
            ),
          ),
        );
      rhythm.push(
        ...plans.map((p) => `development_plan:${p.id}`),
        ...items.map((i) => `development_item:${i.id}`),
      );
    }
    const gone = await tx
      .delete(assistants)
      .where(and(eq(assistants.workspaceId, ws), eq(assistants.id, id)))
      .returning({ id: assistants.id });
    if (!gone[0]) throw new AppError('not_found', `No assistant ${id}`);
    const ev = await tx
      .delete(events)
      .where(and(eq(events.workspaceId, ws), eq(events.assistantId, id)))
      .returning({ seq: events.seq });
    const ids = await tx
      .delete(identities)
      .where(and(eq(identities.workspaceId, ws), eq(identities.assistantId, id)))
      .returning({ provider: identities.provider });
    await tx.delete(assignments).where(and(eq(assignments.workspaceId, ws), eq(assignments.assistantId, id)));
    const jobs = await tx
      .delete(importJobs)
      .where(and(eq(importJobs.workspaceId, ws), arrayContains(importJobs.assistants, [id])))
      .returning({ id: importJobs.id });
    const mappings = await eraseImportMappings(tx, ws, id);
    const inv = await tx
      .delete(invitations)
      .where(and(eq(invitations.workspaceId, ws), eq(invitations.assistantId, id)))
      .returning({ id: invitations.id });
    const users = await removeAssistantMembers(deps, tx, ws, id);
    await eraseAssistantNotifications(tx, ws, id, users);
    await forgetAudit(tx, ws, [
      ...kpiIds.flatMap((k) => [k, `kpi:${k}`]),
      ...jobs.map((j) => `import:${j.id}`),
      ...inv.map((i) => `invitation:${i.id}`),
      ...users.map((u) => `member:${u}`),
      ...rhythm,
    ]);
    await tx
      .update(auditLog)
      .set({ before: null, after: null })
      .where(
        and(
          eq(auditLog.workspaceId, ws),
          or(eq(auditLog.target, `assistant:${id}`), like(auditLog.target, `assistant:${escapeLike(id)}/%`)),
        ),
      );
    await bumpDataVersion(tx, ws);
    await writeAudit(tx, {
      workspaceId: ws,
      actor: actor.userId,
      action: 'assistant.erase',
      target: `assistant:${id}`,
      after: {
        events: ev.length,
        kpis: kpiIds.length,
        identities: ids.length,
        importJobs: jobs.length,
        importMappings: mappings,
        invitations: inv.length,
        members: users.length,
        checkinsAndReviews: rhythm.length,
      },
    });
  });
}
