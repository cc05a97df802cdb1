/**
 * A KPI through its life (SPEC §5): proposed by the manager or the assistant, active only once
 * both have agreed, then retired or replaced. Plain data: persistence and the audit log live in
 * services; the functions in this folder only compute the next state.
 */
import type { KpiDefinition } from './kpi-definition.ts';

export type KpiStatus = 'proposed' | 'active' | 'retired' | 'replaced';
/** The two sides that co-create a KPI (SPEC §5). */
export type Party = 'manager' | 'assistant';
export const PARTIES: readonly Party[] = ['manager', 'assistant'];

/** One agreed target and the local date from which it applies. */
export interface TargetEntry {
  value: number;
  /** Local date (`YYYY-MM-DD`, the assistant's zone) from which the target is in force. */
  effectiveFrom: string;
  /** Instant it was set. */
  setAt: string;
  setBy: Party;
}

/** A target one side proposed and the other has not agreed yet (SPEC §5: "both sides then agree or change"). */
export interface PendingTarget {
  value: number;
  /** Local date from which it would be in force. */
  effectiveFrom: string;
  proposedBy: Party;
  /** Instant it was proposed. */
  proposedAt: string;
}

export interface Kpi extends Omit<KpiDefinition, 'target'> {
  status: KpiStatus;
  proposedBy: Party;
  proposedAt: string;
  /** Instant each side agreed to the current terms; both present means active. */
  agreed: Partial<Record<Party, string>>;
  /** Instant the second side agreed (the agreement date, SPEC §8 cadence counts from it). */
  agreedAt?: string;
  /** Local date the KPI started: the 14-day baseline runs from it (SPEC §5). */
  startDate?: string;
  /** Target history, oldest first; empty until one is agreed after the baseline. */
  targets: TargetEntry[];
  /** A proposed target awaiting the other side; it enters `targets` only once agreed. */
  pendingTarget?: PendingTarget;
  retiredAt?: string;
  /** The KPI that replaced this one. */
  replacedBy?: string;
  /** The KPI this one replaces. */
  replaces?: string;
}

/** The current target value of a KPI on a local date, or null. */
export function targetOn(kpi: Pick<Kpi, 'targets'>, date: string): number | null {
  let value: number | null = null;
  for (const t of kpi.targets) if (t.effectiveFrom <= date) value = t.value;
  return value;
}

/** True when the KPI counts as chosen for focus: proposed or active (SPEC §7 too_many). */
export function isOpen(kpi: Pick<Kpi, 'status'>): boolean {
  return kpi.status === 'proposed' || kpi.status === 'active';
}
