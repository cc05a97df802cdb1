import { bucketLabelOfDay, parseDate } from '#core/time/calendar';

/** The ISO week label (`2026-W49`) of an instant on the wall calendar of `zone` (SPEC §2). */
export function weekOf(at: Date, zone: string): string {
  const local = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
  const day = parseDate(local);
  if (day === null) throw new Error(`weekOf: unexpected local date ${local}`);
  return bucketLabelOfDay(day, 'week');
}
