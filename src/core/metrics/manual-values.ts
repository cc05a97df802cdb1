/** manual — a manual KPI's values: its manualValue events, per period label (SPEC §4). */
import type { ManualValueRow } from './prepared-event.ts';

/** Values of one manual KPI by period label; a later event for the same period replaces an earlier one. */
export function manualValues(rows: readonly ManualValueRow[], kpi: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) if (r.kpi === kpi) out.set(r.period, r.value);
  return out;
}
