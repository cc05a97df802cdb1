/**
 * Numbers for people (issue 7): `92 %`, `4.3 / 5`, `1 h 25 min`, `1,204`. A non-breaking space
 * keeps a number and its unit on one line. `null` (a bucket whose value cannot be computed,
 * SPEC §4) is shown as an em dash, never as 0.
 */
const NBSP = '\u00a0';
export const NO_VALUE = '—';

const integer = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const upToTwo = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });

/** A rate in [0, 1] as a whole percentage: 0.9166 → `92 %`. */
export function formatPercent(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return NO_VALUE;
  return `${integer.format(rate * 100)}${NBSP}%`;
}

/**
 * A 1–5 score: `4.3 / 5`. Two decimals (`4.25 / 5`) where a reader checks the arithmetic, as in
 * "show the working"; one is enough at a glance.
 */
export function formatScore(score: number | null | undefined, opts: { decimals?: 1 | 2 } = {}): string {
  if (score === null || score === undefined || !Number.isFinite(score)) return NO_VALUE;
  const digits = opts.decimals === 2 ? twoDecimals : oneDecimal;
  return `${digits.format(score)}${NBSP}/${NBSP}5`;
}

/** Minutes as `1 h 25 min`, `45 min`, `< 1 min`; days are not used because these are working minutes. */
export function formatMinutes(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined || !Number.isFinite(minutes)) return NO_VALUE;
  const total = Math.round(Math.abs(minutes));
  const sign = minutes < 0 && total > 0 ? '−' : '';
  if (total === 0) return minutes === 0 ? `0${NBSP}min` : `<${NBSP}1${NBSP}min`;
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (h === 0) return `${sign}${m}${NBSP}min`;
  if (m === 0) return `${sign}${integer.format(h)}${NBSP}h`;
  return `${sign}${integer.format(h)}${NBSP}h ${m}${NBSP}min`;
}

/** Hours with at most one decimal: `12.5 h`. */
export function formatHours(hours: number | null | undefined): string {
  if (hours === null || hours === undefined || !Number.isFinite(hours)) return NO_VALUE;
  return `${oneDecimal.format(hours).replace(/\.0$/, '')}${NBSP}h`;
}

/** A count: `1,204`. */
export function formatCount(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return NO_VALUE;
  return Number.isInteger(n) ? integer.format(n) : upToTwo.format(n);
}

/** A plain number with up to two decimals (manual KPIs). */
export function formatPlain(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return NO_VALUE;
  return upToTwo.format(n);
}
