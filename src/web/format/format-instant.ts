/**
 * Instants shown in a named zone (issue 7: the viewer's zone and the assistant's zone, with the
 * zone named). Uses Intl only, so any IANA zone the browser knows works.
 */

/** The browser's own IANA zone. */
export function viewerZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** A readable name for a zone: `Europe/Berlin` → `Berlin`, `America/Argentina/Buenos_Aires` → `Buenos Aires`. */
export function zoneCity(zone: string): string {
  const last = zone.split('/').at(-1) ?? zone;
  return last.replaceAll('_', ' ');
}

/** The zone's short name at that instant, e.g. `CET`, `GMT+8`. */
export function zoneAbbreviation(iso: string | Date, zone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: zone, timeZoneName: 'short' }).formatToParts(
    typeof iso === 'string' ? new Date(iso) : iso,
  );
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? zone;
}

/** `Mon 23 Nov 2026, 14:05` in the zone (no zone name; see formatInstantWithZone). */
export function formatInstant(iso: string | Date, zone: string, opts: { withYear?: boolean } = {}): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  if (Number.isNaN(d.getTime())) return String(iso);
  const p = partsOf(d, zone, true);
  const date =
    opts.withYear === false
      ? `${p.weekday} ${p.day} ${p.month}`
      : `${p.weekday} ${p.day} ${p.month} ${p.year}`;
  return `${date}, ${p.hour}:${p.minute}`;
}

type Parts = Record<'weekday' | 'day' | 'month' | 'year' | 'hour' | 'minute', string>;

/** Date parts in a fixed order, so the output does not depend on a locale's punctuation. */
function partsOf(d: Date, zone: string, withTime: boolean): Parts {
  const out: Parts = { weekday: '', day: '', month: '', year: '', hour: '', minute: '' };
  const fmt = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
  });
  for (const part of fmt.formatToParts(d)) {
    if (part.type in out) out[part.type as keyof Parts] = part.value;
  }
  return out;
}

/** `Mon 23 Nov 2026, 14:05 (Berlin, CET)`. */
export function formatInstantWithZone(iso: string | Date, zone: string): string {
  return `${formatInstant(iso, zone)} (${zoneCity(zone)}, ${zoneAbbreviation(iso, zone)})`;
}

/** A local date `2026-11-20` as `Fri 20 Nov 2026`, independent of any zone. */
export function formatLocalDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  const p = partsOf(d, 'UTC', false);
  return `${p.weekday} ${p.day} ${p.month} ${p.year}`;
}

/** Every IANA zone the browser knows, for zone pickers. */
export function allZones(): string[] {
  const withValues = Intl as typeof Intl & { supportedValuesOf?: (key: string) => string[] };
  const zones = withValues.supportedValuesOf?.('timeZone') ?? [];
  return zones.length > 0 ? zones : ['UTC'];
}
