/**
 * The KPI lifecycle as use cases (SPEC §5, docs/kpis.md): propose, amend, agree, retire, replace,
 * record a process change, propose a role template's KPIs. The state changes are core's
 * (src/core/kpis); each use case writes the KPI and its audit entry in one transaction, under the
 * assistant's row lock (kpi-change.ts), so the active-KPI limit holds under concurrent agreements
 * (issue 6 §5) and no write overwrites another. Targets are agreed in kpi-targets.ts.
 */
import {
  agreeKpi,
  amendKpi,
  type KpiTerms,
  proposeKpi,
  proposeReplacement,
  retireKpi,
  type Stamp,
} from '#core/kpis/agreement';
import { assertProcessChange, type Direction, type KpiMetric } from '#core/kpis/kpi-definition';
import { assertManualLabels } from '#core/kpis/manual-values';
import { ROLE_TEMPLATES, type RoleId } from '#core/kpis/role-templates';
import type { MetricFilter } from '#core/metrics/metric-registry';
import { changeBucket } from '#core/stats/phases';
import type { Scale } from '#core/stats/scale';
import type { Period } from '#core/time/calendar';
import type { Tx } from '#db/client';
import { AppError } from '#src/errors';
import { loadComputeData } from '../metrics/load-compute-data.ts';
import type { Actor, ServiceDeps } from '../service-context.ts';
import { workspaceSettings } from '../workspaces/workspace-settings.ts';
import { type ChangeResult, changeKpi, insertKpi, type KpiChange, lockAndStamp } from './kpi-change.ts';
import { listKpis, loadKpi, type NamedKpi } from './kpi-record.ts';
import { newKpiId, proposeTemplateKpis, type TemplateProposal } from './propose-template-kpis.ts';

export type { KpiAdvice, KpiChange } from './kpi-change.ts';
export { partyOf } from './kpi-change.ts';

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

function termsOf(input: KpiTermsInput, id: string): KpiTerms {
  const t: KpiTerms = { id, assistant: input.assistant, metric: input.metric, direction: input.direction };
  if (input.filter && Object.keys(input.filter).length > 0) t.filter = input.filter;
  if (input.period) t.period = input.period;
  if (input.scale) t.scale = input.scale;
  return t;
}

/**
 * A manual KPI's values already stored must be labelled with its period (SPEC §4 manual): checked
 * when the KPI is proposed under an id that has values, or its period or metric changes.
 */
async function assertStoredManualLabels(tx: Tx, ws: string, k: NamedKpi): Promise<void> {
  if (k.metric !== 'manual') return;
  const data = await loadComputeData(tx, ws, [k.assistant]);
  assertManualLabels(data.rows, k);
}

/** Either side proposes a KPI; the proposer's agreement is implied (SPEC §5). */
export async function proposeKpiUseCase(
  deps: ServiceDeps,
  actor: Actor,
  input: KpiTermsInput,
): Promise<KpiChange> {
  return deps.db.transaction((tx) => proposeKpiIn(deps, tx, actor, input));
}

/** proposeKpiUseCase inside the caller's transaction. */
export async function proposeKpiIn(
  deps: ServiceDeps,
  tx: Tx,
  actor: Actor,
  input: KpiTermsInput,
): Promise<KpiChange> {
  const stamp = await lockAndStamp(deps, tx, actor, input.assistant);
  const id = input.id ?? newKpiId();
  const k: NamedKpi = { ...proposeKpi(termsOf(input, id), stamp), name: input.name ?? input.metric };
  await assertStoredManualLabels(tx, actor.workspaceId, k);
  return insertKpi(deps, tx, actor, k, 'kpi.propose');
}

/** Proposes a replacement of an active KPI; it takes over once both sides agree (SPEC §8). */
export async function replaceKpiUseCase(
  deps: ServiceDeps,
  actor: Actor,
  oldId: string,
  input: Omit<KpiTermsInput, 'assistant'>,
): Promise<KpiChange> {
  return deps.db.transaction((tx) => replaceKpiIn(deps, tx, actor, oldId, input));
}

