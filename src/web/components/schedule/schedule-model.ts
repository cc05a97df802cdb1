/**
 * The working schedule as the API holds it (SPEC §2): per weekday key, local `[start, end)`
 * intervals; an end at or before the start runs past midnight into the next day.
 */
import type { Assistant } from '#shared/api-schemas';

export type WeeklySchedule = NonNullable<Assistant['schedule']>;
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export type Interval = [string, string];

export const WEEKDAYS: ReadonlyArray<{ key: Weekday; label: string; short: string }> = [
  { key: 'mon', label: 'Monday', short: 'Mon' },
  { key: 'tue', label: 'Tuesday', short: 'Tue' },
  { key: 'wed', label: 'Wednesday', short: 'Wed' },
  { key: 'thu', label: 'Thursday', short: 'Thu' },
  { key: 'fri', label: 'Friday', short: 'Fri' },
  { key: 'sat', label: 'Saturday', short: 'Sat' },
  { key: 'sun', label: 'Sunday', short: 'Sun' },
];

/** SPEC §2's default when no schedule is given: Mon–Fri 09:00–17:00. */
export function defaultSchedule(): WeeklySchedule {
  const day: Interval[] = [['09:00', '17:00']];
  return { mon: day, tue: day, wed: day, thu: day, fri: day };
}

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** Length of one interval in minutes; an end at or before the start runs past midnight. */
export function intervalMinutes([start, end]: Interval): number {
  const a = minutes(start);
  const b = end === '24:00' ? 1440 : minutes(end);
  return b > a ? b - a : 1440 - a + b;
}

/** Scheduled hours per week (overlaps on a day are not merged here; the engine merges them). */
export function weeklyHours(schedule: WeeklySchedule): number {
  let total = 0;
  for (const { key } of WEEKDAYS) for (const iv of schedule[key] ?? []) total += intervalMinutes(iv);
  return total / 60;
}

/** Problems a person can fix in the editor: malformed or zero-length intervals. */
export function scheduleProblems(schedule: WeeklySchedule): string[] {
  const out: string[] = [];
  for (const { key, label } of WEEKDAYS) {
    for (const [start, end] of schedule[key] ?? []) {
      if (!/^\d{2}:\d{2}$/.test(start) || !/^(\d{2}:\d{2})$/.test(end))
        out.push(`${label}: enter both times.`);
      else if (start === end) out.push(`${label}: ${start}–${end} has no length.`);
    }
  }
  return out;
}
