/** The local date of an instant in a zone: the "today" every KPI rule is counted in (SPEC §2, §5). */
import { formatDate, MS_PER_DAY, parseDate } from '../time/calendar.ts';
import { offsetAt } from '../time/zone-offset.ts';

/** `YYYY-MM-DD` of an instant (epoch ms) in an IANA zone. */
export function localDate(ms: number, zone: string): string {
  return formatDate(Math.floor((ms + offsetAt(zone, ms)) / MS_PER_DAY));
}

/** A local date moved by whole days. Throws on a malformed date. */
export function addDays(date: string, days: number): string {
  const d = parseDate(date);
  if (d === null) throw new RangeError(`not a date: ${date}`);
  return formatDate(d + days);
}

/** Whole days from `a` to `b` (b − a). */
export function daysBetween(a: string, b: string): number {
  const x = parseDate(a);
  const y = parseDate(b);
  if (x === null || y === null) throw new RangeError(`not a date: ${x === null ? a : b}`);
  return y - x;
}
