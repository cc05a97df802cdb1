/**
 * Zone-less dates and times as exports print them (SPEC §10: read in `--timezone`): numeric dates
 * in a given order, month names, 12- and 24-hour clocks, and instants written with the local
 * offset so a reader sees the wall time the source showed.
 */
import { daysFromCivil, MS_PER_DAY } from '#core/time/calendar';
import { formatInZone } from '#core/time/format-in-zone';
import { localToInstant, offsetAt } from '#core/time/zone-offset';

export { formatInZone };

export type DateOrder = 'YMD' | 'MDY' | 'DMY';
export const DATE_ORDERS: readonly DateOrder[] = ['YMD', 'MDY', 'DMY'];

export interface CivilDate {
  y: number;
  m: number;
  d: number;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function formatCivilDate(c: CivilDate): string {
  return `${String(c.y).padStart(4, '0')}-${pad2(c.m)}-${pad2(c.d)}`;
}

function daysIn(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function valid(y: number, m: number, d: number): CivilDate | null {
  if (!Number.isInteger(y) || y < 1000 || y > 9999) return null;
  if (m < 1 || m > 12 || d < 1 || d > daysIn(y, m)) return null;
  return { y, m, d };
}

/** Month names (English, Spanish, French, German, Portuguese, Italian; first 3+ letters). */
const MONTHS: Record<string, number> = {};
const MONTH_NAMES: [number, string[]][] = [
  [1, ['jan', 'ene', 'janv', 'gen', 'januar', 'enero', 'janvier', 'janeiro', 'gennaio']],
  [2, ['feb', 'fév', 'fev', 'févr', 'fevereiro', 'februar', 'febrero', 'février', 'febbraio']],
  [3, ['mar', 'mär', 'märz', 'marzo', 'mars', 'março']],
  [4, ['apr', 'abr', 'avr', 'april', 'abril', 'avril', 'aprile']],
  [5, ['may', 'mai', 'mayo', 'maio', 'mag', 'maggio']],
  [6, ['jun', 'juin', 'juni', 'junio', 'junho', 'giu', 'giugno']],
  [7, ['jul', 'juil', 'juli', 'julio', 'julho', 'juillet', 'lug', 'luglio']],
  [8, ['aug', 'ago', 'août', 'aout', 'august', 'agosto']],
  [9, ['sep', 'sept', 'set', 'september', 'septiembre', 'septembre', 'setembro', 'settembre']],
  [10, ['oct', 'okt', 'out', 'ott', 'oktober', 'octubre', 'octobre', 'outubro', 'ottobre']],
  [11, ['nov', 'november', 'noviembre', 'novembre', 'novembro']],
  [12, ['dec', 'dic', 'dez', 'déc', 'dezember', 'diciembre', 'décembre', 'dezembro', 'dicembre']],
];
for (const [n, names] of MONTH_NAMES) for (const name of names) MONTHS[name] = n;

export function monthFromName(name: string): number | undefined {
  const k = name.toLowerCase().replace(/\.$/, '');
  return Object.hasOwn(MONTHS, k) ? MONTHS[k] : undefined;
}

function year(n: number, digits: number): number {
  // Two-digit years: 70–99 → 1900s, else 2000s (the usual pivot).
  if (digits <= 2) return n >= 70 ? 1900 + n : 2000 + n;
  return n;
}

const NUMERIC_DATE = /^(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,4})$/;
const NAMED_MONTH_DATE = /^(\d{1,2})[-/. ]([A-Za-zÀ-ÿ]{3,10}\.?)[-/. ](\d{2,4})$/;

/**
 * Reads a date. `YYYY-MM-DD` (and `YYYY/MM/DD`) need no order; `03/04/2024` is read in `order`
 * (null when no order is given or the date is impossible); `22/Sep/25` names its month.
 */
export function parseCivilDate(s: string, order?: DateOrder): CivilDate | null {
  const t = s.trim();
  const m = NUMERIC_DATE.exec(t);
  if (m) {
    const a = m[1] as string;
    const b = Number(m[2]);
    const c = m[3] as string;
    if (a.length === 4) return valid(Number(a), b, Number(c));
    if (order === 'MDY') return valid(year(Number(c), c.length), Number(a), b);
    if (order === 'DMY') return valid(year(Number(c), c.length), b, Number(a));
    return null;
  }
  const n = NAMED_MONTH_DATE.exec(t);
  if (n) {
    const month = monthFromName(n[2] as string);
    if (month === undefined) return null;
    return valid(year(Number(n[3]), (n[3] as string).length), month, Number(n[1]));
  }
  return null;
}

/** The orders under which a date is valid (all of them for `YYYY-MM-DD`). */
export function ordersAccepting(s: string): DateOrder[] {
  const t = s.trim();
  const m = NUMERIC_DATE.exec(t);
  if (!m || (m[1] as string).length === 4) return parseCivilDate(t) ? [...DATE_ORDERS] : [];
  return (['MDY', 'DMY'] as DateOrder[]).filter((o) => parseCivilDate(t, o) !== null);
}

/** True when the date's numeric parts could be read either way (`03/04/2024`). */
export function needsOrder(s: string): boolean {
  // Fast path for the common `YYYY-MM-DD`.
  if (s.length === 10 && s.charCodeAt(4) === 45) return false;
  const m = NUMERIC_DATE.exec(s.trim());
  return m !== null && (m[1] as string).length !== 4;
}

const CLOCK = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*([AaPp]\.?\s?[Mm]\.?)?$/;

/**
 * Seconds after midnight of a clock time: `14:05`, `14:05:09`, `2:05 PM`, `02:05:09 pm`,
 * `午後2:05`. Null when malformed. 12 AM is midnight, 12 PM noon.
 */
export function parseClockTime(s: string): number | null {
  let t = s.trim();
  let meridiem: 'am' | 'pm' | undefined;
  if (t.startsWith('午前')) {
    meridiem = 'am';
    t = t.slice(2).trim();
  } else if (t.startsWith('午後')) {
    meridiem = 'pm';
    t = t.slice(2).trim();
  }
  const m = CLOCK.exec(t);
  if (!m) return null;
  let h = Number(m[1]);
  const mi = Number(m[2]);
  const sec = m[3] !== undefined ? Number(m[3]) : 0;
  if (m[4]) meridiem = m[4].toLowerCase().startsWith('a') ? 'am' : 'pm';
  if (mi > 59 || sec > 59) return null;
  if (meridiem) {
    if (h < 1 || h > 12) return null;
    if (h === 12) h = 0;
    if (meridiem === 'pm') h += 12;
  } else if (h > 24 || (h === 24 && (mi > 0 || sec > 0))) return null;
  return h * 3600 + mi * 60 + sec;
}

/**
 * A duration as exports print it: `01:30:00`, `1:30`, `18:25 min`, and — on 12-hour accounts —
 * a clock time (`02:00:00 AM` = 2 h, `12:15:00 AM` = 15 min, `01:00:00 PM` = 13 h). Seconds.
 */
export function parseDurationText(s: string): number | null {
  const t = s.trim();
  const min = /^(\d+):(\d{2})\s*min$/i.exec(t);
  if (min) return Number(min[1]) * 60 + Number(min[2]);
  if (/[AaPp]\.?\s?[Mm]\.?$/.test(t)) return parseClockTime(t);
  const hms = /^(\d+):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (hms) {
    const mi = Number(hms[2]);
    const sec = hms[3] !== undefined ? Number(hms[3]) : 0;
    if (mi > 59 || sec > 59) return null;
    return Number(hms[1]) * 3600 + mi * 60 + sec;
  }
  return null;
}

/** Epoch ms of a local wall time in `zone` (gaps move forward, overlaps take the earlier; SPEC §2). */
export function zonedMs(zone: string, c: CivilDate, secondsOfDay: number): number {
  const local = daysFromCivil(c.y, c.m, c.d) * MS_PER_DAY + secondsOfDay * 1000;
  return localToInstant(zone, local);
}

/** The local date of an instant in `zone`. */
export function localDateOf(ms: number, zone: string): string {
  const off = zone === 'UTC' ? 0 : offsetAt(zone, ms);
  return new Date(ms + off).toISOString().slice(0, 10);
}

/** Local date and wall time → the instant text in that zone. */
export function zonedInstant(zone: string, c: CivilDate, secondsOfDay: number): string {
  return formatInZone(zonedMs(zone, c, secondsOfDay), zone);
}
