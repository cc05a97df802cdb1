/**
 * review_due (SPEC §7, §8): the biweekly check-in, the monthly review and the quarterly relevance
 * review, each counted from the agreement date: the first time both sides agreed any KPI of the
 * assistant, including KPIs since retired or replaced (the working relationship, not one KPI,
 * sets the cadence). A review is due from its date until one of that kind is held; `reviews`
 * carries the last one held of each kind, so the insight clears once reviews are recorded.
 */
import { addDays, daysBetween } from '../kpis/local-date.ts';
import { formatDate, parseDate } from '../time/calendar.ts';
import type { InsightRule, ReviewKind } from './insight.ts';

/** The date `months` calendar months after `date`, the day clamped to the month's length. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const first = parseDate(`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`) as number;
  const nextFirst = parseDate(
    month === 12
      ? `${String(year + 1).padStart(4, '0')}-01-01`
      : `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-01`,
  ) as number;
  return formatDate(first + Math.min(d, nextFirst - first) - 1);
}

/** The latest due date of a cadence on or before `today`, or null before the first one. */
export function lastDueDate(kind: ReviewKind, agreedOn: string, today: string): string | null {
  if (kind === 'check_in') {
    const n = Math.floor(daysBetween(agreedOn, today) / 14);
    return n >= 1 ? addDays(agreedOn, n * 14) : null;
  }
  const step = kind === 'monthly_review' ? 1 : 3;
  let due: string | null = null;
  for (let k = step; ; k += step) {
    const d = addMonths(agreedOn, k);
    if (d > today) return due;
    due = d;
  }
}

const KINDS: readonly ReviewKind[] = ['check_in', 'monthly_review', 'quarterly_review'];

/** One insight per kind of review that is due and not yet held. */
export const reviewDueRule: InsightRule = (input) => {
  // Only KPIs that were ever activated have a start date (the local date of their agreement).
  const dates = input.kpis.flatMap((k) => (k.startDate === undefined ? [] : [k.startDate])).sort();
  const agreedOn = dates[0];
  // Nothing agreed yet, or every KPI retired: no cadence to keep.
  if (agreedOn === undefined || !input.kpis.some((k) => k.status === 'active')) return [];
  return KINDS.flatMap((kind) => {
    const dueOn = lastDueDate(kind, agreedOn, input.today);
    const lastHeld = input.reviews[kind] ?? null;
    if (dueOn === null || (lastHeld !== null && lastHeld >= dueOn)) return [];
    return [
      {
        id: 'review_due' as const,
        severity: 'info' as const,
        assistant: input.assistant,
        data: { kind, dueOn, agreedOn, lastHeld },
      },
    ];
  });
};
