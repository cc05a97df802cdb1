/**
 * The workspace archive (SPEC §11, §13): a gzipped tar whose `events.ndjson` is valid §12 input
 * (assistant lines, then every event — private pulse answers included, which README.txt says), and
 * JSON files restoring everything else: people (with password hashes, never plain secrets),
 * members, invitations, assignments, identities, clients, API token hashes, settings, KPIs, saved
 * import options and import jobs, check-ins with their action items, monthly reviews with their
 * comments and amendments, survey links (token hashes only) and quarterly relevance reviews with
 * their decisions (SPEC §8), audit log. Events and audit entries carry their `seq`, the
 * position their cursors name, so a restore answers the same pages (restore-workspace.ts).
 */
import { gzipSync } from 'node:zlib';
import { asc, eq, inArray } from 'drizzle-orm';
import type { TandemEvent } from '#core/events/event-types';
import { assistants, clients, identities } from '#db/schema/assistants';
import { auditLog } from '#db/schema/audit';
import { developmentItems, developmentPlans } from '#db/schema/development';
import { events } from '#db/schema/events';
import { importJobs, importOptions } from '#db/schema/imports';
import { assignments, invitations, members } from '#db/schema/members';
import { qualityDraws, qualitySamples } from '#db/schema/quality';
import { quarterlyDecisions, quarterlyReviews } from '#db/schema/quarterly-reviews';
import { actionItems, checkins, reviewEntries, reviews } from '#db/schema/reviews';
import { surveyRequests } from '#db/schema/surveys';
import { apiTokens, users } from '#db/schema/users';
import { workspaces } from '#db/schema/workspaces';
import { AppError } from '#src/errors';
import { assistantDef } from '../assistants/assistant-record.ts';
import { listKpis } from '../kpis/kpi-record.ts';
import type { ServiceDeps } from '../service-context.ts';
import { connectionArchiveFiles } from './connection-archive.ts';
import { notificationArchiveFiles } from './notification-archive.ts';
import { outboundWebhookArchiveFiles } from './outbound-webhook-archive.ts';
import { writeTar } from './tar.ts';

export const ARCHIVE_FORMAT = 'tandem-workspace-archive';
export const ARCHIVE_VERSION = 1;

const README = `Tandem workspace archive

This is the owner's backup of one workspace. It CONTAINS PRIVATE PULSE ANSWERS
(well-being answers an assistant did not share, SPEC §11) and password hashes.
Keep it as safe as the server itself.

events.ndjson    every event and assistant, as \`tandem compute\` reads it
*.json           members, identities, clients, assignments, KPIs, settings, import
                 options and jobs, check-ins, reviews, survey links,
                 quarterly reviews, development plans, quality samples,
                 notifications and their preferences, the e-mail outbox,
                 live connections (with their secrets) and delivery keys,
                 outbound webhook endpoints (with their signing secrets)
                 and delivery log, audit log
Restore with:    npx tandem restore [--data DIR] ARCHIVE   (or with DATABASE_URL set)
`;

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export interface ArchiveManifest {
  format: string;
  version: number;
  exportedAt: string;
  containsPrivateAnswers: true;
  workspace: { id: string; name: string; settings: Record<string, unknown>; createdAt: string };
  counts: Record<string, number>;
}

