/**
 * Instants written with the offset of a zone (`2026-11-20T09:30:00+01:00`): how importers and
 * webhooks print the events they make, so the same record reads the same from either. Day and
 * offset texts are cached: a large import prints the same days again and again.
 */
import { MS_PER_DAY } from './calendar.ts';
import { offsetAt } from './zone-offset.ts';

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

const TWO = Array.from({ length: 60 }, (_, i) => pad2(i));
const offsetTexts = new Map<number, string>();
const dayTexts = new Map<number, string>();

function offsetText(off: number): string {
  let t = offsetTexts.get(off);
  if (t === undefined) {
    const abs = Math.abs(Math.round(off / 60000));
    t = off === 0 ? 'Z' : `${off < 0 ? '-' : '+'}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
    offsetTexts.set(off, t);
  }
  return t;
}

function dayText(day: number): string {
  let t = dayTexts.get(day);
  if (t === undefined) {
    t = `${new Date(day * MS_PER_DAY).toISOString().slice(0, 10)}T`;
    if (dayTexts.size > 100_000) dayTexts.clear();
    dayTexts.set(day, t);
  }
  return t;
}

/** `YYYY-MM-DDTHH:MM:SS(.sss)±HH:MM` (or `Z`) of an instant, shown in `zone`. */
export function formatInZone(ms: number, zone: string): string {
  const off = zone === 'UTC' ? 0 : offsetAt(zone, ms);
  const local = ms + off;
  const day = Math.floor(local / MS_PER_DAY);
  const inDay = local - day * MS_PER_DAY;
  const secs = Math.floor(inDay / 1000);
  const frac = inDay - secs * 1000;
  const clock = `${TWO[Math.floor(secs / 3600)]}:${TWO[Math.floor(secs / 60) % 60]}:${TWO[secs % 60]}`;
  const body = frac === 0 ? clock : `${clock}.${String(frac).padStart(3, '0')}`;
  return dayText(day) + body + offsetText(off);
}
