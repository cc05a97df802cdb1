/**
 * Restores a workspace archive into a store where that workspace does not exist (SPEC §13) — the
 * way from the embedded store to PostgreSQL. Everything goes in one transaction. People whose
 * e-mail already has an account here keep that account (and its password); others come back with
 * their password hashes. Events and audit entries keep their `seq` where it is free in this store
 * (claim-seqs.ts), so the same cursors page through the same answers. Archives from before import
 * options, import jobs, check-ins, reviews or seq were kept restore without them.
 */
import { gunzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import type { IdentityProvider } from '#db/schema/assistants';
import { assistants, clients, identities } from '#db/schema/assistants';
import { auditLog } from '#db/schema/audit';
import { developmentItems, developmentPlans } from '#db/schema/development';
import { type ImportStatus, importJobs, importOptions } from '#db/schema/imports';
import { assignments, invitations, members, type Role } from '#db/schema/members';
import { qualityDraws, qualitySamples } from '#db/schema/quality';
import { quarterlyDecisions, quarterlyReviews } from '#db/schema/quarterly-reviews';
import { actionItems, checkins, reviewEntries, reviews } from '#db/schema/reviews';
import { surveyRequests } from '#db/schema/surveys';
import { apiTokens, users } from '#db/schema/users';
import { workspaces } from '#db/schema/workspaces';
import { AppError } from '#src/errors';
import { assistantColumns } from '../assistants/assistant-record.ts';
import { writeAudit } from '../audit.ts';
import { parseIngestBody } from '../events/ingest-events.ts';
import { type NamedKpi, saveKpi } from '../kpis/kpi-record.ts';
import type { ServiceDeps } from '../service-context.ts';
import { claimSeqs } from './claim-seqs.ts';
import { restoreConnectionFiles } from './connection-archive.ts';
import { ARCHIVE_FORMAT, type ArchiveManifest } from './export-workspace.ts';
import { restoreNotificationFiles } from './notification-archive.ts';
import { restoreOutboundWebhookFiles } from './outbound-webhook-archive.ts';
import { readEventTimes, restoreEvents } from './restore-events.ts';
import { readTar } from './tar.ts';

type J = Record<string, unknown>;
const date = (v: unknown): Date | null => (typeof v === 'string' ? new Date(v) : null);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const optStr = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

function jsonFile(files: Map<string, Buffer>, name: string): J[] {
  const b = files.get(name);
  if (!b) throw new AppError('validation_failed', `archive: ${name} is missing`);
  const v = JSON.parse(b.toString('utf8')) as unknown;
  if (!Array.isArray(v)) throw new AppError('validation_failed', `archive: ${name} is not a list`);
  return v as J[];
}

/** A file added to the archive later: absent from older archives, which restore without it. */
function optionalJsonFile(files: Map<string, Buffer>, name: string): J[] {
  return files.has(name) ? jsonFile(files, name) : [];
}

function ndjson(files: Map<string, Buffer>, name: string): unknown[] {
  const text = files.get(name)?.toString('utf8') ?? '';
  return text
    .split('\n')
    .filter((l) => l.trim().length > 0)
    .map((l) => JSON.parse(l) as unknown);
}

export function readArchive(bytes: Buffer): { manifest: ArchiveManifest; files: Map<string, Buffer> } {
  let files: Map<string, Buffer>;
  try {
    files = readTar(gunzipSync(bytes, { maxOutputLength: 2 * 1024 * 1024 * 1024 }));
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('validation_failed', 'archive: not a Tandem workspace archive (.tar.gz)');
  }
  const m = files.get('manifest.json');
  if (!m) throw new AppError('validation_failed', 'archive: manifest.json is missing');
  const manifest = JSON.parse(m.toString('utf8')) as ArchiveManifest;
  if (manifest.format !== ARCHIVE_FORMAT || manifest.version !== 1)
    throw new AppError('validation_failed', 'archive: unknown format or version');
  return { manifest, files };
}

export async function restoreWorkspace(
  deps: ServiceDeps,
  bytes: Buffer,
  opts: { actor: string; requireOwnerUserId?: string } = { actor: 'cli' },
): Promise<{ workspace: string; events: number; members: number }> {
  const { manifest, files } = readArchive(bytes);
  const eventsFile = files.get('events.ndjson') ?? Buffer.alloc(0);
  const parsed = await parseIngestBody(
    (async function* () {
      yield eventsFile;
    })(),
  );
  const ws = manifest.workspace;
  return deps.db.transaction(async (tx) => {
    if ((await tx.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.id, ws.id)))[0])
      throw new AppError('already_exists', `Workspace ${ws.id} already exists in this store`, {
        workspace: ws.id,
      });
    // A fresh data version: no metrics cache may take this workspace for an earlier one with its id.
    await tx.insert(workspaces).values({
      id: ws.id,
      name: ws.name,
      settings: ws.settings,
      createdAt: new Date(ws.createdAt),
      dataVersion: deps.now(),
    });
    const userMap = new Map<string, string>();
    for (const u of jsonFile(files, 'users.json')) {
      const email = str(u.email).toLowerCase();
      const found = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
      if (found[0]) userMap.set(str(u.id), found[0].id);
      else {
        await tx.insert(users).values({
          id: str(u.id),
          email,
          name: optStr(u.name),
          passwordHash: optStr(u.passwordHash),
          createdAt: date(u.createdAt) ?? new Date(deps.now()),
        });
        userMap.set(str(u.id), str(u.id));
      }
    }
    const uid = (v: unknown): string => userMap.get(str(v)) ?? str(v);
    const names = new Map(jsonFile(files, 'assistants.json').map((a) => [str(a.id), a]));
    for (const { def } of parsed.assistants.values()) {
      const n = names.get(def.id);
      await tx.insert(assistants).values({
        workspaceId: ws.id,
        ...assistantColumns(def),
        name: optStr(n?.name),
        createdAt: date(n?.createdAt) ?? new Date(deps.now()),
        updatedAt: date(n?.updatedAt) ?? new Date(deps.now()),
      });
    }
    // KPIs after their assistants; an archive from before KPIs has no kpis.json.
    for (const k of files.has('kpis.json') ? (jsonFile(files, 'kpis.json') as unknown as NamedKpi[]) : [])
      await saveKpi(tx, ws.id, k, new Date(deps.now()), true);
    const memberRows = jsonFile(files, 'members.json');
    for (const m of memberRows)
      await tx.insert(members).values({
        workspaceId: ws.id,
        userId: uid(m.userId),
        role: str(m.role) as Role,
        assistantId: optStr(m.assistantId),
        createdAt: date(m.createdAt) ?? new Date(deps.now()),
      });
    if (
      opts.requireOwnerUserId &&
      !memberRows.some((m) => uid(m.userId) === opts.requireOwnerUserId && m.role === 'owner')
    )
      throw new AppError('forbidden', 'Only an owner named in the archive may restore it');
    for (const i of jsonFile(files, 'invitations.json'))
      await tx.insert(invitations).values({
        id: str(i.id),
        workspaceId: ws.id,
        email: str(i.email),
        role: str(i.role) as Role,
        assistantId: optStr(i.assistantId),
        tokenHash: str(i.tokenHash),
        invitedBy: optStr(i.invitedBy),
        createdAt: date(i.createdAt) ?? new Date(deps.now()),
        expiresAt: date(i.expiresAt) ?? new Date(deps.now()),
        acceptedAt: date(i.acceptedAt),
        revokedAt: date(i.revokedAt),
      });
    for (const a of jsonFile(files, 'assignments.json'))
      await tx.insert(assignments).values({
        workspaceId: ws.id,
        assistantId: str(a.assistantId),
        userId: uid(a.userId),
        createdAt: date(a.createdAt) ?? new Date(deps.now()),
      });
    for (const i of jsonFile(files, 'identities.json'))
      await tx.insert(identities).values({
        workspaceId: ws.id,
        provider: str(i.provider) as IdentityProvider,
        externalId: str(i.externalId),
        assistantId: str(i.assistantId),
        createdAt: date(i.createdAt) ?? new Date(deps.now()),
      });
    for (const c of jsonFile(files, 'clients.json'))
      await tx.insert(clients).values({
        workspaceId: ws.id,
        id: str(c.id),
        name: str(c.name),
        createdAt: date(c.createdAt) ?? new Date(deps.now()),
      });
    for (const t of jsonFile(files, 'api-tokens.json'))
      await tx.insert(apiTokens).values({
        id: str(t.id),
        workspaceId: ws.id,
        userId: uid(t.userId),
        name: str(t.name),
        tokenHash: str(t.tokenHash),
        createdAt: date(t.createdAt) ?? new Date(deps.now()),
        lastUsedAt: date(t.lastUsedAt),
        revokedAt: date(t.revokedAt),
      });
    for (const o of optionalJsonFile(files, 'import-options.json'))
      await tx.insert(importOptions).values({
        workspaceId: ws.id,
        format: str(o.format),
        options: o.options ?? {},
        identities: o.identities ?? {},
        timezone: optStr(o.timezone),
        updatedBy: uid(o.updatedBy),
        updatedAt: date(o.updatedAt) ?? new Date(deps.now()),
      });
    for (const j of optionalJsonFile(files, 'import-jobs.json'))
      await tx.insert(importJobs).values({
        workspaceId: ws.id,
        id: str(j.id),
        format: str(j.format),
        fileName: str(j.fileName),
        size: num(j.size),
        sha256: str(j.sha256),
        status: str(j.status) as ImportStatus,
        errorCode: optStr(j.errorCode),
        errorMessage: optStr(j.errorMessage),
        report: j.report ?? null,
        assistants: Array.isArray(j.assistants) ? j.assistants.map(str) : [],
        events: num(j.events),
        inserted: num(j.inserted),
        updated: num(j.updated),
        unchanged: num(j.unchanged),
        createdBy: uid(j.createdBy),
        createdAt: date(j.createdAt) ?? new Date(deps.now()),
        startedAt: date(j.startedAt),
        finishedAt: date(j.finishedAt),
      });
    // Check-ins and reviews after their assistants and people; absent from older archives.
    for (const c of optionalJsonFile(files, 'checkins.json'))
      await tx.insert(checkins).values({
        workspaceId: ws.id,
        id: str(c.id),
        assistantId: str(c.assistantId),
        date: str(c.date),
        managerNotes: str(c.managerNotes),
        assistantNotes: str(c.assistantNotes),
        createdBy: uid(c.createdBy),
        createdAt: date(c.createdAt) ?? new Date(deps.now()),
        updatedAt: date(c.updatedAt) ?? new Date(deps.now()),
      });
    for (const i of optionalJsonFile(files, 'action-items.json'))
      await tx.insert(actionItems).values({
        workspaceId: ws.id,
        id: str(i.id),
        checkinId: str(i.checkinId),
        assistantId: str(i.assistantId),
        text: str(i.text),
        ownerUserId: uid(i.ownerUserId),
        dueDate: str(i.dueDate),
        done: i.done === true,
        doneAt: date(i.doneAt),
        doneOn: optStr(i.doneOn),
        createdBy: uid(i.createdBy),
        createdAt: date(i.createdAt) ?? new Date(deps.now()),
        updatedAt: date(i.updatedAt) ?? new Date(deps.now()),
      });
    for (const r of optionalJsonFile(files, 'reviews.json'))
      await tx.insert(reviews).values({
        workspaceId: ws.id,
        id: str(r.id),
        assistantId: str(r.assistantId),
        month: str(r.month),
        createdBy: uid(r.createdBy),
        createdAt: date(r.createdAt) ?? new Date(deps.now()),
        managerSignedAt: date(r.managerSignedAt),
        managerSignedBy: r.managerSignedBy == null ? null : uid(r.managerSignedBy),
        assistantSignedAt: date(r.assistantSignedAt),
        assistantSignedBy: r.assistantSignedBy == null ? null : uid(r.assistantSignedBy),
        lockedAt: date(r.lockedAt),
        agenda: r.agenda ?? null,
      });
    for (const e of optionalJsonFile(files, 'review-entries.json'))
      await tx.insert(reviewEntries).values({
        workspaceId: ws.id,
        id: str(e.id),
        reviewId: str(e.reviewId),
        position: num(e.position),
        kind: str(e.kind),
        side: str(e.side),
        authorUserId: uid(e.authorUserId),
        text: str(e.text),
        createdAt: date(e.createdAt) ?? new Date(deps.now()),
      });
    for (const p of optionalJsonFile(files, 'development-plans.json'))
      await tx.insert(developmentPlans).values({
        workspaceId: ws.id,
        id: str(p.id),
        assistantId: str(p.assistantId),
        title: str(p.title),
        kpiId: optStr(p.kpiId),
        criterion: optStr(p.criterion),
        startedOn: str(p.startedOn),
        startWeek: optStr(p.startWeek),
        startValue: typeof p.startValue === 'number' ? p.startValue : null,
        status: str(p.status),
        createdBy: uid(p.createdBy),
        createdAt: date(p.createdAt) ?? new Date(deps.now()),
        updatedAt: date(p.updatedAt) ?? new Date(deps.now()),
      });
    for (const i of optionalJsonFile(files, 'development-items.json'))
      await tx.insert(developmentItems).values({
        workspaceId: ws.id,
        id: str(i.id),
        planId: str(i.planId),
        kind: str(i.kind),
        title: str(i.title),
        ownerUserId: uid(i.ownerUserId),
        dueDate: str(i.dueDate),
        status: str(i.status),
        doneAt: date(i.doneAt),
        createdBy: uid(i.createdBy),
        createdAt: date(i.createdAt) ?? new Date(deps.now()),
        updatedAt: date(i.updatedAt) ?? new Date(deps.now()),
      });
    for (const q of optionalJsonFile(files, 'quality-draws.json'))
      await tx.insert(qualityDraws).values({
        workspaceId: ws.id,
        assistantId: str(q.assistantId),
        week: str(q.week),
        candidates: num(q.candidates),
        drawnAt: date(q.drawnAt) ?? new Date(deps.now()),
      });
    for (const q of optionalJsonFile(files, 'quality-samples.json'))
      await tx.insert(qualitySamples).values({
        workspaceId: ws.id,
        id: str(q.id),
        assistantId: str(q.assistantId),
        week: str(q.week),
        taskId: str(q.taskId),
        status: str(q.status),
        ratingId: optStr(q.ratingId),
        decidedBy: q.decidedBy == null ? null : uid(q.decidedBy),
        decidedAt: date(q.decidedAt),
        createdAt: date(q.createdAt) ?? new Date(deps.now()),
      });
    // Survey links and quarterly reviews (SPEC §8); absent from older archives.
    for (const r of optionalJsonFile(files, 'survey-requests.json'))
      await tx.insert(surveyRequests).values({
        workspaceId: ws.id,
        id: str(r.id),
        assistantId: str(r.assistantId),
        client: optStr(r.client),
        tokenHash: str(r.tokenHash),
        createdBy: uid(r.createdBy),
        createdAt: date(r.createdAt) ?? new Date(deps.now()),
        expiresAt: date(r.expiresAt) ?? new Date(deps.now()),
        answeredAt: date(r.answeredAt),
        eventId: optStr(r.eventId),
      });
    for (const r of optionalJsonFile(files, 'quarterly-reviews.json'))
      await tx.insert(quarterlyReviews).values({
        workspaceId: ws.id,
        id: str(r.id),
        assistantId: str(r.assistantId),
        quarter: str(r.quarter),
        createdBy: uid(r.createdBy),
        createdAt: date(r.createdAt) ?? new Date(deps.now()),
        appliedAt: date(r.appliedAt),
        appliedBy: r.appliedBy == null ? null : uid(r.appliedBy),
      });
    for (const d of optionalJsonFile(files, 'quarterly-decisions.json'))
      await tx.insert(quarterlyDecisions).values({
        workspaceId: ws.id,
        reviewId: str(d.reviewId),
        position: num(d.position),
        decision: str(d.decision),
        kpiId: optStr(d.kpiId),
        reason: str(d.reason),
        target: typeof d.target === 'number' ? d.target : null,
        terms: d.terms && typeof d.terms === 'object' ? (d.terms as Record<string, unknown>) : null,
        resultKpiId: optStr(d.resultKpiId),
      });
    await restoreNotificationFiles(tx, ws.id, (name) => optionalJsonFile(files, name), uid, deps.now());
    // Live connections and the delivery keys seen (issue 9).
    await restoreConnectionFiles(
      tx,
      ws.id,
      (name) => optionalJsonFile(files, name),
      uid,
      deps.publicUrl,
      deps.now(),
    );
    await restoreOutboundWebhookFiles(tx, ws.id, (name) => optionalJsonFile(files, name), uid, deps.now());
    const restored = await restoreEvents(
      tx,
      ws.id,
      [...parsed.events.values()].map((e) => e.cols),
      readEventTimes(ndjson(files, 'event-times.ndjson')),
    );
    const audit = ndjson(files, 'audit.ndjson') as J[];
    const keepSeq = await claimSeqs(
      tx,
      'audit_log',
      audit.map((a) => (typeof a.seq === 'number' ? a.seq : null)),
    );
    if (keepSeq) audit.sort((a, b) => num(a.seq) - num(b.seq));
    const auditRow = (a: J) => ({
      workspaceId: ws.id,
      actor: userMap.get(str(a.actor)) ?? str(a.actor),
      action: str(a.action),
      target: optStr(a.target),
      before: a.before ?? null,
      after: a.after ?? null,
      at: date(a.at) ?? new Date(deps.now()),
    });
    for (let i = 0; i < audit.length; i += 1000) {
      const batch = audit.slice(i, i + 1000);
      if (keepSeq)
        await tx
          .insert(auditLog)
          .overridingSystemValue()
          .values(batch.map((a) => ({ seq: num(a.seq), ...auditRow(a) })));
      else await tx.insert(auditLog).values(batch.map(auditRow));
    }
    await writeAudit(tx, {
      workspaceId: ws.id,
      actor: opts.actor,
      action: 'workspace.restore',
      after: { events: restored },
    });
    return { workspace: ws.id, events: restored, members: memberRows.length };
  });
}
