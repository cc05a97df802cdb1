/**
 * Target agreement (SPEC §5): at the baseline's end a target is something "both sides then agree
 * or change". One side proposes a value with the date it applies from; the other side agrees, or
 * proposes a different value, which then needs the first side's agreement. Only an agreed target
 * enters the target history (target-history.ts).
 */
import { AppError } from '../../errors.ts';
import type { Stamp } from './agreement.ts';
import { assertTargetAllowed } from './baseline.ts';
import type { Kpi, Party } from './kpi.ts';
import { setTarget } from './target-history.ts';

export interface TargetProposalResult {
  kpi: Kpi;
  /** True when the proposal matched the other side's pending one, so it was agreed. */
  agreed: boolean;
}

const other = (p: Party): Party => (p === 'manager' ? 'assistant' : 'manager');

function assertActive(kpi: Kpi): void {
  if (kpi.status !== 'active')
    throw new AppError('conflict', `A target is agreed on an active KPI; ${kpi.id} is ${kpi.status}`, {
      kpi: kpi.id,
      status: kpi.status,
    });
}

/** One side agrees to the other side's pending target: it enters the history from its date. */
export function agreeTarget(kpi: Kpi, stamp: Stamp): Kpi {
  assertActive(kpi);
  const pending = kpi.pendingTarget;
  if (pending === undefined)
    throw new AppError('conflict', `No target is waiting for agreement on ${kpi.id}`, { kpi: kpi.id });
  if (pending.proposedBy === stamp.by)
    throw new AppError(
      'conflict',
      `The ${stamp.by} proposed this target; waiting for the ${other(stamp.by)}`,
      { kpi: kpi.id, waitingFor: other(stamp.by) },
    );
  // The history records who proposed the value; the instant is when it was agreed.
  const agreed = setTarget(kpi, pending.value, { ...stamp, by: pending.proposedBy }, pending.effectiveFrom);
  const { pendingTarget: _done, ...rest } = agreed;
  return rest;
}

/**
 * One side proposes a target from `effectiveFrom` (default today). It replaces any pending
 * proposal (a counter-proposal now waits for the first side); the same value and date as the
 * other side's pending proposal is an agreement.
 */
export function proposeTarget(
  kpi: Kpi,
  value: number,
  stamp: Stamp,
  effectiveFrom: string = stamp.today,
): TargetProposalResult {
  assertActive(kpi);
  if (!Number.isFinite(value))
    throw new AppError('validation_failed', 'A target is a number', { kpi: kpi.id });
  assertTargetAllowed(kpi, stamp.today);
  assertTargetAllowed(kpi, effectiveFrom);
  const pending = kpi.pendingTarget;
  if (
    pending !== undefined &&
    pending.proposedBy !== stamp.by &&
    pending.value === value &&
    pending.effectiveFrom === effectiveFrom
  )
    return { kpi: agreeTarget(kpi, stamp), agreed: true };
  return {
    kpi: { ...kpi, pendingTarget: { value, effectiveFrom, proposedBy: stamp.by, proposedAt: stamp.at } },
    agreed: false,
  };
}

/** Withdraws a side's own pending target proposal. */
export function withdrawTarget(kpi: Kpi, stamp: Stamp): Kpi {
  const pending = kpi.pendingTarget;
  if (pending === undefined || pending.proposedBy !== stamp.by)
    throw new AppError('conflict', `The ${stamp.by} has no target proposal on ${kpi.id} to withdraw`, {
      kpi: kpi.id,
    });
  const { pendingTarget: _gone, ...rest } = kpi;
  return rest;
}
