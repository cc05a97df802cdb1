/**
 * RFC 5322 / RFC 822 dates as mail headers and Jira XML print them: `Fri, 20 Sep 2019 08:37:45
 * -0400`, with or without the weekday and seconds, with a `(PDT)` comment, double spaces,
 * `-0000`, two-digit years and the obsolete zone names. Also the asctime form of mbox `From_`
 * lines (`Tue Aug 05 08:00:23 +0000 2008`, `Fri Sep 20 12:27:56 2019`).
 */
import { daysFromCivil, MS_PER_DAY } from '#core/time/calendar';
import { monthFromName } from './local-time.ts';

const ZONES: Record<string, number> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
};

function zoneMinutes(z: string | undefined): number | null {
  if (z === undefined) return null;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(z);
  if (m) return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  const k = z.toUpperCase();
  return Object.hasOwn(ZONES, k) ? (ZONES[k] as number) : null;
}

function civilMs(y: number, mo: number, d: number, h: number, mi: number, s: number): number | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return null;
  return daysFromCivil(y, mo, d) * MS_PER_DAY + (h * 3600 + mi * 60 + Math.min(s, 59)) * 1000;
}

function fullYear(y: string): number {
  const n = Number(y);
  if (y.length === 4) return n;
  return y.length === 3 ? 1900 + n : n < 50 ? 2000 + n : 1900 + n;
}

const RFC =
  /^(?:[A-Za-z]{3},?\s+)?(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{2}:?\d{2}|[A-Za-z]{1,5})?/;
const ASCTIME =
  /^[A-Za-z]{3}\s+([A-Za-z]{3})\s+(\d{1,2})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s+(?:([+-]\d{4}|[A-Za-z]{1,5})\s+)?(\d{4})/;

/**
 * Epoch ms of an RFC 5322 date, or null. A missing or unknown zone reads as UTC and `zoneless` is
 * set, so the caller can say so.
 */
export function parseRfcDate(text: string): { ms: number; zoneless: boolean } | null {
  const s = text
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const m = RFC.exec(s);
  if (m) {
    const month = monthFromName((m[2] as string).slice(0, 3));
    if (month === undefined) return null;
    const base = civilMs(
      fullYear(m[3] as string),
      month,
      Number(m[1]),
      Number(m[4]),
      Number(m[5]),
      Number(m[6] ?? 0),
    );
    if (base === null) return null;
    const z = zoneMinutes(m[7]);
    return { ms: base - (z ?? 0) * 60_000, zoneless: z === null };
  }
  return parseAsctime(s);
}

/** The date of an mbox `From_` line's asctime part. */
export function parseAsctime(text: string): { ms: number; zoneless: boolean } | null {
  const a = ASCTIME.exec(text.trim());
  if (!a) return null;
  const month = monthFromName(a[1] as string);
  if (month === undefined) return null;
  const base = civilMs(Number(a[7]), month, Number(a[2]), Number(a[3]), Number(a[4]), Number(a[5] ?? 0));
  if (base === null) return null;
  const z = zoneMinutes(a[6]);
  return { ms: base - (z ?? 0) * 60_000, zoneless: z === null };
}
