/**
 * A development plan's one-line summary (SPEC §8: the plan's progress and its KPI's movement since
 * it started, side by side), the same words on the screen, in the Markdown and in the PDF review.
 */
import { formatMetricValue } from './metric-format.ts';

export interface PlanSummaryInput {
  /** The KPI's metric, or quality_score for a rubric criterion; null without a subject. */
  metric: string | null;
  progress: { done: number; total: number };
  movement: {
    fromWeek: string | null;
    from: number | null;
    toWeek: string | null;
    to: number | null;
    target: number | null;
    improved: boolean | null;
  } | null;
}

export function planProgressText(p: PlanSummaryInput['progress']): string {
  return p.total === 0 ? 'no items yet' : `${p.done} of ${p.total} item${p.total === 1 ? '' : 's'} done`;
}

export function planMovementText(p: PlanSummaryInput): string {
  const m = p.movement;
  if (!m || p.metric === null) return 'no measure to follow';
  const f = (v: number | null) => formatMetricValue(p.metric as string, v);
  if (m.from === null) return `now ${f(m.to)}${m.toWeek ? ` (${m.toWeek})` : ''}, no value before the start`;
  const target = m.target === null ? '' : `, target ${f(m.target)}`;
  const word = m.improved === null ? 'unchanged or no newer value' : m.improved ? 'better' : 'not better yet';
  return `from ${f(m.from)} (${m.fromWeek}) to ${f(m.to)}${m.toWeek ? ` (${m.toWeek})` : ''}${target}: ${word}`;
}

/** "2 of 3 items done · from 72 % (2026-W44) to 81 % (2026-W48), target 90 %: better" (no arrow: the PDF's standard font has none). */
export function planSummary(p: PlanSummaryInput): string {
  return `${planProgressText(p.progress)} · ${planMovementText(p)}`;
}
