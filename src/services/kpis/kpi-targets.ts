/**
 * Target agreement as use cases (SPEC §5: at the baseline's end the suggested target is something
 * "both sides then agree or change"): one side proposes a value from a date, the other agrees or
 * proposes a different one, and only an agreed target enters the history. Each step is audited
 * and runs under the assistant's row lock like every KPI write (kpi-change.ts).
 */

import type { Stamp } from '#core/kpis/agreement';
import { agreeTarget, proposeTarget, withdrawTarget } from '#core/kpis/target-agreement';
import type { Actor, ServiceDeps } from '../service-context.ts';
import { type ChangeResult, changeKpi, type KpiChange } from './kpi-change.ts';
import type { NamedKpi } from './kpi-record.ts';

/**
 * Proposes a target from a local date (default today); refused during the baseline with its end
 * date. The same value and date as the other side's pending proposal is an agreement.
 */
export function proposeTargetUseCase(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  value: number,
  effectiveFrom?: string,
): Promise<KpiChange> {
  return changeKpi(deps, actor, id, 'kpi.target_propose', targetProposal(value, effectiveFrom));
}

/** The change that proposes a target (for changeKpi / changeKpiIn). */
export function targetProposal(value: number, effectiveFrom?: string) {
  return (k: NamedKpi, stamp: Stamp): ChangeResult => {
    const r = proposeTarget(k, value, stamp, effectiveFrom ?? stamp.today);
    return { kpi: { ...r.kpi, name: k.name }, ...(r.agreed ? { action: 'kpi.target_agree' } : {}) };
  };
}

/** The other side agrees to the pending target: it enters the target history. */
export function agreeTargetUseCase(deps: ServiceDeps, actor: Actor, id: string): Promise<KpiChange> {
  return changeKpi(deps, actor, id, 'kpi.target_agree', (k, stamp) => ({
    kpi: { ...agreeTarget(k, stamp), name: k.name },
  }));
}

/** The proposing side withdraws its pending target. */
export function withdrawTargetUseCase(deps: ServiceDeps, actor: Actor, id: string): Promise<KpiChange> {
  return changeKpi(deps, actor, id, 'kpi.target_withdraw', (k, stamp) => ({
    kpi: { ...withdrawTarget(k, stamp), name: k.name },
  }));
}
