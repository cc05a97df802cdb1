/**
 * Skill gaps (SPEC §8 "Training and development"): a KPI or a rubric criterion below target for
 * 4 or more weeks running becomes a skill gap, which the manager, coach and assistant may turn into
 * a development plan. "Below" is the §5 status `below` (more than 5 % short of the target): a week
 * that is `near` is close enough not to call it a gap. Weeks are the assistant's complete ISO weeks
 * up to asOf (SPEC §2); a week without a value breaks the run, since no data is not a shortfall.
 */
import type { RatingEvent } from '../events/event-types.ts';
import type { AssistantTime } from '../time/assistant-time.ts';
import { bucketDays, bucketLabelOfDay, type Period } from '../time/calendar.ts';
import { parseInstant } from '../time/instant.ts';
import type { Direction } from './kpi-definition.ts';
import { type TargetStatus, targetStatus } from './target-status.ts';

export const SKILL_GAP_WEEKS = 4;

/**
 * The bar a rubric criterion is held to when the assistant has no active quality_score KPI with a
 * target: 4 of 5, "good" on the rubric's scale (the implementer's choice, docs/reviews.md).
 */
export const DEFAULT_RUBRIC_BAR = 4;

export interface GapWeek {
  /** ISO week label, `2026-W45`. */
  week: string;
  value: number | null;
  target: number | null;
  status: TargetStatus | null;
}

/** The trailing run of weeks below target when it is at least SKILL_GAP_WEEKS long, else null. */
export function belowRun(weeks: readonly GapWeek[]): GapWeek[] | null {
  let start = weeks.length;
  while (start > 0 && weeks[start - 1]?.status === 'below') start--;
  return weeks.length - start >= SKILL_GAP_WEEKS ? weeks.slice(start) : null;
}

/**
 * The complete weeks to judge, oldest first: the last `count` weeks whose end is at or before
 * asOf. The week holding asOf is still running and is left out.
 */
export function completeWeeks(time: AssistantTime, asOf: number, count: number): string[] {
  let label = time.bucketOf(asOf, 'week');
  const out: string[] = [];
  // Step back by one week at a time through its first day (week labels never skip).
  for (let guard = 0; out.length < count && guard < count + 2; guard++) {
    if (time.bucketBounds(label).end <= asOf) out.unshift(label);
    label = bucketLabelOfDay(bucketDays(label).first - 7, 'week');
  }
  return out;
}

/**
 * A weekly value's target from a target set per the KPI's own period: a rate or mean compares as
 * it is; a count target per month or quarter is brought to a week by days (as monthTargetValue
 * does the other way round).
 */
export function weeklyTarget(
  target: number | null,
  week: string,
  kpiPeriod: Period,
  counts: boolean,
): number | null {
  if (target === null || !counts || kpiPeriod === 'week') return target;
  const { first } = bucketDays(week);
  const own = bucketDays(bucketLabelOfDay(first, kpiPeriod));
  return (target * 7) / (own.last - own.first + 1);
}

/** Statuses of a series of weekly values against per-week targets. */
export function gapWeeks(
  weeks: readonly string[],
  value: (week: string) => number | null,
  target: (week: string) => number | null,
  direction: Direction,
): GapWeek[] {
  return weeks.map((week) => {
    const v = value(week);
    const t = target(week);
    return { week, value: v, target: t, status: targetStatus(v, t, direction) };
  });
}

/**
 * Each rubric criterion's mean score per week (SPEC §3 rating criteria), from ratings at or before
 * asOf and not excluded. A rating with only an overall score has no criteria and adds nothing here.
 */
export function criterionWeeklyMeans(
  ratings: readonly RatingEvent[],
  time: AssistantTime,
  asOf: number,
): Map<string, Map<string, number>> {
  const sums = new Map<string, Map<string, { sum: number; n: number }>>();
  for (const r of ratings) {
    if (r.excluded !== undefined || !r.criteria) continue;
    const ms = parseInstant(r.ratedAt);
    if (!(ms <= asOf)) continue;
    const week = time.bucketOf(ms, 'week');
    for (const [name, score] of Object.entries(r.criteria)) {
      let byWeek = sums.get(name);
      if (!byWeek) {
        byWeek = new Map();
        sums.set(name, byWeek);
      }
      const acc = byWeek.get(week);
      if (acc) {
        acc.sum += score;
        acc.n++;
      } else byWeek.set(week, { sum: score, n: 1 });
    }
  }
  const out = new Map<string, Map<string, number>>();
  for (const [name, byWeek] of sums)
    out.set(name, new Map([...byWeek].map(([w, { sum, n }]) => [w, sum / n])));
  return out;
}
