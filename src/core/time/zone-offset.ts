/**
 * UTC offsets of IANA zones from the platform's tz database (Intl), cached per UTC day so that the
 * hot path costs a Map lookup: a day's offset is read at its start and end, and only a day whose
 * two offsets differ is searched for the exact transition second.
 */
import { MS_PER_DAY } from './calendar.ts';

interface DayOffsets {
  before: number;
  /** First instant (ms) of the new offset, or +Infinity when the day has no transition. */
  transition: number;
  after: number;
}

interface ZoneCache {
  dtf: Intl.DateTimeFormat;
  days: Map<number, DayOffsets>;
}

const zones = new Map<string, ZoneCache>();

function zoneCache(zone: string): ZoneCache {
  let z = zones.get(zone);
  if (!z) {
    const dtf = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    z = { dtf, days: new Map() };
    zones.set(zone, z);
  }
  return z;
}

/** True when the platform knows this IANA zone name. */
export function isValidTimeZone(zone: string): boolean {
  if (typeof zone !== 'string' || zone.length === 0 || zone.length > 64) return false;
  if (zones.has(zone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The name a zone is stored and computed under (SPEC §2, §12), or null when the platform does not
 * know it. Intl matches zone names regardless of letter case, so "europe/berlin" would otherwise
 * pass as a second spelling of Europe/Berlin; a name that differs from Intl's resolved name only
 * in case becomes that name. An alias is kept as written: on some platforms Intl resolves aliases
 * to ICU's older names (Europe/Kyiv → Europe/Kiev, Asia/Kolkata → Asia/Calcutta), and rewriting
 * the zone someone chose into an outdated name of the same zone would be wrong.
 */
export function canonicalTimeZone(zone: string): string | null {
  if (!isValidTimeZone(zone)) return null;
  const resolved = zoneCache(zone).dtf.resolvedOptions().timeZone;
  return resolved !== zone && resolved.toLowerCase() === zone.toLowerCase() ? resolved : zone;
}

function offsetFromIntl(dtf: Intl.DateTimeFormat, ms: number): number {
  const whole = Math.floor(ms / 1000) * 1000;
  let y = 0;
  let mo = 0;
  let d = 0;
  let h = 0;
  let mi = 0;
  let s = 0;
  let bc = false;
  for (const p of dtf.formatToParts(whole)) {
    switch (p.type) {
      case 'year':
        y = Number(p.value);
        break;
      case 'month':
        mo = Number(p.value);
        break;
      case 'day':
        d = Number(p.value);
        break;
      case 'hour':
        h = Number(p.value);
        break;
      case 'minute':
        mi = Number(p.value);
        break;
      case 'second':
        s = Number(p.value);
        break;
      case 'era':
        bc = p.value === 'BC' || p.value === 'B';
        break;
    }
  }
  if (bc) y = 1 - y;
  const local = Date.UTC(y, mo - 1, d, h, mi, s);
  // Date.UTC maps years 0–99 to 1900–1999; correct for them.
  const fixed = y >= 0 && y < 100 ? new Date(local).setUTCFullYear(y) : local;
  return fixed - whole;
}

function dayOffsets(z: ZoneCache, utcDay: number): DayOffsets {
  let e = z.days.get(utcDay);
  if (e) return e;
  const start = utcDay * MS_PER_DAY;
  const end = start + MS_PER_DAY;
  const before = offsetFromIntl(z.dtf, start);
  const after = offsetFromIntl(z.dtf, end - 1000);
  let transition = Number.POSITIVE_INFINITY;
  if (before !== after) {
    // Binary search, to the second, the first instant showing the new offset.
    let lo = start;
    let hi = end - 1000;
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
      if (offsetFromIntl(z.dtf, mid) === before) lo = mid;
      else hi = mid;
    }
    transition = hi;
  }
  e = { before, transition, after };
  z.days.set(utcDay, e);
  return e;
}

/** Offset of `zone` at the instant `ms`, in milliseconds (local = utc + offset). */
export function offsetAt(zone: string, ms: number): number {
  const e = dayOffsets(zoneCache(zone), Math.floor(ms / MS_PER_DAY));
  return ms < e.transition ? e.before : e.after;
}

/**
 * The instant of a local wall time (`localMs` = that wall time read as if it were UTC), resolved
 * like Temporal's `disambiguation: "compatible"` (SPEC §2): a time in a gap moves forward by the
 * gap, an ambiguous time takes the earlier instant.
 */
export function localToInstant(zone: string, localMs: number): number {
  const z = zoneCache(zone);
  // Offsets in force a day either side bound the candidates (no zone shifts twice within a day).
  const oBefore = offsetAtCached(z, localMs - MS_PER_DAY);
  const oAfter = offsetAtCached(z, localMs + MS_PER_DAY);
  const t1 = localMs - oBefore;
  const t2 = localMs - oAfter;
  const ok1 = offsetAtCached(z, t1) === oBefore;
  const ok2 = offsetAtCached(z, t2) === oAfter;
  if (ok1 && ok2) return Math.min(t1, t2);
  if (ok1) return t1;
  if (ok2) return t2;
  // In a gap: read the wall time with the offset before the transition, which lands past it.
  return t1;
}

function offsetAtCached(z: ZoneCache, ms: number): number {
  const e = dayOffsets(z, Math.floor(ms / MS_PER_DAY));
  return ms < e.transition ? e.before : e.after;
}