export async function exportWorkspace(deps: ServiceDeps, workspaceId: string): Promise<Buffer> {
  const db = deps.db;
  const ws = (await db.select().from(workspaces).where(eq(workspaces.id, workspaceId)))[0];
  if (!ws) throw new AppError('not_found', `No workspace ${workspaceId}`);
  const by = <T extends { workspaceId: unknown }>(t: T) => eq(t.workspaceId as never, workspaceId);
  const [aRows, eRows, mRows, invRows, asgRows, idRows, cRows, tRows, auditRows, optRows, jobRows] =
    await Promise.all([
      db.select().from(assistants).where(by(assistants)).orderBy(asc(assistants.id)),
      db.select().from(events).where(by(events)).orderBy(asc(events.seq)),
      db.select().from(members).where(by(members)),
      db.select().from(invitations).where(by(invitations)),
      db.select().from(assignments).where(by(assignments)),
      db.select().from(identities).where(by(identities)),
      db.select().from(clients).where(by(clients)),
      db.select().from(apiTokens).where(by(apiTokens)),
      db.select().from(auditLog).where(by(auditLog)).orderBy(asc(auditLog.seq)),
      db.select().from(importOptions).where(by(importOptions)).orderBy(asc(importOptions.format)),
      db
        .select()
        .from(importJobs)
        .where(by(importJobs))
        .orderBy(asc(importJobs.createdAt), asc(importJobs.id)),
    ]);
  const kpiRows = await listKpis(db, workspaceId);
  const [ciRows, itemRows, rvRows, entryRows, planRows, planItemRows, sampleRows, drawRows] =
    await Promise.all([
      db.select().from(checkins).where(by(checkins)).orderBy(asc(checkins.assistantId), asc(checkins.date)),
      db
        .select()
        .from(actionItems)
        .where(by(actionItems))
        .orderBy(asc(actionItems.createdAt), asc(actionItems.id)),
      db.select().from(reviews).where(by(reviews)).orderBy(asc(reviews.assistantId), asc(reviews.month)),
      db
        .select()
        .from(reviewEntries)
        .where(by(reviewEntries))
        .orderBy(asc(reviewEntries.reviewId), asc(reviewEntries.position)),
      db
        .select()
        .from(developmentPlans)
        .where(by(developmentPlans))
        .orderBy(asc(developmentPlans.createdAt), asc(developmentPlans.id)),
      db
        .select()
        .from(developmentItems)
        .where(by(developmentItems))
        .orderBy(asc(developmentItems.createdAt), asc(developmentItems.id)),
      db
        .select()
        .from(qualitySamples)
        .where(by(qualitySamples))
        .orderBy(asc(qualitySamples.week), asc(qualitySamples.assistantId), asc(qualitySamples.taskId)),
      db
        .select()
        .from(qualityDraws)
        .where(by(qualityDraws))
        .orderBy(asc(qualityDraws.week), asc(qualityDraws.assistantId)),
    ]);
  const [svRows, qrRows, qdRows] = await Promise.all([
    db
      .select()
      .from(surveyRequests)
      .where(by(surveyRequests))
      .orderBy(asc(surveyRequests.createdAt), asc(surveyRequests.id)),
    db
      .select()
      .from(quarterlyReviews)
      .where(by(quarterlyReviews))
      .orderBy(asc(quarterlyReviews.assistantId), asc(quarterlyReviews.quarter)),
    db
      .select()
      .from(quarterlyDecisions)
      .where(by(quarterlyDecisions))
      .orderBy(asc(quarterlyDecisions.reviewId), asc(quarterlyDecisions.position)),
  ]);
  // Rows as stored, instants as ISO strings (restore-workspace.ts reads them back).
  const plain = <T extends { workspaceId: string }>(rows: T[]) =>
    rows.map(({ workspaceId: _ws, ...r }) =>
      Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v])),
    );
  const userIds = mRows.map((m) => m.userId);
  const uRows = userIds.length > 0 ? await db.select().from(users).where(inArray(users.id, userIds)) : [];
  const lines: string[] = aRows.map((a) => JSON.stringify({ type: 'assistant', ...assistantDef(a) }));
  for (const e of eRows) lines.push(JSON.stringify(e.data as TandemEvent));
  const manifest: ArchiveManifest = {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    exportedAt: new Date(deps.now()).toISOString(),
    containsPrivateAnswers: true,
    workspace: { id: ws.id, name: ws.name, settings: ws.settings, createdAt: ws.createdAt.toISOString() },
    counts: {
      assistants: aRows.length,
      events: eRows.length,
      members: mRows.length,
      kpis: kpiRows.length,
      audit: auditRows.length,
      importOptions: optRows.length,
      importJobs: jobRows.length,
      checkins: ciRows.length,
      reviews: rvRows.length,
      developmentPlans: planRows.length,
      qualitySamples: sampleRows.length,
      surveyRequests: svRows.length,
      quarterlyReviews: qrRows.length,
    },
  };
  const files = [
    { name: 'README.txt', data: README },
    { name: 'manifest.json', data: JSON.stringify(manifest, null, 2) },
    { name: 'events.ndjson', data: lines.length > 0 ? `${lines.join('\n')}\n` : '' },
    {
      name: 'event-times.ndjson',
      data: eRows
        .map((e) => JSON.stringify([e.type, e.id, iso(e.createdAt), iso(e.updatedAt), e.seq]))
        .join('\n'),
    },
    {
      name: 'assistants.json',
      data: JSON.stringify(
        aRows.map((a) => ({
          id: a.id,
          name: a.name,
          createdAt: iso(a.createdAt),
          updatedAt: iso(a.updatedAt),
        })),
      ),
    },
    {
      name: 'users.json',
      data: JSON.stringify(
        uRows.map((u) => ({
          id: u.id,
          email: u.email,
          name: u.name,
          passwordHash: u.passwordHash,
          createdAt: iso(u.createdAt),
        })),
      ),
    },
    {
      name: 'members.json',
      data: JSON.stringify(
        mRows.map((m) => ({
          userId: m.userId,
          role: m.role,
          assistantId: m.assistantId,
          createdAt: iso(m.createdAt),
        })),
      ),
    },
    {
      name: 'invitations.json',
      data: JSON.stringify(
        invRows.map((i) => ({
          ...i,
          workspaceId: undefined,
          createdAt: iso(i.createdAt),
          expiresAt: iso(i.expiresAt),
          acceptedAt: iso(i.acceptedAt),
          revokedAt: iso(i.revokedAt),
        })),
      ),
    },
    {
      name: 'assignments.json',
      data: JSON.stringify(
        asgRows.map((a) => ({ assistantId: a.assistantId, userId: a.userId, createdAt: iso(a.createdAt) })),
      ),
    },
    {
      name: 'identities.json',
      data: JSON.stringify(
        idRows.map((i) => ({
          provider: i.provider,
          externalId: i.externalId,
          assistantId: i.assistantId,
          createdAt: iso(i.createdAt),
        })),
      ),
    },
    {
      name: 'clients.json',
      data: JSON.stringify(cRows.map((c) => ({ id: c.id, name: c.name, createdAt: iso(c.createdAt) }))),
    },
    {
      name: 'api-tokens.json',
      data: JSON.stringify(
        tRows.map((t) => ({
          id: t.id,
          userId: t.userId,
          name: t.name,
          tokenHash: t.tokenHash,
          createdAt: iso(t.createdAt),
          lastUsedAt: iso(t.lastUsedAt),
          revokedAt: iso(t.revokedAt),
        })),
      ),
    },
    // KPIs with their agreement state and target history (SPEC §5, §13).
    { name: 'kpis.json', data: JSON.stringify(kpiRows) },
    // The choices each source's files cannot tell, saved per workspace (SPEC §10), and every import.
    {
      name: 'import-options.json',
      data: JSON.stringify(
        optRows.map((o) => ({
          format: o.format,
          options: o.options,
          identities: o.identities,
          timezone: o.timezone,
          updatedBy: o.updatedBy,
          updatedAt: iso(o.updatedAt),
        })),
      ),
    },
    {
      name: 'import-jobs.json',
      data: JSON.stringify(
        jobRows.map((j) => ({
          ...j,
          workspaceId: undefined,
          createdAt: iso(j.createdAt),
          startedAt: iso(j.startedAt),
          finishedAt: iso(j.finishedAt),
        })),
      ),
    },
    // The review rhythm (SPEC §8): a locked review keeps the agenda both sides signed.
    { name: 'checkins.json', data: JSON.stringify(plain(ciRows)) },
    { name: 'action-items.json', data: JSON.stringify(plain(itemRows)) },
    { name: 'reviews.json', data: JSON.stringify(plain(rvRows)) },
    { name: 'review-entries.json', data: JSON.stringify(plain(entryRows)) },
    // Development plans (SPEC §8) with the value their gap stood at when they started.
    { name: 'development-plans.json', data: JSON.stringify(plain(planRows)) },
    { name: 'development-items.json', data: JSON.stringify(plain(planItemRows)) },
    // Quality sampling: the weeks drawn and each sampled task's status and rating.
    { name: 'quality-samples.json', data: JSON.stringify(plain(sampleRows)) },
    { name: 'quality-draws.json', data: JSON.stringify(plain(drawRows)) },
    // Survey links keep only their token's hash: a restored pending link still works (SPEC §8).
    { name: 'survey-requests.json', data: JSON.stringify(plain(svRows)) },
    { name: 'quarterly-reviews.json', data: JSON.stringify(plain(qrRows)) },
    { name: 'quarterly-decisions.json', data: JSON.stringify(plain(qdRows)) },
    // Notifications, preferences and the Outbox (issue 8 item 8); the job queue stays behind.
    ...(await notificationArchiveFiles(db, workspaceId)),
    // Live connections and the delivery keys seen (issue 9).
    ...(await connectionArchiveFiles(db, workspaceId)),
    // Outbound webhook endpoints and their delivery log (issue 9 item 5).
    ...(await outboundWebhookArchiveFiles(db, workspaceId)),
    {
      name: 'audit.ndjson',
      data: auditRows
        .map((a) =>
          JSON.stringify({
            seq: a.seq,
            actor: a.actor,
            action: a.action,
            target: a.target,
            before: a.before,
            after: a.after,
            at: iso(a.at),
          }),
        )
        .join('\n'),
    },
  ];
  return gzipSync(writeTar(files, deps.now()));
}
