/**
 * The KPI lifecycle as use cases (SPEC §5, docs/kpis.md): propose, amend, agree, retire, replace,
 * set a target, record a process change, propose a role template's KPIs. The state changes are
 * core's (src/core/kpis); each use case writes the KPI and its audit entry in one transaction.
 * Agreements lock the assistant's row first, so concurrent agreements activate one at a time and
 * the active-KPI limit holds (issue 6 §5).
 */
import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Insight } from '#core/insights/insight';
import { describeInsight, type InsightText } from '#core/insights/insight-catalogue';
import { RECOMMENDED_MAX_KPIS } from '#core/insights/too-many-rule';
import {
  agreeKpi,
  amendKpi,
  type KpiTerms,
  proposeKpi,
  proposeReplacement,
  retireKpi,
  type Stamp,
} from '#core/kpis/agreement';
import { isOpen, type Party } from '#core/kpis/kpi';
import type { Direction, KpiMetric } from '#core/kpis/kpi-definition';
import { DEFAULT_ACTIVE_KPI_LIMIT } from '#core/kpis/kpi-limit';
import { localDate } from '#core/kpis/local-date';
import { ROLE_TEMPLATES, type RoleId, templateKpiTerms } from '#core/kpis/role-templates';
import { setTarget } from '#core/kpis/target-history';
import type { MetricFilter } from '#core/metrics/metric-registry';
import type { Scale } from '#core/stats/scale';
import { AssistantTime } from '#core/time/assistant-time';
import type { Period } from '#core/time/calendar';
import type { Tx } from '#db/client';
import { assistants } from '#db/schema/assistants';
import { workspaces } from '#db/schema/workspaces';
import { AppError } from '#src/errors';
import { assistantDef } from '../assistants/assistant-record.ts';
import { writeAudit } from '../audit.ts';
import type { Actor, ServiceDeps } from '../service-context.ts';
import { listKpis, loadKpi, type NamedKpi, saveKpi } from './kpi-record.ts';

export interface KpiTermsInput {
  id?: string | undefined;
  assistant: string;
  name?: string | undefined;
  metric: KpiMetric;
  filter?: MetricFilter | undefined;
  direction: Direction;
  period?: Period | undefined;
  scale?: Scale | undefined;
}

export type KpiAdvice = Insight & InsightText;

export interface KpiChange {
  kpi: NamedKpi;
  /** The KPI this agreement replaced, now `replaced`. */
  replaced?: NamedKpi | null;
  /** `too_many` (SPEC §7) when more than five KPIs are proposed or active for the assistant. */
  advice: KpiAdvice | null;
}

/** The side of the agreement an actor speaks for: the assistant, or the manager (owners act as one). */
export function partyOf(actor: Actor): Party {
  return actor.role === 'assistant' ? 'assistant' : 'manager';
}

/** Reads (and with `lock`, locks) the assistant's row: the stamp's local date is in their zone. */
async function stampFor(
  deps: ServiceDeps,
  tx: Tx,
  actor: Actor,
  assistant: string,
  lock = false,
): Promise<Stamp> {
  const q = tx
    .select()
    .from(assistants)
    .where(and(eq(assistants.workspaceId, actor.workspaceId), eq(assistants.id, assistant)));
  const row = (lock ? await q.for('no key update') : await q)[0];
  if (!row) throw new AppError('not_found', `No assistant ${assistant}`);
  const now = deps.now();
  const time = new AssistantTime(assistantDef(row));
  return { by: partyOf(actor), at: new Date(now).toISOString(), today: localDate(now, time.zoneAt(now)) };
}

/** The workspace's active-KPI limit (setting `activeKpiLimit`, default 5, SPEC §5). */
export async function activeKpiLimit(tx: Tx, ws: string): Promise<number> {
  const row = (
    await tx.select({ settings: workspaces.settings }).from(workspaces).where(eq(workspaces.id, ws))
  )[0];
  const v = row?.settings.activeKpiLimit;
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : DEFAULT_ACTIVE_KPI_LIMIT;
}

function tooMany(assistant: string, all: readonly NamedKpi[]): KpiAdvice | null {
  const open = all.filter((k) => k.assistant === assistant && isOpen(k));
  if (open.length <= RECOMMENDED_MAX_KPIS) return null;
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
  return { ...insight, ...describeInsight(insight) };
}

function termsOf(input: KpiTermsInput, id: string): KpiTerms {
  const t: KpiTerms = { id, assistant: input.assistant, metric: input.metric, direction: input.direction };
  if (input.filter && Object.keys(input.filter).length > 0) t.filter = input.filter;
  if (input.period) t.period = input.period;
  if (input.scale) t.scale = input.scale;
  return t;
}

async function insertNew(
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
  return { kpi: k, advice: tooMany(k.assistant, await listKpis(tx, actor.workspaceId, k.assistant)) };
}

const newId = (): string => `k-${randomBytes(5).toString('hex')}`;

/** Either side proposes a KPI; the proposer's agreement is implied (SPEC §5). */
export async function proposeKpiUseCase(
  deps: ServiceDeps,
  actor: Actor,
  input: KpiTermsInput,
): Promise<KpiChange> {
  return deps.db.transaction(async (tx) => {
    const stamp = await stampFor(deps, tx, actor, input.assistant);
    const id = input.id ?? newId();
    const k: NamedKpi = { ...proposeKpi(termsOf(input, id), stamp), name: input.name ?? input.metric };
    return insertNew(deps, tx, actor, k, 'kpi.propose');
  });
}

