/**
 * The range a report covers (SPEC §8 "for any date range"). Every metric is counted in SPEC §2
 * buckets, so a range is widened to whole periods — `from` back to the start of its week, month or
 * quarter, `to` forward to the end of its own — and the value over it pools exactly the events of
 * those buckets (SPEC §4). The previous range is the same number of periods right before it.
 */

import {
  bucketDays,
  bucketLabelOfDay,
  formatDate,
  labelsBetween,
  type Period,
  parseDate,
} from '#core/time/calendar';
import { AppError } from '#src/errors';

/** A run of whole periods: first and last local day (day numbers) and their labels. */
export interface PeriodRange {
  first: number;
  last: number;
  labels: string[];
}

/** The longest range a report takes: ten years of weeks is 520 points on a chart, enough. */
export const MAX_RANGE_DAYS = 3660;

const invalid = (path: string, message: string): AppError =>
  new AppError('validation_failed', `${path}: ${message}`, { issues: [{ path, message }] });

/** Reports cover the years people work in; the calendar's labels stop at four-digit years. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 9998;

function day(path: string, s: string): number {
  const d = parseDate(s);
  if (d === null) throw invalid(path, 'not a calendar date (YYYY-MM-DD)');
  const year = Number(s.slice(0, 4));
  if (year < FIRST_YEAR || year > LAST_YEAR) throw invalid(path, `a date from ${FIRST_YEAR} to ${LAST_YEAR}`);
  return d;
}

/** The whole periods holding `from`…`to`, and as many periods right before them. */
export function reportRange(
  from: string,
  to: string,
  period: Period,
): { range: PeriodRange; previous: PeriodRange } {
  const a = day('query.from', from);
  const b = day('query.to', to);
  if (a > b) throw invalid('query.from', 'is after query.to');
  if (b - a + 1 > MAX_RANGE_DAYS) throw invalid('query.to', `a range is at most ${MAX_RANGE_DAYS} days`);
  const labels = labelsBetween(bucketLabelOfDay(a, period), bucketLabelOfDay(b, period));
  const range = runOf(labels);
  const before: string[] = [];
  let cur = range.first;
  for (let i = 0; i < labels.length; i++) {
    const label = bucketLabelOfDay(cur - 1, period);
    before.unshift(label);
    cur = bucketDays(label).first;
  }
  return { range, previous: runOf(before) };
}

function runOf(labels: string[]): PeriodRange {
  return {
    first: bucketDays(labels[0] as string).first,
    last: bucketDays(labels.at(-1) as string).last,
    labels,
  };
}

/** The range as local dates, for people and the API. */
export function rangeDates(r: PeriodRange): { from: string; to: string; periods: string[] } {
  return { from: formatDate(r.first), to: formatDate(r.last), periods: [...r.labels] };
}

/**
 * The months whose last day lies in the range: goal_alignment counts a goal in the bucket holding
 * its period's last day (SPEC §4), and goals end on a month's last day, so these months hold
 * exactly the goals of the range, even when the range is made of weeks.
 */
export function monthsEndingIn(r: PeriodRange): string[] {
  const out: string[] = [];
  for (const m of labelsBetween(bucketLabelOfDay(r.first, 'month'), bucketLabelOfDay(r.last, 'month')))
    if (bucketDays(m).last <= r.last && bucketDays(m).last >= r.first) out.push(m);
  return out;
}

/**
 * How many of a KPI's own periods the range spans (each period counted by the share of its days
 * inside): a count KPI's target is a count per its period (SPEC §5), so a range's count is divided
 * by this to be read against it — four weeks hold 4 weekly periods, 28 days of a 30-day month 0.93.
 */
export function kpiPeriodsIn(first: number, last: number, kpiPeriod: Period): number {
  let n = 0;
  for (const label of labelsBetween(bucketLabelOfDay(first, kpiPeriod), bucketLabelOfDay(last, kpiPeriod))) {
    const b = bucketDays(label);
    const inside = Math.min(b.last, last) - Math.max(b.first, first) + 1;
    n += inside / (b.last - b.first + 1);
  }
  return n;
}