/** replaceKpiUseCase inside the caller's transaction. */
export async function replaceKpiIn(
  deps: ServiceDeps,
  tx: Tx,
  actor: Actor,
  oldId: string,
  input: Omit<KpiTermsInput, 'assistant'>,
): Promise<KpiChange> {
  const { assistant } = await loadKpi(tx, actor.workspaceId, oldId);
  const stamp = await lockAndStamp(deps, tx, actor, assistant);
  const old = await loadKpi(tx, actor.workspaceId, oldId);
  const id = input.id ?? newKpiId();
  const terms = termsOf({ ...input, assistant: old.assistant }, id);
  const k: NamedKpi = { ...proposeReplacement(old, terms, stamp), name: input.name ?? input.metric };
  await assertStoredManualLabels(tx, actor.workspaceId, k);
  return insertKpi(deps, tx, actor, k, 'kpi.replace');
}

/** One side agrees; with both agreed the KPI is active and its baseline starts (SPEC §5). */
export function agreeKpiUseCase(deps: ServiceDeps, actor: Actor, id: string): Promise<KpiChange> {
  return changeKpi(deps, actor, id, 'kpi.agree', async (k, stamp, tx) => {
    const others = await listKpis(tx, actor.workspaceId, k.assistant);
    const { activeKpiLimit: limit } = await workspaceSettings(tx, actor.workspaceId);
    const r = agreeKpi(k, stamp, { others, limit });
    const old = r.replaced && others.find((o) => o.id === r.replaced?.id);
    return {
      kpi: { ...r.kpi, name: k.name },
      replaced: r.replaced && old ? { ...r.replaced, name: old.name } : null,
    };
  });
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
  return changeKpi(deps, actor, id, 'kpi.amend', async (k, stamp, tx) => {
    const { name, ...terms } = changes;
    const defined = Object.fromEntries(Object.entries(terms).filter(([, v]) => v !== undefined));
    const kpi: NamedKpi = { ...amendKpi(k, defined, stamp), name: name ?? k.name };
    await assertStoredManualLabels(tx, actor.workspaceId, kpi);
    return { kpi, termsChanged: true };
  });
}

/** Retires an active KPI or withdraws a proposal. */
export function retireKpiUseCase(deps: ServiceDeps, actor: Actor, id: string): Promise<KpiChange> {
  return changeKpi(deps, actor, id, 'kpi.retire', retireChange);
}

/** The change that retires a KPI (for changeKpi / changeKpiIn). */
export const retireChange = (k: NamedKpi, stamp: Stamp): ChangeResult => ({
  kpi: { ...retireKpi(k, stamp), name: k.name },
});

/**
 * Records a process change (a bucket label or a local date): a new XmR phase starts there (SPEC §6).
 * A week label on a monthly or quarterly KPI is refused: the week may straddle two of its buckets.
 */
export function addProcessChangeUseCase(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  at: string,
): Promise<KpiChange> {
  return changeKpi(deps, actor, id, 'kpi.process_change', (k) => {
    if (k.status === 'retired' || k.status === 'replaced')
      throw new AppError('conflict', `${k.id} is ${k.status}`, { kpi: k.id, status: k.status });
    assertProcessChange(k, at);
    // Refuses what is neither a bucket label nor a date (2026-W60, 2026-13).
    changeBucket(at, 'week');
    const changes = [...new Set([...(k.processChanges ?? []), at])].sort();
    return { kpi: { ...k, processChanges: changes } };
  });
}

/** Proposes a role template's KPIs for an assistant, skipping those already open (SPEC §8 week 1, §9). */
export async function proposeFromTemplate(
  deps: ServiceDeps,
  actor: Actor,
  assistant: string,
  role: RoleId,
): Promise<TemplateProposal> {
  return deps.db.transaction((tx) => proposeTemplateKpis(deps, tx, actor, assistant, ROLE_TEMPLATES[role]));
}
