/** Wall-clock times in a named zone turned into instants, with Intl only (no time library). */

function offsetMinutes(utcMs: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(utcMs));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60_000);
}

/**
 * `2026-11-20T09:30` on the clocks of `zone` → ISO instant. A time in a spring-forward gap moves
 * forward by the gap; an ambiguous one takes the earlier instant (as SPEC §2 maps schedules).
 */
export function zonedToInstant(local: string, zone: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})/.exec(local);
  if (!m) throw new Error(`not a local date-time: ${local}`);
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  const before = offsetMinutes(wall - 86_400_000, zone);
  const after = offsetMinutes(wall + 86_400_000, zone);
  const candidates = [wall - before * 60_000, wall - after * 60_000].filter(
    (t) => t + offsetMinutes(t, zone) * 60_000 === wall,
  );
  const at = candidates.length > 0 ? Math.min(...candidates) : wall - before * 60_000;
  return new Date(at).toISOString();
}

/** Today's local date in a zone: `2026-11-20`. */
export function todayIn(zone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
