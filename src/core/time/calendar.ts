/**
 * Pure calendar arithmetic on day numbers (days since 1970-01-01, proleptic Gregorian), with the
 * bucket labels of SPEC §2: ISO week `2026-W47` (ISO week-year), month `2026-11`, quarter `2026-Q4`.
 * No time zones here: a local date is a day number; zones live in zone-offset.ts.
 */

export type Period = 'week' | 'month' | 'quarter';
export const PERIODS: readonly Period[] = ['week', 'month', 'quarter'];

const MS_PER_DAY = 86_400_000;

export { MS_PER_DAY };

/** Day number of a civil date (Howard Hinnant's days_from_civil). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Civil date of a day number. */
export function civilFromDays(z: number): { y: number; m: number; d: number } {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: number): number {
  // 1970-01-01 was a Thursday (4).
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function pad4(n: number): string {
  if (n >= 1000) return String(n);
  return String(n).padStart(4, '0');
}

/** `YYYY-MM-DD` of a day number. */
export function formatDate(day: number): string {
  const { y, m, d } = civilFromDays(day);
  return `${pad4(y)}-${pad2(m)}-${pad2(d)}`;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** Day number of a `YYYY-MM-DD` local date, or null when it is not a valid calendar date. */
export function parseDate(s: string): number | null {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return null;
  const y = digits(s, 0, 4);
  const m = digits(s, 5, 7);
  const d = digits(s, 8, 10);
  // Year 1 at the earliest, as for instants (instant.ts): a bucket label's year has four digits.
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return daysFromCivil(y, m, d);
}

/** ISO week-year and week number of a day. */
export function isoWeek(day: number): { year: number; week: number } {
  const wd = isoWeekday(day);
  const thursday = day - wd + 4;
  const { y } = civilFromDays(thursday);
  const jan1 = daysFromCivil(y, 1, 1);
  return { year: y, week: Math.floor((thursday - jan1) / 7) + 1 };
}

// Labels memoized per day: compute asks for the same few hundred days a million times.
const LABEL_CACHE: Record<Period, Map<number, string>> = {
  week: new Map(),
  month: new Map(),
  quarter: new Map(),
};

/** Bucket label of a local date for a period (SPEC §2). */
export function bucketLabelOfDay(day: number, period: Period): string {
  const cache = LABEL_CACHE[period];
  let label = cache.get(day);
  if (label === undefined) {
    label = computeLabel(day, period);
    if (cache.size >= 50_000) cache.clear();
    cache.set(day, label);
  }
  return label;
}

function computeLabel(day: number, period: Period): string {
  if (period === 'week') {
    const { year, week } = isoWeek(day);
    return `${pad4(year)}-W${pad2(week)}`;
  }
  const { y, m } = civilFromDays(day);
  if (period === 'month') return `${pad4(y)}-${pad2(m)}`;
  return `${pad4(y)}-Q${Math.floor((m - 1) / 3) + 1}`;
}

const WEEK_RE = /^(\d{4})-W(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;
const QUARTER_RE = /^(\d{4})-Q([1-4])$/;

/** Number of ISO weeks in an ISO week-year (52 or 53). */
export function isoWeeksInYear(year: number): number {
  return isoWeek(daysFromCivil(year, 12, 28)).week;
}

/** Which period a bucket label is, or null if it is not a label. */
export function periodOfLabel(label: string): Period | null {
  const w = WEEK_RE.exec(label);
  if (w) {
    const week = Number(w[2]);
    return week >= 1 && week <= isoWeeksInYear(Number(w[1])) ? 'week' : null;
  }
  const m = MONTH_RE.exec(label);
  if (m) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? 'month' : null;
  }
  return QUARTER_RE.test(label) ? 'quarter' : null;
}

/** First and last local day (inclusive) of a bucket label. Throws on a malformed label. */
export function bucketDays(label: string): { first: number; last: number; period: Period } {
  const w = WEEK_RE.exec(label);
  if (w) {
    const year = Number(w[1]);
    const week = Number(w[2]);
    const jan4 = daysFromCivil(year, 1, 4);
    const week1Monday = jan4 - isoWeekday(jan4) + 1;
    const first = week1Monday + (week - 1) * 7;
    return { first, last: first + 6, period: 'week' };
  }
  const m = MONTH_RE.exec(label);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const first = daysFromCivil(y, mo, 1);
    return { first, last: first + daysInMonth(y, mo) - 1, period: 'month' };
  }
  const q = QUARTER_RE.exec(label);
  if (q) {
    const y = Number(q[1]);
    const startMonth = (Number(q[2]) - 1) * 3 + 1;
    const first = daysFromCivil(y, startMonth, 1);
    const last =
      daysFromCivil(startMonth + 3 > 12 ? y + 1 : y, startMonth + 3 > 12 ? 1 : startMonth + 3, 1) - 1;
    return { first, last, period: 'quarter' };
  }
  throw new RangeError(`not a bucket label: ${label}`);
}

/** The label of the bucket right after this one. */
export function nextBucketLabel(label: string): string {
  const { last, period } = bucketDays(label);
  return bucketLabelOfDay(last + 1, period);
}

/** Every label from `from` to `to` inclusive (same period), in order. */
export function labelsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  const end = bucketDays(to).first;
  let cur = from;
  while (bucketDays(cur).first <= end) {
    out.push(cur);
    cur = nextBucketLabel(cur);
  }
  return out;
}

/** Minutes after local midnight of `"HH:MM"`; `"24:00"` is 1440. Null when malformed. */
export function parseClock(s: string): number | null {
  if (s.length !== 5 || s.charCodeAt(2) !== 58) return null;
  const h = digits(s, 0, 2);
  const m = digits(s, 3, 5);
  if (h < 0 || m < 0 || m > 59) return null;
  if (h === 24 && m === 0) return 1440;
  if (h > 23) return null;
  return h * 60 + m;
}
