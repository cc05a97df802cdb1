/**
 * ISO-8601 instants with an offset or Z (SPEC §3), parsed by hand: the hot path reads millions of
 * them, and `Date.parse` accepts forms the contract does not (no offset, two-digit years, …).
 */
import { daysFromCivil, MS_PER_DAY } from './calendar.ts';

function num(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

const DIM = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Epoch milliseconds of `YYYY-MM-DDTHH:MM[:SS[.fff…]](Z|±HH:MM)`, or NaN when the text is not such
 * an instant. Fractions beyond milliseconds are truncated.
 */
export function parseInstant(s: string): number {
  const len = s.length;
  if (len < 17) return Number.NaN;
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(13) !== 58) return Number.NaN;
  const t = s.charCodeAt(10);
  if (t !== 84 && t !== 116) return Number.NaN;
  const y = num(s, 0, 4);
  const mo = num(s, 5, 7);
  const d = num(s, 8, 10);
  const h = num(s, 11, 13);
  const mi = num(s, 14, 16);
  // Year 1 at the earliest: a year-0 instant can fall in ISO week-year -1, and a bucket label
  // (SPEC §2: 2026-W47, 2026-11, 2026-Q4) has a year of four digits, not "00-1-W52".
  if (y < 1 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59) return Number.NaN;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (d > (mo === 2 && leap ? 29 : (DIM[mo - 1] ?? 0))) return Number.NaN;
  let i = 16;
  let sec = 0;
  let ms = 0;
  if (s.charCodeAt(i) === 58) {
    sec = num(s, i + 1, i + 3);
    if (sec < 0 || sec > 59) return Number.NaN;
    i += 3;
    if (s.charCodeAt(i) === 46 || s.charCodeAt(i) === 44) {
      i++;
      const start = i;
      while (i < len) {
        const c = s.charCodeAt(i) - 48;
        if (c < 0 || c > 9) break;
        if (i - start < 3) ms = ms * 10 + c;
        i++;
      }
      const n = i - start;
      if (n === 0 || n > 9) return Number.NaN;
      if (n === 1) ms *= 100;
      else if (n === 2) ms *= 10;
    }
  }
  let offsetMin = 0;
  const z = s.charCodeAt(i);
  if (z === 90 || z === 122) {
    if (i + 1 !== len) return Number.NaN;
  } else if (z === 43 || z === 45) {
    if (i + 6 !== len || s.charCodeAt(i + 3) !== 58) return Number.NaN;
    const oh = num(s, i + 1, i + 3);
    const om = num(s, i + 4, i + 6);
    if (oh < 0 || oh > 23 || om < 0 || om > 59) return Number.NaN;
    offsetMin = (oh * 60 + om) * (z === 45 ? -1 : 1);
  } else {
    return Number.NaN;
  }
  return daysFromCivil(y, mo, d) * MS_PER_DAY + ((h * 60 + mi - offsetMin) * 60 + sec) * 1000 + ms;
}

/** Epoch ms → `YYYY-MM-DDTHH:MM:SS.sssZ`. */
export function formatInstant(ms: number): string {
  return new Date(ms).toISOString();
}