/** Proposes a replacement of an active KPI; it takes over once both sides agree (SPEC §8). */
export async function replaceKpiUseCase(
  deps: ServiceDeps,
  actor: Actor,
  oldId: string,
  input: Omit<KpiTermsInput, 'assistant'>,
): Promise<KpiChange> {
  return deps.db.transaction(async (tx) => {
    const old = await loadKpi(tx, actor.workspaceId, oldId);
    const stamp = await stampFor(deps, tx, actor, old.assistant);
    const id = input.id ?? newId();
    const terms = termsOf({ ...input, assistant: old.assistant }, id);
    const k: NamedKpi = { ...proposeReplacement(old, terms, stamp), name: input.name ?? input.metric };
    return insertNew(deps, tx, actor, k, 'kpi.replace');
  });
}

/** Runs `change` on a stored KPI inside a transaction and writes it with its audit entry. */
async function changeKpi(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  action: string,
  change: (k: NamedKpi, stamp: Stamp, tx: Tx) => Promise<{ kpi: NamedKpi; replaced?: NamedKpi | null }>,
  lock = false,
): Promise<KpiChange> {
  return deps.db.transaction(async (tx) => {
    const before = await loadKpi(tx, actor.workspaceId, id);
    const stamp = await stampFor(deps, tx, actor, before.assistant, lock);
    // Re-read under the lock: a concurrent agreement may have changed it meanwhile.
    const current = lock ? await loadKpi(tx, actor.workspaceId, id) : before;
    const { kpi, replaced } = await change(current, stamp, tx);
    const now = new Date(deps.now());
    await saveKpi(tx, actor.workspaceId, kpi, now);
    if (replaced) await saveKpi(tx, actor.workspaceId, replaced, now);
    await writeAudit(tx, {
      workspaceId: actor.workspaceId,
      actor: actor.userId,
      action,
      target: id,
      before: current,
      after: kpi,
    });
    const all = await listKpis(tx, actor.workspaceId, kpi.assistant);
    return { kpi, replaced: replaced ?? null, advice: tooMany(kpi.assistant, all) };
  });
}

/** One side agrees; with both agreed the KPI is active and its baseline starts (SPEC §5). */
export function agreeKpiUseCase(deps: ServiceDeps, actor: Actor, id: string): Promise<KpiChange> {
  return changeKpi(
    deps,
    actor,
    id,
    'kpi.agree',
    async (k, stamp, tx) => {
      const others = await listKpis(tx, actor.workspaceId, k.assistant);
      const limit = await activeKpiLimit(tx, actor.workspaceId);
      const r = agreeKpi(k, stamp, { others, limit });
      const old = r.replaced && others.find((o) => o.id === r.replaced?.id);
      return {
        kpi: { ...r.kpi, name: k.name },
        replaced: r.replaced && old ? { ...r.replaced, name: old.name } : null,
      };
    },
    true,
  );
}

export type KpiAmendment = Partial<
  Pick<KpiTermsInput, 'name' | 'metric' | 'filter' | 'direction' | 'period' | 'scale'>
>;

/** Changes a proposal's terms; the other side is asked again. */
export function amendKpiUseCase(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  changes: KpiAmendment,
): Promise<KpiChange> {
  return changeKpi(deps, actor, id, 'kpi.amend', async (k, stamp) => {
    const { name, ...terms } = changes;
    const defined = Object.fromEntries(Object.entries(terms).filter(([, v]) => v !== undefined));
    return { kpi: { ...amendKpi(k, defined, stamp), name: name ?? k.name } };
  });
}

/** Retires an active KPI or withdraws a proposal. */
export function retireKpiUseCase(deps: ServiceDeps, actor: Actor, id: string): Promise<KpiChange> {
  return changeKpi(deps, actor, id, 'kpi.retire', async (k, stamp) => ({
    kpi: { ...retireKpi(k, stamp), name: k.name },
  }));
}

/** Sets a target from a local date (default today); refused during the baseline with its end date. */
export function setTargetUseCase(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  value: number,
  effectiveFrom?: string,
): Promise<KpiChange> {
  return changeKpi(deps, actor, id, 'kpi.target', async (k, stamp) => ({
    kpi: { ...setTarget(k, value, stamp, effectiveFrom ?? stamp.today), name: k.name },
  }));
}

/** Records a process change (a bucket label or a date): a new XmR phase starts there (SPEC §6). */
export function addProcessChangeUseCase(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  at: string,
): Promise<KpiChange> {
  return changeKpi(deps, actor, id, 'kpi.process_change', async (k) => {
    if (k.status === 'retired' || k.status === 'replaced')
      throw new AppError('conflict', `${k.id} is ${k.status}`, { kpi: k.id, status: k.status });
    const changes = [...new Set([...(k.processChanges ?? []), at])].sort();
    return { kpi: { ...k, processChanges: changes } };
  });
}

/** Proposes every KPI of a role template for an assistant (SPEC §8 week 1, §9). */
export async function proposeFromTemplate(
  deps: ServiceDeps,
  actor: Actor,
  assistant: string,
  role: RoleId,
): Promise<KpiChange[]> {
  const template = ROLE_TEMPLATES[role];
  return deps.db.transaction(async (tx) => {
    const stamp = await stampFor(deps, tx, actor, assistant);
    const out: KpiChange[] = [];
    const terms = templateKpiTerms(template, assistant, (key) => `${assistant}-${key}`);
    for (const [i, t] of terms.entries()) {
      const k: NamedKpi = { ...proposeKpi(t, stamp), name: template.kpis[i]?.name ?? t.metric };
      out.push(await insertNew(deps, tx, actor, k, 'kpi.propose'));
    }
    return out;
  });
}
