/**
 * goal_alignment (SPEC §4): month and quarter buckets only. A goal counts in the buckets that
 * contain its period's last day, when its status is not open: (met + ½·partially) / decided.
 * Goals are taken as given (no as-of instant).
 */
import { bucketDays, bucketLabelOfDay, type Period } from '../time/calendar.ts';
import { bucketAcc } from './metric-context.ts';
import type { GoalRow } from './prepared-event.ts';

export type GoalAlignmentResult = {
  value: number | null;
  met: number;
  partiallyMet: number;
  notMet: number;
};

/** The bucket a goal counts in for this period, or null (open goal, or a week period). */
export function classifyGoal(g: GoalRow, period: Period): string | null {
  if (period === 'week' || g.status === 'open') return null;
  return bucketLabelOfDay(bucketDays(g.period).last, period);
}

/** goal_alignment per month or quarter bucket; empty for weeks. */
export function goalAlignment(goals: readonly GoalRow[], period: Period): Map<string, GoalAlignmentResult> {
  const out = new Map<string, GoalAlignmentResult>();
  for (const g of goals) {
    const b = classifyGoal(g, period);
    if (b === null) continue;
    const acc = bucketAcc(out, b, () => ({ value: null, met: 0, partiallyMet: 0, notMet: 0 }));
    if (g.status === 'met') acc.met++;
    else if (g.status === 'partially_met') acc.partiallyMet++;
    else acc.notMet++;
  }
  for (const a of out.values())
    a.value = (a.met + 0.5 * a.partiallyMet) / (a.met + a.partiallyMet + a.notMet);
  return out;
}
