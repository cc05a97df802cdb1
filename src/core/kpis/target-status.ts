/**
 * Target status per bucket (SPEC §5): met, near (within 5 % of the target, relative) or below,
 * in the KPI's better direction.
 */
import type { Direction } from './kpi-definition.ts';

export type TargetStatus = 'met' | 'near' | 'below';

export const NEAR_SHARE = 0.05;

/** The status of a value against a target; null when either is missing. */
export function targetStatus(
  value: number | null,
  target: number | null,
  direction: Direction,
): TargetStatus | null {
  if (value === null || target === null) return null;
  const gap = direction === 'higher' ? target - value : value - target;
  if (gap <= 0) return 'met';
  // The tolerance absorbs rounding, so 0.855 against 0.9 is near however it was computed.
  return gap <= NEAR_SHARE * Math.abs(target) + 1e-12 * Math.max(1, Math.abs(target)) ? 'near' : 'below';
}
