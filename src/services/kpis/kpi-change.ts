/**
 * What every KPI write shares (SPEC §5, docs/kpis.md): the stamp of who acts, the advice returned
 * with a change, and the transaction that writes a KPI with its audit entry. Every write path locks
 * the assistant's row first and re-reads the KPI under that lock, so concurrent changes to one
 * assistant's KPIs (agreements against the active-KPI limit, targets, amendments, process changes)
 * apply one after the other instead of overwriting each other.
 */
import { and, eq } from 'drizzle-orm';
import type { Insight } from '#core/insights/insight';
import { describeInsight, type InsightText } from '#core/insights/insight-catalogue';
import { RECOMMENDED_MAX_KPIS } from '#core/insights/too-many-rule';
import { activityLabel } from '#core/kpis/activity-metrics';
import type { Stamp } from '#core/kpis/agreement';
import { isOpen, type Party } from '#core/kpis/kpi';
import { localDate } from '#core/kpis/local-date';
import { AssistantTime } from '#core/time/assistant-time';
import type { Tx } from '#db/client';
import { assistants } from '#db/schema/assistants';
import { AppError } from '#src/errors';
import { assistantDef } from '../assistants/assistant-record.ts';
import { writeAudit } from '../audit.ts';
import { queueAgreementRequests } from '../notifications/kpi-notifications.ts';
import type { Actor, ServiceDeps } from '../service-context.ts';
import { listKpis, loadKpi, type NamedKpi, saveKpi } from './kpi-record.ts';

export type KpiAdvice = Insight & InsightText;

export interface KpiChange {
  kpi: NamedKpi;
  /** The KPI this agreement replaced, now `replaced`. */
  replaced?: NamedKpi | null;
  /**
   * SPEC §7 advice on the change: `too_many` when more than five KPIs are proposed or active for
   * the assistant; `activity_metric` when the KPI proposed (or changed) is on an activity metric.
   */
  advice: KpiAdvice[];
}

/** The side of the agreement an actor speaks for: the assistant, or the manager (owners act as one). */
export function partyOf(actor: Actor): Party {
  return actor.role === 'assistant' ? 'assistant' : 'manager';
}

/**
 * Locks the assistant's row for the rest of the transaction and stamps the action with the local
 * date in their zone. Every KPI write takes this lock first (see the file comment).
 */
export async function lockAndStamp(
  deps: ServiceDeps,
  tx: Tx,
  actor: Actor,
  assistant: string,
): Promise<Stamp> {
  const row = (
    await tx
      .select()
      .from(assistants)
      .where(and(eq(assistants.workspaceId, actor.workspaceId), eq(assistants.id, assistant)))
      .for('no key update')
  )[0];
  if (!row) throw new AppError('not_found', `No assistant ${assistant}`);
  const now = deps.now();
  const time = new AssistantTime(assistantDef(row));
  return { by: partyOf(actor), at: new Date(now).toISOString(), today: localDate(now, time.zoneAt(now)) };
}

function tooMany(assistant: string, all: readonly NamedKpi[]): KpiAdvice[] {
  const open = all.filter((k) => k.assistant === assistant && isOpen(k));
  if (open.length <= RECOMMENDED_MAX_KPIS) return [];
  const active = open.filter((k) => k.status === 'active').length;
  const insight: Insight = {
    id: 'too_many',
    severity: 'info',
    assistant,
    data: {
      count: open.length,
      active,
      proposed: open.length - active,
      recommendedMax: RECOMMENDED_MAX_KPIS,
    },
  };
  return [{ ...insight, ...describeInsight(insight) }];
}

/** The advice to return with a change; `proposed` is a KPI just proposed or changed (SPEC §4, §7). */
export function adviceFor(
  assistant: string,
  all: readonly NamedKpi[],
  proposed: NamedKpi | null = null,
): KpiAdvice[] {
  const out = tooMany(assistant, all);
  const label = proposed && isOpen(proposed) ? activityLabel(proposed.metric) : null;
  if (proposed && label) {
    const insight: Insight = {
      id: 'activity_metric',
      severity: 'info',
      assistant,
      kpi: proposed.id,
      data: label,
    };
    out.push({ ...insight, ...describeInsight(insight, proposed.name) });
  }
  return out;
}

/** Stores a new KPI with its audit entry (the caller holds the assistant's lock). */
export async function insertKpi(
  deps: ServiceDeps,
  tx: Tx,
  actor: Actor,
  k: NamedKpi,
  action: string,
): Promise<KpiChange> {
  const exists = await tx.query.kpis.findFirst({
    where: (t, { and: all, eq: is }) => all(is(t.workspaceId, actor.workspaceId), is(t.id, k.id)),
  });
  if (exists) throw new AppError('already_exists', `KPI ${k.id} already exists`, { kpi: k.id });
  await saveKpi(tx, actor.workspaceId, k, new Date(deps.now()), true);
  await writeAudit(tx, {
    workspaceId: actor.workspaceId,
    actor: actor.userId,
    action,
    target: k.id,
    after: k,
  });
  await queueAgreementRequests(tx, actor, null, k, deps.now());
  return { kpi: k, advice: adviceFor(k.assistant, await listKpis(tx, actor.workspaceId, k.assistant), k) };
}

export interface ChangeResult {
  kpi: NamedKpi;
  replaced?: NamedKpi | null;
  /** The audit action, when it depends on the outcome (a target proposal that was an agreement). */
  action?: string;
  /** Return activity_metric advice for the changed KPI (its terms changed). */
  termsChanged?: boolean;
}

/**
 * Runs `change` on a stored KPI under the assistant's lock, on the KPI as re-read under that lock,
 * and writes it (and a KPI it replaced) with one audit entry.
 */
export async function changeKpi(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  action: string,
  change: (k: NamedKpi, stamp: Stamp, tx: Tx) => Promise<ChangeResult> | ChangeResult,
): Promise<KpiChange> {
  return deps.db.transaction((tx) => changeKpiIn(deps, tx, actor, id, action, change));
}

/** changeKpi inside the caller's transaction: several KPI changes that apply together or not at all. */
export async function changeKpiIn(
  deps: ServiceDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  action: string,
  change: (k: NamedKpi, stamp: Stamp, tx: Tx) => Promise<ChangeResult> | ChangeResult,
): Promise<KpiChange> {
  const { assistant } = await loadKpi(tx, actor.workspaceId, id);
  const stamp = await lockAndStamp(deps, tx, actor, assistant);
  // Read again under the lock: a concurrent write may have changed it meanwhile.
  const current = await loadKpi(tx, actor.workspaceId, id);
  const r = await change(current, stamp, tx);
  const now = new Date(deps.now());
  await saveKpi(tx, actor.workspaceId, r.kpi, now);
  if (r.replaced) await saveKpi(tx, actor.workspaceId, r.replaced, now);
  await writeAudit(tx, {
    workspaceId: actor.workspaceId,
    actor: actor.userId,
    action: r.action ?? action,
    target: id,
    before: current,
    after: r.kpi,
  });
  await queueAgreementRequests(tx, actor, current, r.kpi, deps.now());
  const all = await listKpis(tx, actor.workspaceId, r.kpi.assistant);
  return {
    kpi: r.kpi,
    replaced: r.replaced ?? null,
    advice: adviceFor(r.kpi.assistant, all, r.termsChanged ? r.kpi : null),
  };
}
