/**
 * Instants written with the offset of the connection's zone, as the importers write them
 * (src/importers/common/local-time.ts `formatInZone`), so an event from a webhook reads like the
 * same event from an import. Only the text differs between zones; the instant is the same.
 */
import { offsetAt } from '#core/time/zone-offset';

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

export function formatInZone(ms: number, zone: string): string {
  const off = zone === 'UTC' ? 0 : offsetAt(zone, ms);
  const local = new Date(ms + off).toISOString();
  const body = local.endsWith('.000Z') ? local.slice(0, 19) : local.slice(0, 23);
  if (off === 0) return `${body}Z`;
  const sign = off < 0 ? '-' : '+';
  const abs = Math.abs(Math.round(off / 60000));
  return `${body}${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}
