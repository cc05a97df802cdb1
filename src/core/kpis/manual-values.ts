/**
 * A manual KPI's values (SPEC §4 "manual"): its `manualValue` events, one per bucket of the KPI's
 * own period. A value labelled with another period (`2026-W47` for a monthly KPI) cannot be placed
 * without guessing, so it is refused rather than silently left out.
 */
import { AppError } from '../../errors.ts';
import type { PreparedRow } from '../metrics/prepared-event.ts';
import { periodOfLabel } from '../time/calendar.ts';
import { type KpiDefinition, kpiPeriod } from './kpi-definition.ts';

type ManualKpi = Pick<KpiDefinition, 'id' | 'assistant' | 'metric' | 'period'>;

/** The labels of the KPI's manual values that are not labels of its period, sorted, once each. */
export function manualLabelMismatches(rows: Iterable<PreparedRow>, kpi: ManualKpi): string[] {
  if (kpi.metric !== 'manual') return [];
  const period = kpiPeriod(kpi);
  const bad = new Set<string>();
  for (const r of rows)
    if (r.kind === 'manualValue' && r.assistant === kpi.assistant && r.kpi === kpi.id)
      if (periodOfLabel(r.period) !== period) bad.add(r.period);
  return [...bad].sort();
}

/** Throws `validation_failed` when a manual KPI's values are labelled with another period. */
export function assertManualLabels(rows: Iterable<PreparedRow>, kpi: ManualKpi): void {
  const bad = manualLabelMismatches(rows, kpi);
  if (bad.length === 0) return;
  const period = kpiPeriod(kpi);
  throw new AppError(
    'validation_failed',
    `${kpi.id} is kept per ${period}, but ${bad.length === 1 ? 'a value is' : `${bad.length} values are`} labelled ${bad.slice(0, 3).join(', ')}${bad.length > 3 ? ', …' : ''}: label each value with a ${period} (or change the KPI's period)`,
    { kpi: kpi.id, period, labels: bad },
  );
}
