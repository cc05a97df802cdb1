/**
 * A role template's KPIs proposed for an assistant (SPEC §8 week 1, §9: "creating an assistant
 * from a template proposes its KPIs"). Idempotent: a suggestion whose metric and filter the
 * assistant already has proposed or active is skipped, so proposing the same template twice, or
 * after choosing some of its KPIs by hand, never makes duplicates.
 */
import { randomBytes } from 'node:crypto';
import { proposeKpi } from '#core/kpis/agreement';
import { isOpen } from '#core/kpis/kpi';
import { measureKey } from '#core/kpis/kpi-definition';
import { type RoleTemplate, templateKpiTerms } from '#core/kpis/role-templates';
import type { Tx } from '#db/client';
import type { Actor, ServiceDeps } from '../service-context.ts';
import { insertKpi, type KpiChange, lockAndStamp } from './kpi-change.ts';
import { listKpis, type NamedKpi } from './kpi-record.ts';

/** A fresh KPI id. */
export const newKpiId = (): string => `k-${randomBytes(5).toString('hex')}`;

export interface TemplateProposal {
  /** The KPIs proposed now, in the template's order. */
  proposed: KpiChange[];
  /** The template's suggestions skipped because an open KPI already measures the same. */
  skipped: { key: string; kpi: string }[];
}

/** Proposes the template's KPIs by the actor's side inside the caller's transaction, each audited. */
export async function proposeTemplateKpis(
  deps: ServiceDeps,
  tx: Tx,
  actor: Actor,
  assistant: string,
  template: RoleTemplate,
): Promise<TemplateProposal> {
  const stamp = await lockAndStamp(deps, tx, actor, assistant);
  const open = new Map<string, string>();
  for (const k of await listKpis(tx, actor.workspaceId, assistant))
    if (isOpen(k) && !open.has(measureKey(k))) open.set(measureKey(k), k.id);
  const out: TemplateProposal = { proposed: [], skipped: [] };
  // One id stem per batch and the template position after it: proposed in the same instant, the
  // KPIs still list (by proposal time, then id) in the template's order.
  const stem = newKpiId();
  const terms = templateKpiTerms(
    template,
    assistant,
    (key) => `${stem}-${template.kpis.findIndex((k) => k.key === key) + 1}`,
  );
  for (const [i, t] of terms.entries()) {
    const key = template.kpis[i]?.key ?? t.metric;
    const existing = open.get(measureKey(t));
    if (existing !== undefined) {
      out.skipped.push({ key, kpi: existing });
      continue;
    }
    const k: NamedKpi = { ...proposeKpi(t, stamp), name: template.kpis[i]?.name ?? t.metric };
    out.proposed.push(await insertKpi(deps, tx, actor, k, 'kpi.propose'));
    open.set(measureKey(k), k.id);
  }
  return out;
}
